using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Activities
{
    /// <summary>S5: due date = date + taz_CommitteeResponsePeriodDays (never under 14 days), with its Hijri text.</summary>
    [PolicyClause("S5")]
    public sealed class ComputeCommitteeDueDateActivity : TaazeezActivity
    {
        [RequiredArgument]
        [Input("From date")]
        public InArgument<DateTime> FromDate { get; set; } = null!;

        [Output("Due date")]
        public OutArgument<DateTime> DueDate { get; set; } = null!;

        [Output("Hijri due date")]
        public OutArgument<string> HijriDueDate { get; set; } = null!;

        protected override void Run(CodeActivityContext executionContext, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var days = EnvironmentSettings.Load(service, EnvironmentSettings.CommitteeResponsePeriodDays)
                .GetInt(EnvironmentSettings.CommitteeResponsePeriodDays, CommitteeDueDate.MinimumDays);
            var from = FromDate.Get(executionContext);
            var due = CommitteeDueDate.Compute(from == default(DateTime) ? nowUtc : from, days);
            DueDate.Set(executionContext, due);
            HijriDueDate.Set(executionContext, CommitteeDueDate.HijriTextAr(due));
        }
    }
}
