using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.CustomApis
{
    /// <summary>Custom API taz_EscalateOverdueRequests (S5): the daily sweep a recurring flow calls.</summary>
    [PolicyClause("S5")]
    public sealed class EscalateOverdueRequestsApi : CustomApiPlugin
    {
        protected override void Run(IPluginExecutionContext context, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var head = OverdueEscalation.CommitteeHead(service);
            context.OutputParameters["Escalated"] = new OverdueEscalation(service, trace).EscalateAll(head, nowUtc).Count;
        }
    }
}
