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
        // What most rows never carry (formatted values, related rows, key attributes, entity state, extension data,
        // a file column loaded on demand) lives in one object made on first use: a row is its name, id, version and
        // attributes.
        private Rare _rare;
        private Rare Extra => _rare ?? (_rare = new Rare());

        private sealed class Rare
        {
            public FormattedValueCollection FormattedValues;
            public RelatedEntityCollection RelatedEntities;
            public KeyAttributeCollection KeyAttributes;
            public EntityState? State;
            public ExtensionDataObject ExtensionData;
            public bool HasLazyFile;
            public string LazyFileKey;
            public Lazy<object> LazyFileValue;
            public string LazyFileSizeKey;
            public int LazyFileSize;
        }

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
            KeyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            Extra.KeyAttributes = keyAttributes ?? new KeyAttributeCollection();
        }

        public string LogicalName { get; set; }
        public Guid Id { get; set; }

        public AttributeCollection Attributes
        {
            get => _attributes;
            set => _attributes = value ?? new AttributeCollection();
        }

        public EntityState? EntityState
        {
            get => _rare?.State;
            set { if (value != null || _rare != null) Extra.State = value; }
        }

        public FormattedValueCollection FormattedValues
        {
            get => Extra.FormattedValues ?? (Extra.FormattedValues = new FormattedValueCollection());
            set => Extra.FormattedValues = value ?? new FormattedValueCollection();
        }

        public RelatedEntityCollection RelatedEntities
        {
            get => Extra.RelatedEntities ?? (Extra.RelatedEntities = new RelatedEntityCollection());
            set => Extra.RelatedEntities = value ?? new RelatedEntityCollection();
        }

        public string RowVersion { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get => Extra.KeyAttributes ?? (Extra.KeyAttributes = new KeyAttributeCollection());
            set => Extra.KeyAttributes = value ?? new KeyAttributeCollection();
        }

        public bool HasLazyFileAttribute { get => _rare?.HasLazyFile ?? false; set => Extra.HasLazyFile = value; }
        public string LazyFileAttributeKey { get => _rare?.LazyFileKey; set => Extra.LazyFileKey = value; }
        public Lazy<object> LazyFileAttributeValue { get => _rare?.LazyFileValue; set => Extra.LazyFileValue = value; }
        public string LazyFileSizeAttributeKey { get => _rare?.LazyFileSizeKey; set => Extra.LazyFileSizeKey = value; }
        public int LazyFileSizeAttributeValue { get => _rare?.LazyFileSize ?? 0; set => Extra.LazyFileSize = value; }

        /// <summary>Throws KeyNotFoundException when the attribute is not in the bag (as the SDK does).</summary>
        public object this[string attributeName]
        {
            get => _attributes[attributeName];
            set => _attributes[attributeName] = value;
        }

        public ExtensionDataObject ExtensionData
        {
            get => _rare?.ExtensionData;
            set { if (value != null || _rare != null) Extra.ExtensionData = value; }
        }

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
            var reference = new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
            if (_rare?.KeyAttributes != null) reference.KeyAttributes = _rare.KeyAttributes;
            return reference;
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
            // the copy shares the collections (made now if they were not yet), as the SDK's ToEntity does
            target.FormattedValues = FormattedValues;
            target.RelatedEntities = RelatedEntities;
            target.KeyAttributes = KeyAttributes;
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
