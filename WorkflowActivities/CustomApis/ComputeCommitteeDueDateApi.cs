using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.CustomApis
{
    /// <summary>Custom API taz_ComputeCommitteeDueDate (S5). FromDate is optional: the operation time by default.</summary>
    [PolicyClause("S5")]
    public sealed class ComputeCommitteeDueDateApi : CustomApiPlugin
    {
        protected override void Run(IPluginExecutionContext context, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var from = context.InputParameters.Contains("FromDate") && context.InputParameters["FromDate"] is DateTime d ? d : nowUtc;
            var days = CommitteeDueDate.EffectiveDays(EnvironmentSettings.Load(service, EnvironmentSettings.CommitteeResponsePeriodDays)
                .GetInt(EnvironmentSettings.CommitteeResponsePeriodDays, CommitteeDueDate.MinimumDays));
            var due = CommitteeDueDate.Compute(from, days);
            context.OutputParameters["DueDate"] = due;
            context.OutputParameters["HijriDueDate"] = CommitteeDueDate.HijriTextAr(due);
            context.OutputParameters["PeriodDays"] = days;
        }
    }
}
