using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>The IPluginExecutionContext a plugin receives: one per step execution, sharing the message's input
    /// and output parameters and shared variables with the other steps of the same pipeline.</summary>
    internal sealed class ExecutionContext : IPluginExecutionContext2
    {
        public ExecutionContext(Invocation invocation, int stage, bool isAsync, IPluginExecutionContext? parent)
        {
            Invocation = invocation;
            Stage = stage;
            Mode = isAsync ? 1 : 0;
            ParentContext = parent!;
        }

        public Invocation Invocation { get; }
        public int Mode { get; }
        public int IsolationMode => 2;
        public int Depth => Invocation.Caller.Depth;
        public string MessageName => Invocation.MessageName;
        public string PrimaryEntityName => Invocation.EntityName ?? "none";
        public Guid? RequestId => Invocation.RequestId;
        public string SecondaryEntityName => "none";
        public ParameterCollection InputParameters => Invocation.Request.Parameters;
        public ParameterCollection OutputParameters => Invocation.Response.Results;
        public ParameterCollection SharedVariables => Invocation.SharedVariables;
        public Guid UserId => Invocation.Caller.UserId;
        public Guid InitiatingUserId => Invocation.Caller.InitiatingUserId;
        public Guid BusinessUnitId => Invocation.Caller.BusinessUnitId;
        public Guid OrganizationId => Invocation.Caller.OrganizationId;
        public string OrganizationName => "taazeez";
        public Guid PrimaryEntityId => Invocation.EntityId;
        public EntityImageCollection PreEntityImages { get; } = new();
        public EntityImageCollection PostEntityImages { get; } = new();
        public EntityReference OwningExtension { get; set; } = null!;
        public Guid CorrelationId => Invocation.Caller.CorrelationId;
        public bool IsExecutingOffline => false;
        public bool IsOfflinePlayback => false;
        public bool IsInTransaction => Stage is 20 or 30 or 40 && Mode == 0;
        public Guid OperationId { get; } = Guid.NewGuid();
        public DateTime OperationCreatedOn => Invocation.OperationCreatedOn;
        public int Stage { get; }
        public IPluginExecutionContext ParentContext { get; }
        public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
        public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
        public Guid InitiatingUserApplicationId => Guid.Empty;
        public Guid PortalsContactId => Invocation.Caller.PortalContactId ?? Guid.Empty;
        public bool IsPortalsClientCall => Invocation.Caller.PortalContactId.HasValue;
    }
}
