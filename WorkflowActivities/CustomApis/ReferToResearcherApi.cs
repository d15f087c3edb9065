using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.CustomApis
{
    /// <summary>Custom API taz_ReferToResearcher (S3).</summary>
    [PolicyClause("S3")]
    public sealed class ReferToResearcherApi : CustomApiPlugin
    {
        protected override void Run(IPluginExecutionContext context, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var outcome = new ResearcherReferral(service, trace).Refer(
                Required<EntityReference>(context, "SupportRequest"), Optional<string>(context, "Reason"), nowUtc);
            context.OutputParameters["Researcher"] = outcome.Researcher;
            context.OutputParameters["Referral"] = outcome.Referral;
        }
    }
}
