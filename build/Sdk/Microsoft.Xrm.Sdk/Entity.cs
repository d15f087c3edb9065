using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A row: logical name, id and a bag of attribute values.</summary>
    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection _attributes = new AttributeCollection();
        private FormattedValueCollection _formattedValues = new FormattedValueCollection();
        private RelatedEntityCollection _relatedEntities = new RelatedEntityCollection();
        private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();

        public Entity() { }

        public Entity(string entityName) { LogicalName = entityName; }

        public Entity(string entityName, Guid id)
        {
            LogicalName = entityName;
            Id = id;
        }

        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            _keyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            _keyAttributes = keyAttributes ?? new KeyAttributeCollection();
        }

        public string LogicalName { get; set; }
        public Guid Id { get; set; }

        public AttributeCollection Attributes
        {
            get => _attributes;
            set => _attributes = value ?? new AttributeCollection();
        }

        public EntityState? EntityState { get; set; }

        public FormattedValueCollection FormattedValues
        {
            get => _formattedValues;
            set => _formattedValues = value ?? new FormattedValueCollection();
        }

        public RelatedEntityCollection RelatedEntities
        {
            get => _relatedEntities;
            set => _relatedEntities = value ?? new RelatedEntityCollection();
        }

        public string RowVersion { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes;
            set => _keyAttributes = value ?? new KeyAttributeCollection();
        }

        public bool HasLazyFileAttribute { get; set; }
        public string LazyFileAttributeKey { get; set; }
        public Lazy<object> LazyFileAttributeValue { get; set; }
        public string LazyFileSizeAttributeKey { get; set; }
        public int LazyFileSizeAttributeValue { get; set; }

        /// <summary>Throws KeyNotFoundException when the attribute is not in the bag (as the SDK does).</summary>
        public object this[string attributeName]
        {
            get => _attributes[attributeName];
            set => _attributes[attributeName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public bool Contains(string attributeName) => _attributes.Contains(attributeName);

        /// <summary>Copies this row into an early-bound subclass. The subclass's logical name (set by its
        /// constructor or its EntityLogicalName attribute) must match this row's.</summary>
        public T ToEntity<T>() where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var plain = new Entity();
                ShallowCopyTo(plain);
                return (T)plain;
            }

            var target = (T)Activator.CreateInstance(typeof(T));
            var expected = EarlyBoundLogicalName(typeof(T)) ?? target.LogicalName;
            if (!string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(LogicalName) && expected != LogicalName)
                throw new NotSupportedException(
                    $"Cannot convert an entity of logical name '{LogicalName}' to type {typeof(T).FullName} (logical name '{expected}').");
            ShallowCopyTo(target);
            if (string.IsNullOrEmpty(target.LogicalName)) target.LogicalName = expected;
            return target;
        }

        public EntityReference ToEntityReference()
        {
            if (string.IsNullOrEmpty(LogicalName))
                throw new NotSupportedException("LogicalName must be set before calling ToEntityReference()");
            return new EntityReference(LogicalName, Id) { KeyAttributes = _keyAttributes, RowVersion = RowVersion };
        }

        /// <summary>Returns default(T) when the attribute is missing or null.</summary>
        public T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!_attributes.TryGetValue(attributeLogicalName, out object value) || value == null) return default(T);
            return (T)value;
        }

        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (_attributes.TryGetValue(attributeKey, out object value) && value is T typed)
            {
                result = typed;
                return true;
            }
            result = default(T);
            return false;
        }

        private void ShallowCopyTo(Entity target)
        {
            target.LogicalName = LogicalName;
            target.Id = Id;
            target.Attributes = _attributes;
            target.EntityState = EntityState;
            target.FormattedValues = _formattedValues;
            target.RelatedEntities = _relatedEntities;
            target.KeyAttributes = _keyAttributes;
            target.RowVersion = RowVersion;
            target.ExtensionData = ExtensionData;
        }

        // Early-bound classes carry [EntityLogicalName("x")] from Microsoft.Xrm.Sdk.Client; matched by name so the
        // stand-in need not declare that namespace.
        private static string EarlyBoundLogicalName(Type type)
        {
            var attribute = type.GetCustomAttributes(true)
                .FirstOrDefault(a => a.GetType().Name == "EntityLogicalNameAttribute");
            return attribute?.GetType().GetProperty("LogicalName", BindingFlags.Public | BindingFlags.Instance)?.GetValue(attribute) as string;
        }
    }
}
