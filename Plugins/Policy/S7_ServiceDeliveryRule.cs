using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Policy
{
    /// <summary>S7: the required service is provided only for a request the committee approved and whose registration
    /// is complete (S6): a taz_servicedelivery row for any other request is refused.</summary>
    [PolicyClause("S7", "S6")]
    internal static class S7_ServiceDeliveryRule
    {
        public const string Entity = "taz_servicedelivery";
        public const string RequestColumn = "taz_supportrequestid";

        /// <summary>The request the delivery is for, or a violation when the change sets none.</summary>
        public static EntityReference? RequestToCheck(Entity target, bool isCreate, out PolicyViolation? violation)
        {
            violation = null;
            if (!isCreate && !target.Contains(RequestColumn)) return null;
            var request = PolicyValues.Reference(target, RequestColumn);
            if (request == null || request.Id == Guid.Empty) violation = new PolicyViolation(PolicyMessages.S7_DeliveryRequestRequired);
            return request;
        }

        /// <summary>One bounded query: the request's status reason (no row when the request does not exist).</summary>
        public static QueryExpression Query(Guid requestId)
        {
            var query = new QueryExpression(RequestColumns.Entity) { ColumnSet = new ColumnSet(RequestColumns.StatusCode), TopCount = 1, NoLock = true };
            query.Criteria.AddCondition(RequestColumns.Id, ConditionOperator.Equal, requestId);
            return query;
        }

        public static PolicyViolation? Check(EntityCollection found)
        {
            if (found.Entities.Count == 0) return new PolicyViolation(PolicyMessages.S7_DeliveryRequestRequired);
            var status = PolicyValues.Option(found.Entities[0], RequestColumns.StatusCode);
            return status == RequestStatus.RegistrationCompleted || status == RequestStatus.ServiceDelivered
                ? null
                : new PolicyViolation(PolicyMessages.S7_DeliveryNeedsApproval);
        }
    }
}
