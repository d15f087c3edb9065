using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>One plugin execution as Dataverse hands it over (message, target, stage, pre-image, caller), for running a
    /// single plugin without the emulator's pipeline. Without <see cref="Service"/> it offers no organization service:
    /// a plugin that calls one fails loudly.</summary>
    internal sealed class PipelineContext : IPluginExecutionContext2, IServiceProvider, ITracingService, IOrganizationServiceFactory
    {
        public PipelineContext(string message, Entity target, int stage = 10)
        {
            MessageName = message;
            PrimaryEntityName = target.LogicalName;
            PrimaryEntityId = target.Id;
            Stage = stage;
            InputParameters["Target"] = target;
        }

        public List<string> Trace { get; } = new List<string>();

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(ITracingService) || serviceType == typeof(IOrganizationServiceFactory)
                ? this
                : null;

        void ITracingService.Trace(string format, params object[] args) => Trace.Add(string.Format(format, args));

        /// <summary>The service every CreateOrganizationService call returns (SYSTEM and caller alike).</summary>
        public IOrganizationService? Service { get; set; }

        public IOrganizationService CreateOrganizationService(Guid? userId) =>
            Service ?? throw new InvalidOperationException("This plugin test provides no organization service.");

        public PipelineContext WithPreImage(string name, Entity image)
        {
            PreEntityImages[name] = image;
            return this;
        }

        public int Stage { get; }
        public IPluginExecutionContext? ParentContext => null;
        public int Mode => 0;
        public int IsolationMode => 2;
        public int Depth { get; set; } = 1;
        public string MessageName { get; }
        public string PrimaryEntityName { get; }
        public Guid? RequestId => null;
        public string? SecondaryEntityName => "none";
        public ParameterCollection InputParameters { get; } = new ParameterCollection();
        public ParameterCollection OutputParameters { get; } = new ParameterCollection();
        public ParameterCollection SharedVariables { get; } = new ParameterCollection();
        public Guid UserId { get; set; } = Guid.NewGuid();
        public Guid InitiatingUserId => UserId;
        public Guid BusinessUnitId { get; } = Guid.NewGuid();
        public Guid OrganizationId { get; } = Guid.NewGuid();
        public string OrganizationName => "taazeez";
        public Guid PrimaryEntityId { get; }
        public EntityImageCollection PreEntityImages { get; } = new EntityImageCollection();
        public EntityImageCollection PostEntityImages { get; } = new EntityImageCollection();
        public EntityReference? OwningExtension => null;
        public Guid CorrelationId { get; } = Guid.NewGuid();
        public bool IsExecutingOffline => false;
        public bool IsOfflinePlayback => false;
        public bool IsInTransaction => Stage != 10;
        public Guid OperationId { get; } = Guid.NewGuid();
        public DateTime OperationCreatedOn { get; set; } = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
        public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
        public Guid InitiatingUserApplicationId => Guid.Empty;
        public Guid PortalsContactId { get; set; } = Guid.Empty;
        public bool IsPortalsClientCall { get; set; }
    }
}
