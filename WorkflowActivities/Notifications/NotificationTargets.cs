using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>Resolves who is notified and the event's idempotency key, shared by the activity and the Custom API.</summary>
    public static class NotificationTargets
    {
        /// <summary>The beneficiary to tell and the event key, with at most one Retrieve. With a request and no beneficiary
        /// given, <paramref name="resolved"/> stays null: the notifier reads the request's beneficiary in its own query
        /// (and refuses when there is none). Only a decision's default key needs a read here (its decision time).</summary>
        public static string Resolve(IOrganizationService service, NotificationEvent @event, EntityReference? beneficiary, EntityReference? request,
            string? eventKey, out EntityReference? resolved)
        {
            resolved = beneficiary;
            if (request == null)
            {
                resolved = beneficiary ?? throw PolicyMessages.G0_NoBeneficiaryToNotify.ToException();
                return string.IsNullOrWhiteSpace(eventKey) ? DefaultEventKey(@event, resolved, null) : eventKey!;
            }
            if (!string.IsNullOrWhiteSpace(eventKey)) return eventKey!;
            if (@event != NotificationEvent.Decision) return RequestKey(@event, request);
            var row = service.Retrieve(EntityNames.SupportRequest, request.Id, new ColumnSet("taz_beneficiaryid", "taz_decidedon"));
            resolved = beneficiary ?? row.GetAttributeValue<EntityReference>("taz_beneficiaryid") ?? throw PolicyMessages.G0_NoBeneficiaryToNotify.ToException();
            return DecisionKey(RequestKey(@event, request), row.GetAttributeValue<System.DateTime?>("taz_decidedon"));
        }

        /// <summary>One notification per event and request (or beneficiary when there is no request).</summary>
        public static string DefaultEventKey(NotificationEvent @event, EntityReference beneficiary, EntityReference? request) =>
            request != null ? RequestKey(@event, request) : @event + "|beneficiary:" + beneficiary.Id.ToString("D");

        private static string RequestKey(NotificationEvent @event, EntityReference request) => @event + "|request:" + request.Id.ToString("D");

        private static string DecisionKey(string key, System.DateTime? decidedOn) =>
            decidedOn.HasValue ? key + "|" + decidedOn.Value.ToUniversalTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : key;
    }
}
