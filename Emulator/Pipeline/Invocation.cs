using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>Who is calling: the user, the user who started the chain, a Power Pages contact when the call comes
    /// from the portal, and how deep in a plugin chain the call sits.</summary>
    internal sealed record Caller(
        Guid UserId,
        Guid InitiatingUserId,
        Guid BusinessUnitId,
        Guid OrganizationId,
        Guid? PortalContactId,
        int Depth,
        Guid CorrelationId,
        ExecutionContext? ParentContext)
    {
        public bool IsPlugin => ParentContext != null;
    }

    /// <summary>One message going through the pipeline: the request, its response, and what its stages share.</summary>
    internal sealed class Invocation
    {
        public Invocation(OrganizationRequest request, Caller caller, DateTime operationCreatedOn, Guid requestId)
        {
            Request = request;
            RequestId = requestId;
            Caller = caller;
            MessageName = request.RequestName;
            OperationCreatedOn = operationCreatedOn;
        }

        public OrganizationRequest Request { get; }
        public Caller Caller { get; }
        public string MessageName { get; set; }
        public string? EntityName { get; set; }
        public Guid EntityId { get; set; }
        public Guid? RequestId { get; }
        public DateTime OperationCreatedOn { get; }
        /// <summary>The message's response, made by CoreOperations.Prepare before any step runs.</summary>
        public OrganizationResponse Response { get; set; } = null!;

        /// <summary>Made when a step first asks: most messages run no step.</summary>
        public ParameterCollection SharedVariables => _sharedVariables ??= new ParameterCollection();
        private ParameterCollection? _sharedVariables;
        public Entity? PreImage { get; set; }

        /// <summary>The caller's own entity when it is the Target (a Create no step sees): read, never changed.</summary>
        public Entity? CallersTarget { get; set; }
    }
}
