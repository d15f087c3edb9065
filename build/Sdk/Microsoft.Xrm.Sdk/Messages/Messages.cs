using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

// Typed requests and responses keep their values in Parameters / Results under the SDK's documented names,
// so an untyped OrganizationRequest("Create") { ["Target"] = e } and a CreateRequest are the same message.
namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class CreateRequest : OrganizationRequest, IExtensibleDataObject
    {
        public CreateRequest() { RequestName = "Create"; }

        public Entity Target { get => Get<Entity>(Parameters, "Target"); set => Parameters["Target"] = value; }

        internal static T Get<T>(ParameterCollection parameters, string name) =>
            parameters.TryGetValue(name, out object value) && value is T typed ? typed : default(T);
    }

    public sealed class CreateResponse : OrganizationResponse, IExtensibleDataObject
    {
        public CreateResponse() { ResponseName = "Create"; }

        public Guid id => CreateRequest.Get<Guid>(Results, "id");
    }

    public sealed class RetrieveRequest : OrganizationRequest, IExtensibleDataObject
    {
        public RetrieveRequest() { RequestName = "Retrieve"; }

        public EntityReference Target { get => CreateRequest.Get<EntityReference>(Parameters, "Target"); set => Parameters["Target"] = value; }
        public ColumnSet ColumnSet { get => CreateRequest.Get<ColumnSet>(Parameters, "ColumnSet"); set => Parameters["ColumnSet"] = value; }
    }

    public sealed class RetrieveResponse : OrganizationResponse, IExtensibleDataObject
    {
        public RetrieveResponse() { ResponseName = "Retrieve"; }

        public Entity Entity => CreateRequest.Get<Entity>(Results, "Entity");
    }

    public sealed class UpdateRequest : OrganizationRequest, IExtensibleDataObject
    {
        public UpdateRequest() { RequestName = "Update"; }

        public Entity Target { get => CreateRequest.Get<Entity>(Parameters, "Target"); set => Parameters["Target"] = value; }
        public ConcurrencyBehavior ConcurrencyBehavior { get => CreateRequest.Get<ConcurrencyBehavior>(Parameters, "ConcurrencyBehavior"); set => Parameters["ConcurrencyBehavior"] = value; }
    }

    public sealed class UpdateResponse : OrganizationResponse, IExtensibleDataObject
    {
        public UpdateResponse() { ResponseName = "Update"; }
    }

    public sealed class DeleteRequest : OrganizationRequest, IExtensibleDataObject
    {
        public DeleteRequest() { RequestName = "Delete"; }

        public EntityReference Target { get => CreateRequest.Get<EntityReference>(Parameters, "Target"); set => Parameters["Target"] = value; }
        public ConcurrencyBehavior ConcurrencyBehavior { get => CreateRequest.Get<ConcurrencyBehavior>(Parameters, "ConcurrencyBehavior"); set => Parameters["ConcurrencyBehavior"] = value; }
    }

    public sealed class DeleteResponse : OrganizationResponse, IExtensibleDataObject
    {
        public DeleteResponse() { ResponseName = "Delete"; }
    }

    public sealed class RetrieveMultipleRequest : OrganizationRequest, IExtensibleDataObject
    {
        public RetrieveMultipleRequest() { RequestName = "RetrieveMultiple"; }

        public QueryBase Query { get => CreateRequest.Get<QueryBase>(Parameters, "Query"); set => Parameters["Query"] = value; }
    }

    public sealed class RetrieveMultipleResponse : OrganizationResponse, IExtensibleDataObject
    {
        public RetrieveMultipleResponse() { ResponseName = "RetrieveMultiple"; }

        public EntityCollection EntityCollection => CreateRequest.Get<EntityCollection>(Results, "EntityCollection");
    }

    public sealed class AssociateRequest : OrganizationRequest, IExtensibleDataObject
    {
        public AssociateRequest() { RequestName = "Associate"; }

        public EntityReference Target { get => CreateRequest.Get<EntityReference>(Parameters, "Target"); set => Parameters["Target"] = value; }
        public Relationship Relationship { get => CreateRequest.Get<Relationship>(Parameters, "Relationship"); set => Parameters["Relationship"] = value; }
        public EntityReferenceCollection RelatedEntities { get => CreateRequest.Get<EntityReferenceCollection>(Parameters, "RelatedEntities"); set => Parameters["RelatedEntities"] = value; }
    }

    public sealed class AssociateResponse : OrganizationResponse, IExtensibleDataObject
    {
        public AssociateResponse() { ResponseName = "Associate"; }
    }

    public sealed class DisassociateRequest : OrganizationRequest, IExtensibleDataObject
    {
        public DisassociateRequest() { RequestName = "Disassociate"; }

        public EntityReference Target { get => CreateRequest.Get<EntityReference>(Parameters, "Target"); set => Parameters["Target"] = value; }
        public Relationship Relationship { get => CreateRequest.Get<Relationship>(Parameters, "Relationship"); set => Parameters["Relationship"] = value; }
        public EntityReferenceCollection RelatedEntities { get => CreateRequest.Get<EntityReferenceCollection>(Parameters, "RelatedEntities"); set => Parameters["RelatedEntities"] = value; }
    }

    public sealed class DisassociateResponse : OrganizationResponse, IExtensibleDataObject
    {
        public DisassociateResponse() { ResponseName = "Disassociate"; }
    }

    public sealed class ExecuteMultipleRequest : OrganizationRequest, IExtensibleDataObject
    {
        public ExecuteMultipleRequest() { RequestName = "ExecuteMultiple"; }

        public OrganizationRequestCollection Requests { get => CreateRequest.Get<OrganizationRequestCollection>(Parameters, "Requests"); set => Parameters["Requests"] = value; }
        public ExecuteMultipleSettings Settings { get => CreateRequest.Get<ExecuteMultipleSettings>(Parameters, "Settings"); set => Parameters["Settings"] = value; }
    }

    public sealed class ExecuteMultipleResponse : OrganizationResponse, IExtensibleDataObject
    {
        public ExecuteMultipleResponse() { ResponseName = "ExecuteMultiple"; }

        public bool IsFaulted => CreateRequest.Get<bool>(Results, "IsFaulted");
        public ExecuteMultipleResponseItemCollection Responses => CreateRequest.Get<ExecuteMultipleResponseItemCollection>(Results, "Responses");
    }

    public sealed class ExecuteTransactionRequest : OrganizationRequest, IExtensibleDataObject
    {
        public ExecuteTransactionRequest() { RequestName = "ExecuteTransaction"; }

        public OrganizationRequestCollection Requests { get => CreateRequest.Get<OrganizationRequestCollection>(Parameters, "Requests"); set => Parameters["Requests"] = value; }
        public bool? ReturnResponses { get => CreateRequest.Get<bool?>(Parameters, "ReturnResponses"); set => Parameters["ReturnResponses"] = value; }
    }

    public sealed class ExecuteTransactionResponse : OrganizationResponse, IExtensibleDataObject
    {
        public ExecuteTransactionResponse() { ResponseName = "ExecuteTransaction"; }

        public OrganizationResponseCollection Responses => CreateRequest.Get<OrganizationResponseCollection>(Results, "Responses");
    }

    public sealed class UpsertRequest : OrganizationRequest, IExtensibleDataObject
    {
        public UpsertRequest() { RequestName = "Upsert"; }

        public Entity Target { get => CreateRequest.Get<Entity>(Parameters, "Target"); set => Parameters["Target"] = value; }
    }

    public sealed class UpsertResponse : OrganizationResponse, IExtensibleDataObject
    {
        public UpsertResponse() { ResponseName = "Upsert"; }

        public bool RecordCreated => CreateRequest.Get<bool>(Results, "RecordCreated");
        public EntityReference Target => CreateRequest.Get<EntityReference>(Results, "Target");
    }
}
