using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.WorkflowActivities.Notifications;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.CustomApis
{
    /// <summary>Custom API taz_NotifyBeneficiary (G0, G3, S5). Beneficiary defaults to the request's beneficiary;
    /// EventKey defaults to one notification per event and request.</summary>
    [PolicyClause("G0", "G3", "S5")]
    public sealed class NotifyBeneficiaryApi : CustomApiPlugin
    {
        protected override void Run(IPluginExecutionContext context, IOrganizationService service, ITracingService trace, DateTime nowUtc)
        {
            var eventValue = context.InputParameters.Contains("Event") && context.InputParameters["Event"] is int n ? n : 0;
            if (!Enum.IsDefined(typeof(NotificationEvent), eventValue))
                throw PolicyMessages.G0_UnknownNotificationEvent.ToException(eventValue.ToString(CultureInfo.InvariantCulture));
            var request = Optional<EntityReference>(context, "SupportRequest");
            var key = NotificationTargets.Resolve(service, (NotificationEvent)eventValue, Optional<EntityReference>(context, "Beneficiary"), request,
                Optional<string>(context, "EventKey"), out var beneficiary);
            var outcome = new BeneficiaryNotifier(service, trace).Notify((NotificationEvent)eventValue, beneficiary, request, key, nowUtc);
            if (outcome.Row != null) context.OutputParameters["Notification"] = outcome.Row;
            context.OutputParameters["ContactMethod"] = outcome.ContactMethod;
        }
    }
}
