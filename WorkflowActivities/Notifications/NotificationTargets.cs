using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>Resolves who is notified and the event's idempotency key, shared by the activity and the Custom API.</summary>
    public static class NotificationTargets
    {
        public static EntityReference Beneficiary(IOrganizationService service, EntityReference? beneficiary, EntityReference? request)
        {
            if (beneficiary != null) return beneficiary;
            if (request != null)
            {
                var fromRequest = service.Retrieve(EntityNames.SupportRequest, request.Id, new ColumnSet("taz_beneficiaryid"))
                    .GetAttributeValue<EntityReference>("taz_beneficiaryid");
                if (fromRequest != null) return fromRequest;
            }
            throw PolicyMessages.G0_NoBeneficiaryToNotify.ToException();
        }

        /// <summary>One notification per event and request (or beneficiary when there is no request).</summary>
        public static string DefaultEventKey(NotificationEvent @event, EntityReference beneficiary, EntityReference? request) =>
            @event + "|" + (request != null ? "request:" + request.Id.ToString("D") : "beneficiary:" + beneficiary.Id.ToString("D"));

        /// <summary>The default key, plus the decision time for decisions: a reconsidered decision is a new event
        /// and is told again, while a retried step for the same decision is not.</summary>
        public static string EventKey(IOrganizationService service, NotificationEvent @event, EntityReference beneficiary, EntityReference? request)
        {
            var key = DefaultEventKey(@event, beneficiary, request);
            if (@event != NotificationEvent.Decision || request == null) return key;
            var decidedOn = service.Retrieve(EntityNames.SupportRequest, request.Id, new ColumnSet("taz_decidedon")).GetAttributeValue<System.DateTime?>("taz_decidedon");
            return decidedOn.HasValue ? key + "|" + decidedOn.Value.ToUniversalTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : key;
        }
    }
}
