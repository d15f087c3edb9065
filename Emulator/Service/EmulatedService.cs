using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Pipeline;
using Taazeez.Crm.Emulator.Store;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>IOrganizationService for one caller. The typed methods are the SDK's shortcuts for their requests,
    /// so they go through the same pipeline; they build the request from copies of what the caller passed, so the
    /// pipeline need not copy it again.</summary>
    internal sealed class EmulatedService : IOrganizationService
    {
        private readonly Organization _org;
        private readonly Caller _caller;

        public EmulatedService(Organization org, Caller caller)
        {
            _org = org;
            _caller = caller;
        }

        public Guid Create(Entity entity) =>
            ((CreateResponse)_org.Execute(new CreateRequest { Target = Required(entity) }, _caller, RequestOwner.EmulatorWithCallersTarget)).id;

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
            ((RetrieveResponse)Owned(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

        public void Update(Entity entity) =>
            Owned(new UpdateRequest { Target = Required(entity).Id == Guid.Empty ? EntityCopy.WithKeys(entity) : EntityCopy.Of(entity) });

        public void Delete(string entityName, Guid id) => Owned(new DeleteRequest { Target = new EntityReference(entityName, id) });

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

        public EntityCollection RetrieveMultiple(QueryBase query) =>
            ((RetrieveMultipleResponse)Owned(new RetrieveMultipleRequest { Query = query })).EntityCollection;

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return _org.Execute(request, _caller);
        }

        private OrganizationResponse Owned(OrganizationRequest request) => _org.Execute(request, _caller, RequestOwner.Emulator);

        private static Entity Required(Entity entity) => entity ?? throw new ArgumentNullException(nameof(entity));
    }
}
