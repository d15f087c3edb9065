using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Policy
{
    /// <summary>S2: a beneficiary has at most one open request of each support type: a second one is refused with the
    /// number of the request already being handled.</summary>
    [PolicyClause("S2")]
    internal static class S2_DuplicateRequestRule
    {
        /// <summary>True when the change creates or re-targets an open request for a beneficiary and support type.</summary>
        public static bool NeedsCheck(RequestChange change, int statusAfter)
        {
            if (!RequestStatus.IsOpen(statusAfter)) return false;
            if (!change.IsCreate && !change.Changes(RequestColumns.Beneficiary) && !change.Changes(RequestColumns.SupportType)) return false;
            var after = change.After;
            var type = PolicyValues.Option(after, RequestColumns.SupportType);
            return PolicyValues.Reference(after, RequestColumns.Beneficiary) != null && type.HasValue && SupportType.IsKnown(type.Value);
        }

        /// <summary>One bounded query: the first other open request of this beneficiary and support type.</summary>
        public static QueryExpression Query(Guid beneficiaryId, int supportType, Guid selfId)
        {
            var query = new QueryExpression(RequestColumns.Entity) { ColumnSet = new ColumnSet(RequestColumns.Name), TopCount = 1, NoLock = true };
            query.Criteria.AddCondition(RequestColumns.Beneficiary, ConditionOperator.Equal, beneficiaryId);
            query.Criteria.AddCondition(RequestColumns.SupportType, ConditionOperator.Equal, supportType);
            var open = new object[RequestStatus.Open.Count];
            for (var i = 0; i < open.Length; i++) open[i] = RequestStatus.Open[i];
            query.Criteria.AddCondition(RequestColumns.StatusCode, ConditionOperator.In, open);
            if (selfId != Guid.Empty) query.Criteria.AddCondition(RequestColumns.Id, ConditionOperator.NotEqual, selfId);
            return query;
        }

        public static QueryExpression Query(RequestChange change)
        {
            var after = change.After;
            return Query(PolicyValues.Reference(after, RequestColumns.Beneficiary)!.Id, PolicyValues.Option(after, RequestColumns.SupportType)!.Value, change.Target.Id);
        }

        public static PolicyViolation? Found(EntityCollection found)
        {
            if (found.Entities.Count == 0) return null;
            var existing = found.Entities[0];
            var number = existing.GetAttributeValue<string>(RequestColumns.Name);
            return new PolicyViolation(PolicyMessages.S2_DuplicateOpenRequest, string.IsNullOrWhiteSpace(number) ? existing.Id.ToString("D") : number);
        }
    }
}
