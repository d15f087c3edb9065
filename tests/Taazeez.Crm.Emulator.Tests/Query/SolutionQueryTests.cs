using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Packer;
using static Taazeez.Crm.Emulator.Tests.Query.QueryTestKit;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>Every view and chart the solution ships runs on the emulator: its FetchXML parses, names only
    /// tables and columns that exist, and executes over sample rows of every table.</summary>
    public class SolutionQueryTests
    {
        private static readonly Lazy<IReadOnlyList<SolutionFetchQuery>> Queries =
            new(() => SolutionFetchQuery.FromFolder(InMemoryQuerySource.SolutionSrc));

        public static IEnumerable<object[]> QueryIds => Queries.Value.Select(q => new object[] { $"{q.Kind} {q.Id}" });

        [Fact]
        public void The_solution_ships_views_and_charts()
        {
            Assert.Contains(Queries.Value, q => q.Kind == "view" && q.Entity == "taz_supportrequest");
            Assert.True(Queries.Value.Count(q => q.Kind == "chart") >= 8);
        }

        [Theory]
        [MemberData(nameof(QueryIds))]
        public void Query_runs_over_sample_rows(string id)
        {
            var query = Queries.Value.Single(q => $"{q.Kind} {q.Id}" == id);
            var source = SampleSource();

            var result = Fetch(source, query.FetchXml);

            Assert.All(result.Entities, e => Assert.Equal(query.Entity, e.LogicalName));
            if (query.Kind == "chart")
            {
                Assert.NotEmpty(result.Entities);
                Assert.All(result.Entities, e => Assert.IsType<AliasedValue>(e["aggregate_column"]));
            }
            else Assert.All(result.Entities, e => Assert.NotEqual(Guid.Empty, e.Id));
        }

        /// <summary>Twelve rows per table (enough to give every status reason a row) with a value of the right shape
        /// in every column; statecode agrees with statuscode, lookups point at rows of their target table, owners at
        /// the caller.</summary>
        private const int RowsPerTable = 12;

        private static InMemoryQuerySource SampleSource()
        {
            var source = new InMemoryQuerySource();
            var rows = source.Metadata.Tables.Values.ToDictionary(t => t.LogicalName,
                t => Enumerable.Range(0, RowsPerTable).Select(_ => new Entity(t.LogicalName, Guid.NewGuid())).ToList());
            foreach (var table in source.Metadata.Tables.Values)
                for (var i = 0; i < RowsPerTable; i++)
                {
                    var row = rows[table.LogicalName][i];
                    foreach (var column in table.Columns.Values)
                        if (SampleValue(column, i, rows) is { } value) row[column.LogicalName] = value;
                    if (row.GetAttributeValue<OptionSetValue>("statuscode") is { } status && table.StateOfStatus.TryGetValue(status.Value, out var state))
                        row["statecode"] = new OptionSetValue(state);
                    source.Add(row);
                }
            return source;
        }

        private static object? SampleValue(ColumnMetadata column, int i, Dictionary<string, List<Entity>> rows)
        {
            switch (column.Type)
            {
                case "nvarchar":
                case "ntext":
                    var text = $"{column.LogicalName} {i}";
                    return column.MaxLength is { } max && text.Length > max ? text.Substring(0, max) : text;
                case "int":
                    return (int)Math.Min(column.MaxValue ?? 1000, (column.MinValue ?? 0) + i + 1);
                case "decimal":
                    return Math.Min(column.MaxValue ?? 1000m, (column.MinValue ?? 0m) + i + 1.5m);
                case "money":
                    return new Money(100m * (i + 1));
                case "datetime":
                    return Now.AddDays(-10 * i).AddMinutes(-5);
                case "bit":
                    return i % 2 == 0;
                case "picklist":
                case "state":
                case "status":
                    return column.OptionValues.Count == 0 ? null : new OptionSetValue(column.OptionValues.ElementAt(i % column.OptionValues.Count));
                case "multiselectpicklist":
                    return column.OptionValues.Count == 0 ? null : new OptionSetValueCollection(new List<OptionSetValue> { new(column.OptionValues.First()) });
                case "owner":
                    return new EntityReference("systemuser", Caller);
                case "lookup":
                case "customer":
                    var target = column.Targets.FirstOrDefault(rows.ContainsKey);
                    return target == null ? new EntityReference(column.Targets.FirstOrDefault() ?? "systemuser", Guid.NewGuid())
                        : rows[target][i].ToEntityReference();
                default:
                    return null;
            }
        }
    }
}
