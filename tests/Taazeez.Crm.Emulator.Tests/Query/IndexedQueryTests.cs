using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Query;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>An equality on an indexed column (alternate key, primary key, lookup) is answered through
    /// IQuerySource.RowsWhereEquals and never by reading the whole table, so a key lookup costs the same at 1k and
    /// 100k rows (the benchmark in bench/ measures it; this proves it without a clock).</summary>
    public class IndexedQueryTests
    {
        private static readonly SolutionMetadata Metadata = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder()).Metadata;

        [Fact]
        public void An_alternate_key_equality_reads_the_index_and_never_scans()
        {
            var source = new IndexOnlySource(Metadata.Tables["taz_beneficiary"], 1000);
            var query = new QueryExpression("taz_beneficiary")
            {
                ColumnSet = new ColumnSet("taz_name"),
                Criteria = { Conditions = { new ConditionExpression("taz_nationalid", ConditionOperator.Equal, "1000000437") } },
            };
            var result = QueryEngine.Execute(query, source, DateTime.UtcNow, Guid.Empty);
            Assert.Equal("n437", Assert.Single(result.Entities)["taz_name"]);
            Assert.Equal(new[] { "taz_nationalid" }, source.IndexReads);
        }

        [Fact]
        public void The_same_key_in_a_fetch_query_reads_the_index_too()
        {
            var source = new IndexOnlySource(Metadata.Tables["taz_beneficiary"], 1000);
            var fetch = new FetchExpression("""
                <fetch><entity name="taz_beneficiary"><attribute name="taz_name" />
                  <filter><condition attribute="taz_nationalid" operator="eq" value="1000000012" /></filter>
                </entity></fetch>
                """);
            var result = QueryEngine.Execute(fetch, source, DateTime.UtcNow, Guid.Empty);
            Assert.Equal("n12", Assert.Single(result.Entities)["taz_name"]);
            Assert.Equal(new[] { "taz_nationalid" }, source.IndexReads);
        }

        [Fact]
        public void The_paging_cookie_is_the_xml_dataverse_writes()
        {
            var source = new IndexOnlySource(Metadata.Tables["taz_beneficiary"], 10);
            var query = new QueryExpression("taz_beneficiary")
            {
                Criteria = { Conditions = { new ConditionExpression("taz_nationalid", ConditionOperator.Equal, "1000000003") } },
            };
            var result = QueryEngine.Execute(query, source, DateTime.UtcNow, Guid.Empty);
            var id = Assert.Single(result.Entities).Id.ToString("B").ToUpperInvariant();
            var expected = new System.Xml.Linq.XElement("cookie", new System.Xml.Linq.XAttribute("page", 1),
                new System.Xml.Linq.XElement("taz_beneficiaryid", new System.Xml.Linq.XAttribute("last", id), new System.Xml.Linq.XAttribute("first", id)))
                .ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            Assert.Equal(expected, result.PagingCookie);
        }

        [Fact]
        public void A_filter_without_an_indexed_equality_does_scan()
        {
            var source = new IndexOnlySource(Metadata.Tables["taz_beneficiary"], 10);
            var query = new QueryExpression("taz_beneficiary")
            {
                Criteria = { Conditions = { new ConditionExpression("taz_name", ConditionOperator.Like, "n1%") } },
            };
            Assert.Throws<InvalidOperationException>(() => QueryEngine.Execute(query, source, DateTime.UtcNow, Guid.Empty));
        }

        /// <summary>Rows only through an index on taz_nationalid; Rows() throws, so any scan fails the query.</summary>
        private sealed class IndexOnlySource : IQuerySource
        {
            private readonly TableMetadata _table;
            private readonly Dictionary<string, Entity> _byNationalId = new(StringComparer.OrdinalIgnoreCase);

            public IndexOnlySource(TableMetadata table, int rows)
            {
                _table = table;
                for (var i = 0; i < rows; i++)
                {
                    var id = new Guid(i + 1, 0, 0, new byte[8]);
                    var nationalId = (1_000_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _byNationalId[nationalId] = new Entity(table.LogicalName, id)
                    {
                        [table.PrimaryIdColumn] = id,
                        ["taz_name"] = "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["taz_nationalid"] = nationalId,
                    };
                }
            }

            public List<string> IndexReads { get; } = new();

            public TableMetadata? Table(string logicalName) => logicalName == _table.LogicalName ? _table : null;

            public IEnumerable<Entity> Rows(string logicalName) =>
                throw new InvalidOperationException($"Scan of {logicalName}: the query should have used the index.");

            public IEnumerable<Entity>? RowsWhereEquals(string logicalName, string column, object value)
            {
                if (column != "taz_nationalid") return null;
                IndexReads.Add(column);
                return value is string key && _byNationalId.TryGetValue(key, out var row) ? new[] { row } : Array.Empty<Entity>();
            }
        }
    }
}
