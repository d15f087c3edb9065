using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>S2 / T4: a support request is always made for a beneficiary on file — the request form (T4) cannot be
    /// saved without the link, whatever channel the request came through.</summary>
    [PolicyClause("S2", "T4")]
    internal static class S2_BeneficiaryLinkRule
    {
        public const string Column = "taz_beneficiaryid";

        /// <summary>The message to show, or null when the request keeps its beneficiary.</summary>
        public static PolicyMessage? Check(Entity target, bool isCreate)
        {
            // PolicyValues.Reference refuses a value of another type with the bilingual S2.InvalidValue message.
            if (isCreate) return PolicyValues.Reference(target, Column) == null ? PolicyMessages.S4_BeneficiaryRequired : null;
            return target.Contains(Column) && PolicyValues.Reference(target, Column) == null ? PolicyMessages.S4_BeneficiaryRequired : null;
        }
    }
}
