using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Plugins
{
    /// <summary>What a plugin needs from the service provider, read once per execution.</summary>
    public sealed class LocalPluginContext
    {
        private readonly IOrganizationServiceFactory _factory;
        private IOrganizationService? _userService;
        private IOrganizationService? _systemService;

        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            PluginExecutionContext = (IPluginExecutionContext)Required(serviceProvider, typeof(IPluginExecutionContext));
            TracingService = (ITracingService)Required(serviceProvider, typeof(ITracingService));
            _factory = (IOrganizationServiceFactory)Required(serviceProvider, typeof(IOrganizationServiceFactory));
        }

        public IPluginExecutionContext PluginExecutionContext { get; }
        public ITracingService TracingService { get; }

        /// <summary>The service acting as the calling user (their privileges apply).</summary>
        public IOrganizationService UserService => _userService ??= _factory.CreateOrganizationService(PluginExecutionContext.UserId);

        /// <summary>The service acting as SYSTEM, for reads the caller may not have privilege for.</summary>
        public IOrganizationService SystemService => _systemService ??= _factory.CreateOrganizationService(null);

        /// <summary>The row being created or updated (InputParameters["Target"]), or null for other messages.</summary>
        public Entity? Target =>
            PluginExecutionContext.InputParameters.TryGetValue("Target", out object? target) ? target as Entity : null;

        /// <summary>The target of a Create or Update of <paramref name="table"/>, or null when the step has nothing to
        /// check: another message or table, or a call deeper than <paramref name="maxDepth"/> (deeper calls come from
        /// plugins' own writes; the rules already ran for the user's call).</summary>
        public Entity? CreateOrUpdateTarget(string table, int maxDepth)
        {
            var execution = PluginExecutionContext;
            if (Target is not { } target || execution.PrimaryEntityName != table) return null;
            if (execution.MessageName is not ("Create" or "Update")) return null;
            if (execution.Depth > maxDepth)
            {
                Trace($"depth {execution.Depth} > {maxDepth}: skipped");
                return null;
            }
            return target;
        }

        public bool IsCreate => PluginExecutionContext.MessageName == "Create";

        public Entity? PreImage(string name) =>
            PluginExecutionContext.PreEntityImages.TryGetValue(name, out Entity? image) ? image : null;

        /// <summary>True when a Power Pages user made the call (the portal's own channel, C7).</summary>
        public bool IsPortalCall => PluginExecutionContext is IPluginExecutionContext2 portal && portal.IsPortalsClientCall;

        public void Trace(string message) => TracingService.Trace("{0}", message);

        private static object Required(IServiceProvider provider, Type service) =>
            provider.GetService(service) ?? throw new InvalidPluginExecutionException($"The execution pipeline did not provide {service.Name}.");
    }
}
