using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Policy
{
    /// <summary>S2: the beneficiary's file holds valid data when it is saved — a well-formed national ID / iqama that
    /// agrees with the ID type, a +9665 mobile, a household of at least one person and a non-negative income — and
    /// one national ID belongs to one file (the alternate key taz_key_nationalid guarantees it; this rule finds the
    /// existing file first so the officer is sent to it with a clear message).</summary>
    [PolicyClause("S2")]
    internal static class S2_BeneficiaryDataRule
    {
        public const string Entity = "taz_beneficiary";
        public const string HouseholdSize = "taz_householdsize";
        public const string MonthlyIncome = "taz_monthlyincome";

        /// <summary>The columns whose change runs this rule (the Update step's filtering attributes).</summary>
        public static readonly System.Collections.Generic.IReadOnlyList<string> Watched = System.Array.AsReadOnly(new[] { S2_NationalIdRule.Column, S2_NationalIdRule.IdTypeColumn, S2_MobileRule.Column, HouseholdSize, MonthlyIncome });

        /// <summary>Checks the data after the change; <paramref name="before"/> is null on Create.</summary>
        public static PolicyViolation? Check(Entity target, Entity? before)
        {
            if (Touches(target, S2_NationalIdRule.Column) || Touches(target, S2_NationalIdRule.IdTypeColumn))
            {
                var number = PolicyValues.Text(target.Contains(S2_NationalIdRule.Column) ? target : before, S2_NationalIdRule.Column);
                var idType = PolicyValues.Option(target.Contains(S2_NationalIdRule.IdTypeColumn) ? target : before, S2_NationalIdRule.IdTypeColumn);
                var idViolation = S2_NationalIdRule.Check(number, idType);
                if (idViolation != null) return idViolation;
            }
            var mobile = S2_MobileRule.Check(PolicyValues.Text(target, S2_MobileRule.Column));
            if (mobile != null) return mobile;
            var household = PolicyValues.Int(target, HouseholdSize);
            if (household.HasValue && household.Value < 1) return new PolicyViolation(PolicyMessages.S2_HouseholdSize);
            var income = PolicyValues.MoneyValue(target, MonthlyIncome);
            if (income.HasValue && income.Value < 0) return new PolicyViolation(PolicyMessages.S2_IncomeNegative);
            return null;
        }

        /// <summary>The national ID whose uniqueness must be checked, or null when the change sets none.</summary>
        public static string? NationalIdToCheck(Entity target, Entity? before)
        {
            var number = PolicyValues.Text(target, S2_NationalIdRule.Column);
            if (string.IsNullOrEmpty(number)) return null;
            return before != null && !PolicyValues.Changes(target, before, S2_NationalIdRule.Column) ? null : number;
        }

        /// <summary>One bounded query: the first other file with this national ID.</summary>
        public static QueryExpression DuplicateQuery(string nationalId, System.Guid selfId)
        {
            var query = new QueryExpression(Entity) { ColumnSet = new ColumnSet("taz_name", S2_NationalIdRule.Column), TopCount = 1, NoLock = true };
            query.Criteria.AddCondition(S2_NationalIdRule.Column, ConditionOperator.Equal, nationalId);
            if (selfId != System.Guid.Empty) query.Criteria.AddCondition("taz_beneficiaryid", ConditionOperator.NotEqual, selfId);
            return query;
        }

        public static PolicyViolation? DuplicateFound(EntityCollection found)
        {
            if (found.Entities.Count == 0) return null;
            var existing = found.Entities[0];
            var name = existing.GetAttributeValue<string>("taz_name");
            var label = string.IsNullOrWhiteSpace(name) ? existing.Id.ToString("D") : name + " (" + existing.Id.ToString("D") + ")";
            return new PolicyViolation(PolicyMessages.S2_DuplicateBeneficiary, label);
        }

        private static bool Touches(Entity target, string column) => target.Contains(column);
    }
}
