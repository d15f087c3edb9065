using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A page of rows from RetrieveMultiple, with paging state.</summary>
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private DataCollection<Entity> _entities = new DataCollection<Entity>();

        public EntityCollection() { }

        public EntityCollection(IList<Entity> list) { _entities = new DataCollection<Entity>(list); }

        public DataCollection<Entity> Entities
        {
            get => _entities;
            set => _entities = value ?? new DataCollection<Entity>();
        }

        public bool MoreRecords { get; set; }
        public string PagingCookie { get; set; }
        public string MinActiveRowVersion { get; set; }
        public int TotalRecordCount { get; set; }
        public bool TotalRecordCountLimitExceeded { get; set; }

        public Entity this[int index]
        {
            get => _entities[index];
            set => _entities[index] = value;
        }

        public string EntityName { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }
}
