using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Activities
{
    /// <summary>G5: one survey per service delivery, with its invitation (G6b: never touches the beneficiary file).</summary>
    [PolicyClause("G5", "G6b")]
    public sealed class CreateSatisfactionSurveyActivity : TaazeezActivity
    {
        [RequiredArgument]
        [Input("Service delivery")]
        [ReferenceTarget("taz_servicedelivery")]
        public InArgument<EntityReference> ServiceDelivery { get; set; } = null!;

        [Output("Survey")]
        [ReferenceTarget("taz_satisfactionsurvey")]
        public OutArgument<EntityReference> Survey { get; set; } = null!;

        protected override void Run(CodeActivityContext executionContext, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            Survey.Set(executionContext, new SatisfactionSurveys(service, trace).CreateForDelivery(ServiceDelivery.Get(executionContext), nowUtc));
        }
    }
}
