using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

// Same convention as Microsoft.Xrm.Sdk.Messages: values live in Parameters / Results under the documented names.
namespace Microsoft.Crm.Sdk.Messages
{
    internal static class Values
    {
        internal static T Get<T>(ParameterCollection parameters, string name) =>
            parameters.TryGetValue(name, out object value) && value is T typed ? typed : default(T);
    }

    public sealed class SetStateRequest : OrganizationRequest, IExtensibleDataObject
    {
        public SetStateRequest() { RequestName = "SetState"; }

        public EntityReference EntityMoniker { get => Values.Get<EntityReference>(Parameters, "EntityMoniker"); set => Parameters["EntityMoniker"] = value; }
        public OptionSetValue State { get => Values.Get<OptionSetValue>(Parameters, "State"); set => Parameters["State"] = value; }
        public OptionSetValue Status { get => Values.Get<OptionSetValue>(Parameters, "Status"); set => Parameters["Status"] = value; }
    }

    public sealed class SetStateResponse : OrganizationResponse, IExtensibleDataObject
    {
        public SetStateResponse() { ResponseName = "SetState"; }
    }

    public sealed class AssignRequest : OrganizationRequest, IExtensibleDataObject
    {
        public AssignRequest() { RequestName = "Assign"; }

        public EntityReference Target { get => Values.Get<EntityReference>(Parameters, "Target"); set => Parameters["Target"] = value; }
        public EntityReference Assignee { get => Values.Get<EntityReference>(Parameters, "Assignee"); set => Parameters["Assignee"] = value; }
    }

    public sealed class AssignResponse : OrganizationResponse, IExtensibleDataObject
    {
        public AssignResponse() { ResponseName = "Assign"; }
    }

    public sealed class WhoAmIRequest : OrganizationRequest, IExtensibleDataObject
    {
        public WhoAmIRequest() { RequestName = "WhoAmI"; }
    }

    public sealed class WhoAmIResponse : OrganizationResponse, IExtensibleDataObject
    {
        public WhoAmIResponse() { ResponseName = "WhoAmI"; }

        public Guid UserId => Values.Get<Guid>(Results, "UserId");
        public Guid BusinessUnitId => Values.Get<Guid>(Results, "BusinessUnitId");
        public Guid OrganizationId => Values.Get<Guid>(Results, "OrganizationId");
    }

    public sealed class SendEmailRequest : OrganizationRequest, IExtensibleDataObject
    {
        public SendEmailRequest() { RequestName = "SendEmail"; }

        public Guid EmailId { get => Values.Get<Guid>(Parameters, "EmailId"); set => Parameters["EmailId"] = value; }
        public bool IssueSend { get => Values.Get<bool>(Parameters, "IssueSend"); set => Parameters["IssueSend"] = value; }
        public string TrackingToken { get => Values.Get<string>(Parameters, "TrackingToken"); set => Parameters["TrackingToken"] = value; }
    }

    public sealed class SendEmailResponse : OrganizationResponse, IExtensibleDataObject
    {
        public SendEmailResponse() { ResponseName = "SendEmail"; }

        public string Subject => Values.Get<string>(Results, "Subject");
    }
}
