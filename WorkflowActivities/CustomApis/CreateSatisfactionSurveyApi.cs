using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.CustomApis
{
    /// <summary>Custom API taz_CreateSatisfactionSurvey (G5, G6b).</summary>
    [PolicyClause("G5", "G6b")]
    public sealed class CreateSatisfactionSurveyApi : CustomApiPlugin
    {
        protected override void Run(IPluginExecutionContext context, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            context.OutputParameters["Survey"] = new SatisfactionSurveys(service, trace)
                .CreateForDelivery(Required<EntityReference>(context, "ServiceDelivery"), nowUtc);
        }
    }
}
