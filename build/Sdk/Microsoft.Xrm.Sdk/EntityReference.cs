using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A pointer to a row by logical name and id (or alternate key). Equal when name and id match.</summary>
    public sealed class EntityReference : IExtensibleDataObject
    {
        // made on first use: nearly every reference is by id
        private KeyAttributeCollection _keyAttributes;

        public EntityReference() { }

        public EntityReference(string logicalName) { LogicalName = logicalName; }

        public EntityReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            _keyAttributes = keyAttributeCollection ?? new KeyAttributeCollection();
        }

        public Guid Id { get; set; }
        public string LogicalName { get; set; }
        public string Name { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value ?? new KeyAttributeCollection();
        }

        public string RowVersion { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            return obj is EntityReference other
                && Id == other.Id
                && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);
        }

        public override int GetHashCode() => Id.GetHashCode() ^ (LogicalName?.GetHashCode() ?? 0);
    }
}
