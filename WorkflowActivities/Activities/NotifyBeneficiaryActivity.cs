using System;
using System.Activities;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Taazeez.Crm.WorkflowActivities.Notifications;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Activities
{
    /// <summary>G0, G3, S5: send the event's bilingual message over the beneficiary's contact method.
    /// Event takes the NotificationEvent numbers (1 received ... 7 survey reminder).</summary>
    [PolicyClause("G0", "G3", "S5")]
    public sealed class NotifyBeneficiaryActivity : TaazeezActivity
    {
        [Input("Support request")]
        [ReferenceTarget("taz_supportrequest")]
        public InArgument<EntityReference> SupportRequest { get; set; } = null!;

        [Input("Beneficiary (defaults to the request's)")]
        [ReferenceTarget("taz_beneficiary")]
        public InArgument<EntityReference> Beneficiary { get; set; } = null!;

        [RequiredArgument]
        [Input("Event")]
        public InArgument<int> Event { get; set; } = null!;

        [Output("Contact method used")]
        public OutArgument<int> ContactMethodUsed { get; set; } = null!;

        protected override void Run(CodeActivityContext executionContext, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var value = Event.Get(executionContext);
            if (!Enum.IsDefined(typeof(NotificationEvent), value))
                throw PolicyMessages.G0_UnknownNotificationEvent.ToException(value.ToString(CultureInfo.InvariantCulture));
            var request = SupportRequest.Get(executionContext);
            var key = NotificationTargets.Resolve(service, (NotificationEvent)value, Beneficiary.Get(executionContext), request, null, out var beneficiary);
            var outcome = new BeneficiaryNotifier(service, trace).Notify((NotificationEvent)value, beneficiary, request, key, nowUtc);
            ContactMethodUsed.Set(executionContext, outcome.ContactMethod);
        }
    }
}
