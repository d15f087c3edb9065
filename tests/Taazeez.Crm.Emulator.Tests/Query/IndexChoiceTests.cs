using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Query;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>With two indexed equalities ("open referrals of this researcher") the engine starts from the smaller
    /// index, as a database would: a researcher's hundreds of closed referrals are never gathered.</summary>
    public class IndexChoiceTests
    {
        private static readonly TableMetadata Referral =
            DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder()).Metadata.Tables["taz_researchreferral"];

        private sealed class CountingSource : IQuerySource
        {
            private readonly List<Entity> _rows = new();
            public List<string> Gathered { get; } = new();

            public CountingSource(Guid researcher, int closed, int open)
            {
                for (var i = 0; i < closed + open; i++)
                    _rows.Add(new Entity(Referral.LogicalName, Guid.NewGuid())
                    {
                        ["taz_researcherid"] = new EntityReference("systemuser", researcher),
                        ["statecode"] = new OptionSetValue(i < closed ? 1 : 0),
                    });
            }

            private IEnumerable<Entity> Matching(string column, object value) =>
                _rows.Where(r => r[column] switch { EntityReference e => Equals(e.Id, value), OptionSetValue o => Equals(o.Value, value), _ => false });

            public TableMetadata? Table(string logicalName) => logicalName == Referral.LogicalName ? Referral : null;
            public IEnumerable<Entity> Rows(string logicalName) => throw new InvalidOperationException("scanned " + logicalName);

            public IEnumerable<Entity>? RowsWhereEquals(string logicalName, string column, object value)
            {
                Gathered.Add(column);
                return Matching(column, value).ToList();
            }

            public int? CountWhereEquals(string logicalName, string column, object value) => Matching(column, value).Count();
        }

        [Fact]
        public void The_smaller_index_is_gathered_and_only_it()
        {
            var researcher = Guid.NewGuid();
            var source = new CountingSource(researcher, closed: 300, open: 2);
            var query = new QueryExpression(Referral.LogicalName)
            {
                ColumnSet = new ColumnSet("taz_researcherid"),
                Criteria =
                {
                    Conditions =
                    {
                        new ConditionExpression("taz_researcherid", ConditionOperator.Equal, researcher),
                        new ConditionExpression("statecode", ConditionOperator.Equal, 0),
                    },
                },
            };
            Assert.Equal(2, QueryEngine.Execute(query, source, DateTime.UtcNow, Guid.Empty).Entities.Count);
            Assert.Equal(new[] { "statecode" }, source.Gathered);
        }
    }
}
