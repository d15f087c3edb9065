using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;
using static Taazeez.Crm.Emulator.Tests.Query.QueryTestKit;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>Paging as Dataverse pages: page size and number, the paging cookie, MoreRecords, total count,
    /// the 5000-row cap, and a total, stable order so pages never overlap.</summary>
    public class PagingTests
    {
        private readonly InMemoryQuerySource _source = new();

        private void Seed(int count)
        {
            for (var i = 0; i < count; i++)
                _source.Add(new Entity("taz_beneficiary") { ["taz_name"] = $"B{i % 3}", ["taz_householdsize"] = i % 5 + 1 });
        }

        [Fact]
        public void Three_pages_with_cookie_cover_every_row_once_in_a_stable_order()
        {
            Seed(25);
            var query = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") };
            query.AddOrder("taz_name", OrderType.Ascending); // many equal names: the id breaks the ties
            query.PageInfo = new PagingInfo { Count = 10, PageNumber = 1, ReturnTotalRecordCount = true };

            var seen = new List<Guid>();
            var pages = new List<EntityCollection>();
            while (true)
            {
                var page = Run(_source, query);
                pages.Add(page);
                seen.AddRange(page.Entities.Select(e => e.Id));
                if (!page.MoreRecords) break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }

            Assert.Equal(new[] { 10, 10, 5 }, pages.Select(p => p.Entities.Count));
            Assert.Equal(new[] { true, true, false }, pages.Select(p => p.MoreRecords));
            Assert.All(pages, p => Assert.Equal(25, p.TotalRecordCount));
            Assert.Equal(25, seen.Distinct().Count());
            var names = pages.SelectMany(p => p.Entities).Select(e => (string)e["taz_name"]).ToList();
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);

            var cookie = XElement.Parse(pages[1].PagingCookie);
            Assert.Equal("2", (string?)cookie.Attribute("page"));
            var key = cookie.Element("taz_beneficiaryid")!;
            Assert.Equal(pages[1].Entities.First().Id, Guid.Parse((string)key.Attribute("first")!));
            Assert.Equal(pages[1].Entities.Last().Id, Guid.Parse((string)key.Attribute("last")!));
        }

        [Fact]
        public void The_cookie_resumes_after_its_last_row_even_when_rows_were_added_before_it()
        {
            Seed(6);
            var query = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_householdsize") };
            query.AddOrder("taz_householdsize", OrderType.Descending);
            query.PageInfo = new PagingInfo { Count = 3, PageNumber = 1 };
            var first = Run(_source, query);

            _source.Add(new Entity("taz_beneficiary") { ["taz_name"] = "late", ["taz_householdsize"] = 50 }); // sorts first
            query.PageInfo.PageNumber = 2;
            query.PageInfo.PagingCookie = first.PagingCookie;
            var second = Run(_source, query);

            var everything = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_householdsize") };
            everything.AddOrder("taz_householdsize", OrderType.Descending);
            var all = Run(_source, everything).Entities.Select(e => e.Id).ToList();
            Assert.Equal(all.Skip(all.IndexOf(first.Entities.Last().Id) + 1).Take(3), second.Entities.Select(e => e.Id));

            query.PageInfo.PagingCookie = null; // without the cookie the page is counted, and the new row shifts it
            Assert.Equal(all.Skip(3).Take(3), Run(_source, query).Entities.Select(e => e.Id));
        }

        [Fact]
        public void Without_paging_a_query_returns_at_most_5000_rows_and_says_there_are_more()
        {
            Seed(5001);
            var query = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") };

            var result = Run(_source, query);

            Assert.Equal(5000, result.Entities.Count);
            Assert.True(result.MoreRecords);
            Assert.Equal(-1, result.TotalRecordCount);
            query.PageInfo = new PagingInfo { Count = 9000, PageNumber = 2, ReturnTotalRecordCount = true };
            var second = Run(_source, query);
            Assert.Single(second.Entities);
            Assert.Equal(5000, second.TotalRecordCount);
            Assert.True(second.TotalRecordCountLimitExceeded);
        }

        [Fact]
        public void Fetch_count_and_page_attributes_page_the_same_way()
        {
            Seed(7);
            string Fetch(int page) => $"<fetch count='3' page='{page}'><entity name='taz_beneficiary'><attribute name='taz_name'/><order attribute='taz_name'/></entity></fetch>";
            var pages = Enumerable.Range(1, 3).Select(p => QueryTestKit.Fetch(_source, Fetch(p))).ToList();

            Assert.Equal(new[] { 3, 3, 1 }, pages.Select(p => p.Entities.Count));
            Assert.Equal(new[] { true, true, false }, pages.Select(p => p.MoreRecords));
            Assert.Equal(7, pages.SelectMany(p => p.Entities).Select(e => e.Id).Distinct().Count());
        }

        [Fact]
        public void Top_with_paging_and_a_malformed_cookie_are_rejected()
        {
            Seed(2);
            var top = new QueryExpression("taz_beneficiary") { TopCount = 1, PageInfo = new PagingInfo { Count = 1, PageNumber = 1 } };
            Assert.Equal(DataverseFaults.InvalidArgument, Fault(() => Run(_source, top)).ErrorCode);

            var cookie = new QueryExpression("taz_beneficiary") { PageInfo = new PagingInfo { Count = 1, PageNumber = 2, PagingCookie = "<cookie page='1'" } };
            Assert.Contains("paging cookie", Fault(() => Run(_source, cookie)).Message);
        }
    }
}
