using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Policy
{
    /// <summary>The environment variables the request rules use, read as docs/contracts.md prescribes: the definitions
    /// outer-joined with their current values in ONE bounded RetrieveMultiple; a current value wins over the default.</summary>
    [PolicyClause("S2", "S4", "S5")]
    internal sealed class PolicySettings
    {
        public const string CommitteeResponsePeriodDays = "taz_CommitteeResponsePeriodDays";
        public const string DeclarationTextVersion = "taz_DeclarationTextVersion";
        public const string SupportTypeCeilings = "taz_SupportTypeCeilings";

        public static string[] RequestSettings() => new[] { CommitteeResponsePeriodDays, DeclarationTextVersion, SupportTypeCeilings };

        private readonly Dictionary<string, string?> _values;

        public PolicySettings(Dictionary<string, string?> values) { _values = values; }

        public static QueryExpression Query(params string[] schemaNames)
        {
            var query = new QueryExpression("environmentvariabledefinition")
            {
                ColumnSet = new ColumnSet("schemaname", "defaultvalue"),
                // A definition has at most one current value; the bound leaves room for that and stops a runaway read.
                TopCount = schemaNames.Length * 2,
                NoLock = true,
            };
            query.Criteria.AddCondition("schemaname", ConditionOperator.In, (object[])schemaNames);
            var link = query.AddLink("environmentvariablevalue", "environmentvariabledefinitionid", "environmentvariabledefinitionid", JoinOperator.LeftOuter);
            link.EntityAlias = "v";
            link.Columns = new ColumnSet("value");
            return query;
        }

        public static PolicySettings Read(IOrganizationService service, params string[] schemaNames) => From(service.RetrieveMultiple(Query(schemaNames)));

        public static PolicySettings From(EntityCollection rows)
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows.Entities)
            {
                var name = row.GetAttributeValue<string>("schemaname");
                if (name == null) continue;
                var current = row.GetAttributeValue<AliasedValue>("v.value")?.Value as string;
                values[name] = string.IsNullOrWhiteSpace(current) ? row.GetAttributeValue<string>("defaultvalue") : current;
            }
            return new PolicySettings(values);
        }

        public string? Get(string schemaName) => _values.TryGetValue(schemaName, out var value) ? value : null;

        /// <summary>S5: the committee period in days: the configured number, 14 when unset or unreadable, never below 14.</summary>
        public int CommitteePeriodDays => S5_CommitteeClockRule.EffectiveDays(
            int.TryParse(Get(CommitteeResponsePeriodDays), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : S5_CommitteeClockRule.MinimumDays);

        /// <summary>S4: the declaration text in force, or null when none is configured.</summary>
        public string? DeclarationVersion => string.IsNullOrWhiteSpace(Get(DeclarationTextVersion)) ? null : Get(DeclarationTextVersion)!.Trim();

        /// <summary>S2: the ceiling for a support type, or null when none is configured (or the JSON is unreadable:
        /// a configuration mistake must not block every request).</summary>
        public decimal? CeilingFor(int supportType)
        {
            var ceilings = ParseCeilings(Get(SupportTypeCeilings));
            return ceilings != null && ceilings.TryGetValue(supportType.ToString(CultureInfo.InvariantCulture), out var ceiling) ? ceiling : (decimal?)null;
        }

        /// <summary>Reads a flat JSON object of numbers, e.g. {"826000001":5000,"826000003":12000.5}; null when malformed.</summary>
        public static Dictionary<string, decimal>? ParseCeilings(string? json)
        {
            var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(json)) return result;
            var text = json!;
            var pos = 0;
            void Skip() { while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++; }
            bool Take(char c) { Skip(); if (pos < text.Length && text[pos] == c) { pos++; return true; } return false; }
            if (!Take('{')) return null;
            if (Take('}')) { Skip(); return pos == text.Length ? result : null; }
            while (true)
            {
                if (!Take('"')) return null;
                var end = text.IndexOf('"', pos);
                if (end < 0) return null;
                var key = text.Substring(pos, end - pos);
                pos = end + 1;
                if (!Take(':')) return null;
                Skip();
                var start = pos;
                while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.' || text[pos] == '-' || text[pos] == '+' || text[pos] == 'e' || text[pos] == 'E')) pos++;
                if (!decimal.TryParse(text.Substring(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return null;
                result[key] = number;
                if (Take(',')) continue;
                if (!Take('}')) return null;
                Skip();
                return pos == text.Length ? result : null;
            }
        }
    }
}
