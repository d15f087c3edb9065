using System.Linq;
using System.Xml.Linq;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>The query list the emulator tests execute: every view and chart, each a parsable fetch on its own table.</summary>
    public sealed class FetchQueryTests
    {
        [Fact]
        public void Every_view_and_chart_query_is_listed_with_both_names_and_targets_its_folder_table()
        {
            var queries = SolutionFetchQueries();
            Assert.Equal(8, queries.Count(q => q.Kind == "chart"));
            Assert.True(queries.Count(q => q.Kind == "view") >= 60);
            Assert.All(queries, q =>
            {
                var fetch = XElement.Parse(q.FetchXml);
                Assert.Equal(q.Entity, fetch.Element("entity")!.Attribute("name")!.Value);
                Assert.False(string.IsNullOrEmpty(q.EnglishName), q.ToString());
                Assert.False(string.IsNullOrEmpty(q.ArabicName), q.ToString());
            });
            Assert.Equal(queries.Count, queries.Select(q => (q.Kind, q.Id)).Distinct().Count());
            var names = queries.Where(q => q.Entity == "taz_supportrequest").Select(q => q.EnglishName).ToList();
            foreach (var queue in new[] { "My new requests", "Awaiting verification", "Awaiting committee", "Overdue for committee", "Delivered, awaiting survey" })
                Assert.Contains(queue, names);
        }

        [Fact]
        public void Chart_queries_aggregate()
        {
            Assert.All(SolutionFetchQueries().Where(q => q.Kind == "chart"),
                q => Assert.Equal("true", XElement.Parse(q.FetchXml).Attribute("aggregate")?.Value));
        }

        private static System.Collections.Generic.IReadOnlyList<SolutionFetchQuery> SolutionFetchQueries() =>
            SolutionFetchQuery.FromFolder(Repo.SolutionSrc);
    }
}
