using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Policy
{
    /// <summary>S5: the research committee answers — acceptance or rejection — within a period of not less than two
    /// weeks from submission (taz_committeedueon = submission + taz_CommitteeResponsePeriodDays, never under 14 days).
    /// Only members of the committee (role 66e5a571-…) record the decision, always with its reasons; the decision
    /// stamps taz_decidedon and whether it came within the period, and the decided request is locked.</summary>
    [PolicyClause("S5")]
    internal static class S5_CommitteeClockRule
    {
        public const int MinimumDays = 14;

        public static int EffectiveDays(int configuredDays) => configuredDays < MinimumDays ? MinimumDays : configuredDays;

        public static DateTime DueOn(DateTime submittedOnUtc, int configuredDays) => submittedOnUtc.AddDays(EffectiveDays(configuredDays));

        /// <summary>On or before the due date counts as within the period.</summary>
        public static bool DecidedWithinPeriod(DateTime decidedOnUtc, DateTime dueOnUtc) => decidedOnUtc <= dueOnUtc;

        /// <summary>After the committee decided, neither its decision nor the data it decided on may change.</summary>
        public static PolicyViolation? CheckLock(RequestChange change, int statusBefore)
        {
            if (change.IsCreate) return null;
            if (!RequestStatus.IsDecided(statusBefore) && !PolicyValues.Option(change.Before, RequestColumns.Decision).HasValue) return null;
            foreach (var columns in new[] { RequestColumns.Declared, RequestColumns.DecisionFields, RequestColumns.SignatureFields })
                foreach (var column in columns)
                    if (change.Changes(column)) return new PolicyViolation(PolicyMessages.S5_DecisionLocked);
            return null;
        }

        /// <summary>The checks of a decision that need no query; fills in the decision, the approved amount and the stamps.
        /// <paramref name="statusAfter"/> is Approved, Partially approved or Rejected.</summary>
        public static PolicyViolation? Decide(RequestChange change, int statusAfter)
        {
            var outcome = PolicyValues.Option(change.Target, RequestColumns.Decision);
            if (outcome.HasValue && DecisionOutcome.StatusFor(outcome.Value) != statusAfter) return new PolicyViolation(PolicyMessages.S5_DecisionStatusMismatch);
            if (!outcome.HasValue)
                change.Set(RequestColumns.Decision, new OptionSetValue(statusAfter == RequestStatus.Approved ? DecisionOutcome.Approved
                    : statusAfter == RequestStatus.PartiallyApproved ? DecisionOutcome.PartiallyApproved : DecisionOutcome.Rejected));
            var after = change.After;
            if (PolicyValues.IsBlank(PolicyValues.Text(after, RequestColumns.DecisionReasons))) return new PolicyViolation(PolicyMessages.S5_DecisionReasonsRequired);

            var requested = PolicyValues.MoneyValue(after, RequestColumns.AmountRequested);
            var approved = PolicyValues.MoneyValue(after, RequestColumns.ApprovedAmount);
            if (statusAfter == RequestStatus.Rejected)
            {
                if (approved.HasValue) change.Set(RequestColumns.ApprovedAmount, null);
            }
            else
            {
                if (!approved.HasValue && statusAfter == RequestStatus.Approved && requested.HasValue)
                {
                    approved = requested;
                    change.Set(RequestColumns.ApprovedAmount, new Money(requested.Value));
                }
                var ceiling = requested ?? 0m;
                if (requested.HasValue && (!approved.HasValue || approved.Value < 0 || approved.Value > ceiling)
                    || !requested.HasValue && approved.HasValue && approved.Value < 0)
                    return new PolicyViolation(PolicyMessages.S5_ApprovedAmountRange, S2_RequestDataRule.Amount(ceiling));
            }

            change.Set(RequestColumns.DecidedOn, change.Now);
            var due = PolicyValues.Date(change.Before, RequestColumns.CommitteeDueOn);
            if (due.HasValue) change.Set(RequestColumns.DecidedWithinPeriod, DecidedWithinPeriod(change.Now, due.Value));
            change.Trace($"S5: decision {RequestStatus.English(statusAfter)} recorded by {change.CallerId:D} on {PolicyValues.Iso(change.Now)}"
                + (due.HasValue ? $", due {PolicyValues.Iso(due.Value)}, within period: {DecidedWithinPeriod(change.Now, due.Value)}" : ", no due date on the request"));
            return null;
        }

        /// <summary>One bounded query: does the caller hold the committee member role? Dataverse copies a security role
        /// into every business unit (each copy its own roleid), so the role is matched by the copy's parentrootroleid,
        /// which is the root role's id (the root role's own parentrootroleid is itself).</summary>
        public static QueryExpression RoleQuery(Guid userId)
        {
            var query = new QueryExpression("systemuserroles") { ColumnSet = new ColumnSet("roleid"), TopCount = 1, NoLock = true };
            query.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, userId);
            var role = query.AddLink("role", "roleid", "roleid", JoinOperator.Inner);
            role.LinkCriteria.AddCondition("parentrootroleid", ConditionOperator.Equal, PolicyRoles.CommitteeMember);
            return query;
        }

        public static PolicyViolation? RoleFound(EntityCollection found) =>
            found.Entities.Count > 0 ? null : new PolicyViolation(PolicyMessages.S5_CommitteeRoleRequired);

        /// <summary>Starts the clock at submission.</summary>
        public static void StartClock(RequestChange change, DateTime submittedOn, int configuredDays)
        {
            var due = DueOn(submittedOn, configuredDays);
            change.Set(RequestColumns.CommitteeDueOn, due);
            change.Trace($"S5: submitted {PolicyValues.Iso(submittedOn)}, committee answer due {PolicyValues.Iso(due)} ({EffectiveDays(configuredDays)} days)");
        }
    }
}
