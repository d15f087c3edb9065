using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>S5: a committee decision record (taz_committeedecision) is written by a member of the research
    /// committee only, always with its reasons; who decided (taz_decidedby) is the caller, stamped by the system.</summary>
    [PolicyClause("S5")]
    internal static class S5_CommitteeDecisionRule
    {
        public const string Entity = "taz_committeedecision";
        public const string Decision = "taz_decision";
        public const string Reasons = "taz_reasons";
        public const string ApprovedAmount = "taz_approvedamount";
        public const string DecidedBy = "taz_decidedby";

        /// <summary>The checks that need no query; stamps taz_decidedby. <paramref name="before"/> is null on Create.</summary>
        public static PolicyViolation? Check(Entity target, Entity? before, Guid callerId)
        {
            var decision = PolicyValues.Option(target.Contains(Decision) ? target : before, Decision);
            if (decision.HasValue && !DecisionOutcome.StatusFor(decision.Value).HasValue) return new PolicyViolation(PolicyMessages.S2_InvalidValue, Decision);
            var reasons = PolicyValues.Text(target.Contains(Reasons) ? target : before, Reasons);
            if (PolicyValues.IsBlank(reasons)) return new PolicyViolation(PolicyMessages.S5_DecisionRecordReasonsRequired);
            var amount = PolicyValues.MoneyValue(target, ApprovedAmount);
            if (amount.HasValue && amount.Value < 0) return new PolicyViolation(PolicyMessages.S5_ApprovedAmountRange, "—");
            target[DecidedBy] = new EntityReference("systemuser", callerId);
            return null;
        }
    }
}
