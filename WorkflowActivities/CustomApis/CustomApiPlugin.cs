using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.CustomApis
{
    /// <summary>Base of the Custom API plugins: the same operations as the workflow activities, for Power Automate
    /// and the portal (G2: the services integrated through electronic means, not only the staff app). Stateless;
    /// "now" is the operation's creation time, never the machine clock.</summary>
    [PolicyClause("G2")]
    public abstract class CustomApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            var trace = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            var service = factory.CreateOrganizationService(context.UserId);
            Run(context, service, trace, context.OperationCreatedOn);
        }

        protected abstract void Run(IPluginExecutionContext context, IOrganizationService service, ITracingService trace, DateTime nowUtc);

        protected static T Required<T>(IPluginExecutionContext context, string name) where T : class
        {
            if (context.InputParameters.Contains(name) && context.InputParameters[name] is T value) return value;
            throw PolicyMessages.G0_ParameterRequired.ToException(name);
        }

        protected static T? Optional<T>(IPluginExecutionContext context, string name) where T : class =>
            context.InputParameters.Contains(name) ? context.InputParameters[name] as T : null;
    }
}
