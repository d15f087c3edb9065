using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.CustomApis
{
    /// <summary>Custom API taz_SendSurveyReminders (G5): the daily sweep a recurring flow calls.</summary>
    [PolicyClause("G5", "G6b")]
    public sealed class SendSurveyRemindersApi : CustomApiPlugin
    {
        protected override void Run(IPluginExecutionContext context, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var days = EnvironmentSettings.Load(service, EnvironmentSettings.SurveyReminderDays)
                .GetInt(EnvironmentSettings.SurveyReminderDays, SatisfactionSurveys.DefaultReminderDays);
            context.OutputParameters["RemindersSent"] = new SatisfactionSurveys(service, trace).SendDueReminders(nowUtc, days);
        }
    }
}
