using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Plugins
{
    /// <summary>The shape of the `pac plugin init` template: builds the local context, runs the plugin,
    /// and turns anything unexpected into InvalidPluginExecutionException so the caller sees one clear error.
    /// Plugins derived from it hold no mutable state: Dataverse caches and shares one instance across threads.</summary>
    public abstract class PluginBase : IPlugin
    {
        protected PluginBase(string? unsecureConfiguration = null, string? secureConfiguration = null)
        {
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        protected string? UnsecureConfiguration { get; }
        protected string? SecureConfiguration { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new InvalidPluginExecutionException(nameof(serviceProvider));
            var context = new LocalPluginContext(serviceProvider);
            context.Trace($"{GetType().Name}: {context.PluginExecutionContext.MessageName} {context.PluginExecutionContext.PrimaryEntityName} stage {context.PluginExecutionContext.Stage} depth {context.PluginExecutionContext.Depth}");
            try
            {
                ExecuteDataversePlugin(context);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                context.Trace($"Organization service fault: {fault.Detail?.Message}");
                throw new InvalidPluginExecutionException($"{GetType().Name}: {fault.Detail?.Message ?? fault.Message}", fault);
            }
        }

        protected abstract void ExecuteDataversePlugin(LocalPluginContext context);
    }
}
