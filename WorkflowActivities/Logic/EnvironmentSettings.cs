using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>Environment variables read the way docs/contracts.md prescribes: definitions outer-joined with
    /// their current values in one RetrieveMultiple; the value wins over the default.</summary>
    public sealed class EnvironmentSettings
    {
        public const string CommitteeResponsePeriodDays = "taz_CommitteeResponsePeriodDays";
        public const string SurveyReminderDays = "taz_SurveyReminderDays";
        public const string CommitteeHeadUserId = "taz_CommitteeHeadUserId";

        private readonly Dictionary<string, string?> _values;

        private EnvironmentSettings(Dictionary<string, string?> values) { _values = values; }

        public static EnvironmentSettings Load(IOrganizationService service, params string[] schemaNames)
        {
            var query = new QueryExpression("environmentvariabledefinition") { ColumnSet = new ColumnSet("schemaname", "defaultvalue") };
            query.Criteria.AddCondition("schemaname", ConditionOperator.In, schemaNames);
            var link = query.AddLink("environmentvariablevalue", "environmentvariabledefinitionid", "environmentvariabledefinitionid", JoinOperator.LeftOuter);
            link.EntityAlias = "v";
            link.Columns = new ColumnSet("value");
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                var name = row.GetAttributeValue<string>("schemaname");
                if (name == null) continue;
                var current = row.GetAttributeValue<AliasedValue>("v.value")?.Value as string;
                values[name] = string.IsNullOrWhiteSpace(current) ? row.GetAttributeValue<string>("defaultvalue") : current;
            }
            return new EnvironmentSettings(values);
        }

        public string? GetString(string schemaName) => _values.TryGetValue(schemaName, out var v) ? v : null;

        public int GetInt(string schemaName, int fallback)
        {
            var text = GetString(schemaName);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        }

        public Guid? GetGuid(string schemaName) => Guid.TryParse(GetString(schemaName), out var g) && g != Guid.Empty ? g : (Guid?)null;
    }
}
