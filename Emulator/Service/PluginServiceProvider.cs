using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Pipeline;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>The IServiceProvider handed to IPlugin.Execute: the execution context, the tracing service and an
    /// organization service factory whose services call back into the pipeline one level deeper.</summary>
    internal sealed class PluginServiceProvider : IServiceProvider, IOrganizationServiceFactory
    {
        private readonly Organization _org;
        private readonly Pipeline.ExecutionContext _context;
        private readonly ITracingService _tracing;

        public PluginServiceProvider(Organization org, Pipeline.ExecutionContext context, ITracingService tracing)
        {
            _org = org;
            _context = context;
            _tracing = tracing;
        }

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IPluginExecutionContext2) || serviceType == typeof(IExecutionContext) ? _context
            : serviceType == typeof(ITracingService) ? _tracing
            : serviceType == typeof(IOrganizationServiceFactory) ? this
            : null;

        /// <summary>null runs as SYSTEM, as Dataverse does; otherwise as the given user. The portal contact stays on
        /// the chain so nested steps still see who started it.</summary>
        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            var caller = _context.Invocation.Caller;
            return new EmulatedService(_org, caller with
            {
                UserId = userId ?? _org.SystemUserId,
                Depth = _context.Depth + 1,
                ParentContext = _context,
            });
        }
    }
}
