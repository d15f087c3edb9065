using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>S2 / T4: the support request form carries everything the support type needs when it is submitted —
    /// beneficiary, support type, channel, a description of the need and, for support given as money, the amount —
    /// and its numbers are plausible: no negative amount, none above the support type's ceiling
    /// (environment variable taz_SupportTypeCeilings) at submission.</summary>
    [PolicyClause("S2", "T4")]
    internal static class S2_RequestDataRule
    {
        /// <summary>Checks only what the change itself sets; drafts may be incomplete.</summary>
        public static PolicyViolation? CheckPlausible(Entity target)
        {
            if (target.Contains(RequestColumns.SupportType))
            {
                var type = PolicyValues.Option(target, RequestColumns.SupportType);
                if (type.HasValue && !SupportType.IsKnown(type.Value)) return new PolicyViolation(PolicyMessages.S2_SupportTypeRequired);
            }
            var amount = PolicyValues.MoneyValue(target, RequestColumns.AmountRequested);
            if (amount.HasValue && amount.Value < 0) return new PolicyViolation(PolicyMessages.S2_AmountNegative);
            return null;
        }

        /// <summary>The required data of the request after the change (submission, registration).</summary>
        public static PolicyViolation? CheckComplete(Entity after)
        {
            if (PolicyValues.Reference(after, RequestColumns.Beneficiary) == null) return new PolicyViolation(PolicyMessages.S4_BeneficiaryRequired);
            var type = PolicyValues.Option(after, RequestColumns.SupportType);
            if (!type.HasValue || !SupportType.IsKnown(type.Value)) return new PolicyViolation(PolicyMessages.S2_SupportTypeRequired);
            var channel = PolicyValues.Option(after, RequestColumns.Channel);
            if (!channel.HasValue || !C_ChannelRule.IsPolicyChannel(channel.Value)) return new PolicyViolation(PolicyMessages.C_ChannelRequired);
            if (PolicyValues.IsBlank(PolicyValues.Text(after, RequestColumns.Description))) return new PolicyViolation(PolicyMessages.S2_DescriptionRequired);
            var amount = PolicyValues.MoneyValue(after, RequestColumns.AmountRequested);
            if (amount.HasValue && amount.Value < 0) return new PolicyViolation(PolicyMessages.S2_AmountNegative);
            if (SupportType.NeedsAmount(type.Value) && (!amount.HasValue || amount.Value == 0)) return new PolicyViolation(PolicyMessages.S2_AmountRequired);
            return null;
        }

        public static PolicyViolation? CheckCeiling(Entity after, PolicySettings settings)
        {
            var type = PolicyValues.Option(after, RequestColumns.SupportType);
            var amount = PolicyValues.MoneyValue(after, RequestColumns.AmountRequested);
            if (!type.HasValue || !amount.HasValue) return null;
            var ceiling = settings.CeilingFor(type.Value);
            return ceiling.HasValue && amount.Value > ceiling.Value
                ? new PolicyViolation(PolicyMessages.S2_AmountAboveCeiling, Amount(ceiling.Value))
                : null;
        }

        public static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
