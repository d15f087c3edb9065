using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Query;
using static Taazeez.Crm.Emulator.Tests.Query.QueryTestKit;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>The engine's shortcuts answer as the plain path does: a top count or a page without a cookie orders
    /// only the head it returns, the indexed condition is tested last but still tested, joins fill one cursor row,
    /// and stored values are compared in their stored shapes.</summary>
    public class QueryShortcutTests
    {
        private readonly InMemoryQuerySource _source = new();

        private void Seed(int count)
        {
            for (var i = 0; i < count; i++)
                _source.Add(new Entity("taz_beneficiary") { ["taz_name"] = $"B{i % 3}", ["taz_householdsize"] = i % 5 + 1 });
        }

        private static QueryExpression Ordered()
        {
            var query = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name", "taz_householdsize") };
            query.AddOrder("taz_householdsize", OrderType.Descending); // many ties: name, then the id, break them
            query.AddOrder("taz_name", OrderType.Ascending);
            return query;
        }

        private static Guid[] Ids(EntityCollection rows) => rows.Entities.Select(e => e.Id).ToArray();

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(39)]
        [InlineData(40)]
        [InlineData(41)]
        public void Top_with_orders_returns_the_head_of_the_full_order(int top)
        {
            Seed(40);
            var full = Ids(Run(_source, Ordered()));
            var query = Ordered();
            query.TopCount = top;
            query.PageInfo.ReturnTotalRecordCount = true;

            var topped = Run(_source, query);

            Assert.Equal(full.Take(top), Ids(topped));
            Assert.False(topped.MoreRecords);
            Assert.Equal(40, topped.TotalRecordCount);
        }

        [Theory]
        [InlineData(1, 0, true)]
        [InlineData(3, 12, true)]
        [InlineData(7, 36, false)]
        [InlineData(8, 40, false)]
        public void A_page_without_a_cookie_is_the_same_slice_of_the_full_order(int page, int skip, bool more)
        {
            Seed(40);
            var full = Ids(Run(_source, Ordered()));
            var query = Ordered();
            query.PageInfo = new PagingInfo { Count = 6, PageNumber = page, ReturnTotalRecordCount = true };

            var rows = Run(_source, query);

            Assert.Equal(full.Skip(skip).Take(6), Ids(rows));
            Assert.Equal(more, rows.MoreRecords);
            Assert.Equal(40, rows.TotalRecordCount);
        }

        [Fact]
        public void Fetch_top_with_a_link_order_returns_the_head_of_the_full_order()
        {
            var people = Enumerable.Range(0, 6).Select(i => Beneficiary(_source, $"P{i % 2}", Jazan, $"10000000{i}")).ToList();
            for (var i = 0; i < 30; i++)
                Request(_source, $"SR-{i % 4}", people[i % people.Count], ChannelPhone, 100 + i % 3, Now.AddDays(-i));
            const string body = @"<entity name='taz_supportrequest'><attribute name='taz_name'/><order attribute='taz_amountrequested' descending='true'/>
                <link-entity name='taz_beneficiary' from='taz_beneficiaryid' to='taz_beneficiaryid' alias='b'><attribute name='taz_name'/>
                <order attribute='taz_name'/></link-entity></entity>";

            var full = Ids(Fetch(_source, "<fetch>" + body + "</fetch>"));
            var topped = Ids(Fetch(_source, "<fetch top='9'>" + body + "</fetch>"));

            Assert.Equal(30, full.Length);
            Assert.Equal(full.Take(9), topped);
        }

        /// <summary>An index may answer a superset (IQuerySource says so): the condition that chose it is tested last
        /// for speed, but it is still tested.</summary>
        [Fact]
        public void The_indexed_condition_still_filters_what_a_superset_index_returns()
        {
            var amal = Beneficiary(_source, "Amal", Jazan, "1000000001");
            var basma = Beneficiary(_source, "Basma", Jazan, "1000000002");
            Request(_source, "SR-1", amal, ChannelPhone, 100, Now);
            Request(_source, "SR-2", basma, ChannelPhone, 100, Now);
            Request(_source, "SR-3", amal, ChannelSocial, 100, Now);
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.Criteria.AddCondition("taz_beneficiaryid", ConditionOperator.Equal, amal.Id);
            query.Criteria.AddCondition("taz_channel", ConditionOperator.Equal, ChannelPhone);
            var superset = new SupersetSource(_source);

            var rows = QueryEngine.Execute(query, superset, Now, Caller);

            Assert.Equal(new[] { "SR-1" }, rows.Entities.Select(e => e.GetAttributeValue<string>("taz_name")));
            Assert.True(superset.IndexLookups > 0);
        }

        /// <summary>Joins fill one cursor row depth-first; a nested link's row must not linger into the next parent
        /// that has no match of its own.</summary>
        [Fact]
        public void A_nested_outer_link_leaves_no_row_behind_for_the_next_parent()
        {
            var amal = Beneficiary(_source, "Amal", Jazan, "1000000001");
            var withReferral = Request(_source, "SR-1", amal, ChannelPhone, 100, Now);
            Request(_source, "SR-2", amal, ChannelPhone, 100, Now);
            _source.Add(new Entity("taz_researchreferral") { ["taz_name"] = "RR-1", ["taz_supportrequestid"] = withReferral.ToEntityReference() });
            var query = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") };
            var requests = query.AddLink("taz_supportrequest", "taz_beneficiaryid", "taz_beneficiaryid", JoinOperator.LeftOuter);
            requests.EntityAlias = "r";
            requests.Columns = new ColumnSet("taz_name");
            var referrals = requests.AddLink("taz_researchreferral", "taz_supportrequestid", "taz_supportrequestid", JoinOperator.LeftOuter);
            referrals.EntityAlias = "rr";
            referrals.Columns = new ColumnSet("taz_name");
            query.AddOrder("taz_name", OrderType.Ascending);

            var rows = Run(_source, query).Entities
                .Select(e => (Request: (string)e.GetAttributeValue<AliasedValue>("r.taz_name").Value, Referral: e.GetAttributeValue<AliasedValue>("rr.taz_name")?.Value as string))
                .OrderBy(r => r.Request).ToList();
            Assert.Equal(new[] { ("SR-1", (string?)"RR-1"), ("SR-2", null) }, rows);

            query.Criteria.AddCondition("rr", "taz_researchreferralid", ConditionOperator.Null);
            Assert.Equal(new[] { "SR-2" },
                Run(_source, query).Entities.Select(e => (string)e.GetAttributeValue<AliasedValue>("r.taz_name").Value));
        }

        /// <summary>Stored rows hold OptionSetValue, Money, EntityReference, int and DateTime of any kind; conditions
        /// compare them as their normalised forms, whatever shape the query's value came in.</summary>
        [Fact]
        public void Stored_shapes_compare_as_their_normalised_values()
        {
            var amal = Beneficiary(_source, "Amal", Jazan, "1000000001");
            amal["taz_householdsize"] = 4;
            var local = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Local);
            var request = Request(_source, "SR-1", amal, ChannelPhone, 250.50m, local);
            Request(_source, "SR-2", null, ChannelSocial, 99m, Now);

            string[] Names(string table, params ConditionExpression[] conditions)
            {
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet("taz_name") };
                foreach (var condition in conditions) query.Criteria.AddCondition(condition);
                return Run(_source, query).Entities.Select(e => e.GetAttributeValue<string>("taz_name")).OrderBy(n => n).ToArray();
            }

            Assert.Equal(new[] { "Amal" }, Names("taz_beneficiary", new ConditionExpression("taz_householdsize", ConditionOperator.Equal, 4m)));
            Assert.Equal(new[] { "Amal" }, Names("taz_beneficiary", new ConditionExpression("taz_householdsize", ConditionOperator.In, 9, 4L)));
            Assert.Equal(new[] { "Amal" }, Names("taz_beneficiary", new ConditionExpression("taz_householdsize", ConditionOperator.GreaterThan, "3.5")));
            Assert.Empty(Names("taz_beneficiary", new ConditionExpression("taz_householdsize", ConditionOperator.LessThan, 4)));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_channel", ConditionOperator.In, new OptionSetValue(ChannelPhone), 1)));
            Assert.Equal(new[] { "SR-2" }, Names("taz_supportrequest", new ConditionExpression("taz_channel", ConditionOperator.NotIn, ChannelPhone)));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_amountrequested", ConditionOperator.Equal, new Money(250.5m))));
            Assert.Equal(new[] { "SR-1", "SR-2" }, Names("taz_supportrequest", new ConditionExpression("taz_amountrequested", ConditionOperator.GreaterEqual, 99)));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_beneficiaryid", ConditionOperator.Equal, amal.ToEntityReference())));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_beneficiaryid", ConditionOperator.In, amal.Id.ToString())));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_supportrequestid", ConditionOperator.Equal, request.Id)));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_submittedon", ConditionOperator.Equal, local.ToUniversalTime())));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_submittedon", ConditionOperator.LessThan, Now)));
            Assert.Equal(new[] { "SR-1" }, Names("taz_supportrequest", new ConditionExpression("taz_name", ConditionOperator.Equal, "sr-1  ")));
            Assert.Equal(new[] { "SR-1", "SR-2" }, Names("taz_supportrequest", new ConditionExpression("taz_name", ConditionOperator.In, "SR-2 ", "sr-1")));
        }

        /// <summary>Short In lists are scanned, long ones hashed; both answer alike, duplicates included.</summary>
        [Theory]
        [InlineData(3)]
        [InlineData(30)]
        public void In_lists_short_and_long_match_the_same_rows(int extra)
        {
            Seed(10); // household sizes 1..5
            var sizes = new object[] { 2, 2m, 4L }.Concat(Enumerable.Range(100, extra).Cast<object>()).ToArray();
            var query = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_householdsize") };
            query.Criteria.AddCondition("taz_householdsize", ConditionOperator.In, sizes);
            Assert.Equal(new[] { 2, 2, 4, 4 }, Run(_source, query).Entities.Select(e => e.GetAttributeValue<int>("taz_householdsize")).OrderBy(n => n));

            var ids = _source.Stored("taz_beneficiary").Take(2).Select(e => (object)e.Id)
                .Concat(Enumerable.Range(0, extra).Select(_ => (object)Guid.NewGuid())).ToArray();
            var byId = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") };
            byId.Criteria.AddCondition("taz_beneficiaryid", ConditionOperator.NotIn, ids);
            Assert.Equal(8, Run(_source, byId).Entities.Count);
        }

        /// <summary>Returns every row of the table for any indexed value: a superset, as IQuerySource allows.</summary>
        private sealed class SupersetSource : IQuerySource
        {
            private readonly InMemoryQuerySource _inner;
            public SupersetSource(InMemoryQuerySource inner) { _inner = inner; }
            public int IndexLookups { get; private set; }
            public TableMetadata? Table(string logicalName) => _inner.Table(logicalName);
            public IEnumerable<Entity> Rows(string logicalName) => _inner.Rows(logicalName);

            public IEnumerable<Entity>? RowsWhereEquals(string logicalName, string column, object value)
            {
                IndexLookups++;
                return _inner.Stored(logicalName).ToList();
            }
        }
    }
}
