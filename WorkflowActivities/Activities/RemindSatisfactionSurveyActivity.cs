using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Activities
{
    /// <summary>G5: one reminder once taz_SurveyReminderDays have passed without an answer.</summary>
    [PolicyClause("G5", "G6b")]
    public sealed class RemindSatisfactionSurveyActivity : TaazeezActivity
    {
        [RequiredArgument]
        [Input("Survey")]
        [ReferenceTarget("taz_satisfactionsurvey")]
        public InArgument<EntityReference> Survey { get; set; } = null!;

        [Output("Reminder sent")]
        public OutArgument<bool> ReminderSent { get; set; } = null!;

        protected override void Run(CodeActivityContext executionContext, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var days = EnvironmentSettings.Load(service, EnvironmentSettings.SurveyReminderDays)
                .GetInt(EnvironmentSettings.SurveyReminderDays, SatisfactionSurveys.DefaultReminderDays);
            ReminderSent.Set(executionContext, new SatisfactionSurveys(service, trace).RemindIfDue(Survey.Get(executionContext), nowUtc, days));
        }
    }
}
