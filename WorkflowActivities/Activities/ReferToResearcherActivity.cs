using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Activities
{
    /// <summary>S3: refer the request to the researcher with the fewest open referrals in its branch.</summary>
    [PolicyClause("S3")]
    public sealed class ReferToResearcherActivity : TaazeezActivity
    {
        [RequiredArgument]
        [Input("Support request")]
        [ReferenceTarget("taz_supportrequest")]
        public InArgument<EntityReference> SupportRequest { get; set; } = null!;

        [Input("Reason")]
        public InArgument<string> Reason { get; set; } = null!;

        [Output("Researcher")]
        [ReferenceTarget("systemuser")]
        public OutArgument<EntityReference> Researcher { get; set; } = null!;

        [Output("Referral")]
        [ReferenceTarget("taz_researchreferral")]
        public OutArgument<EntityReference> Referral { get; set; } = null!;

        protected override void Run(CodeActivityContext executionContext, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var outcome = new ResearcherReferral(service, trace).Refer(SupportRequest.Get(executionContext), Reason.Get(executionContext), nowUtc);
            Researcher.Set(executionContext, outcome.Researcher);
            Referral.Set(executionContext, outcome.Referral);
        }
    }
}
