using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Activities
{
    /// <summary>S5: after the committee due date, flag a still-pending request with a task for the committee head.</summary>
    [PolicyClause("S5")]
    public sealed class EscalateOverdueRequestActivity : TaazeezActivity
    {
        [RequiredArgument]
        [Input("Support request")]
        [ReferenceTarget("taz_supportrequest")]
        public InArgument<EntityReference> SupportRequest { get; set; } = null!;

        [Output("Escalated")]
        public OutArgument<bool> Escalated { get; set; } = null!;

        protected override void Run(CodeActivityContext executionContext, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var head = OverdueEscalation.CommitteeHead(service);
            var task = new OverdueEscalation(service, trace).EscalateIfOverdue(SupportRequest.Get(executionContext), head, nowUtc);
            Escalated.Set(executionContext, task != null);
        }
    }
}
