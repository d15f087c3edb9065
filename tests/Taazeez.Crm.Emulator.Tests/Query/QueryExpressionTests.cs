using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;
using static Taazeez.Crm.Emulator.Tests.Query.QueryTestKit;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>QueryExpression semantics: nested filters, joins, aliased columns, orders, top, distinct, column
    /// sets, Dataverse's faults for unknown names, and that results are copies.</summary>
    public class QueryExpressionTests
    {
        private readonly InMemoryQuerySource _source = new();
        private readonly Entity _amal;
        private readonly Entity _basma;
        private readonly Entity _noRequests;
        private readonly Entity _r1;
        private readonly Entity _r2;
        private readonly Entity _r3;
        private readonly Entity _orphan;

        public QueryExpressionTests()
        {
            _amal = Beneficiary(_source, "Amal", Jazan, "1000000001");
            _basma = Beneficiary(_source, "Basma", Sabya, "1000000002");
            _noRequests = Beneficiary(_source, "Chadia", Jazan, "1000000003");
            _r1 = Request(_source, "SR-1", _amal, ChannelInPerson, 1000m, Now.AddDays(-3));
            _r2 = Request(_source, "SR-2", _amal, ChannelPhone, 2500m, Now.AddDays(-2));
            _r3 = Request(_source, "SR-3", _basma, ChannelPhone, 400m, Now.AddDays(-1));
            _orphan = Request(_source, "SR-4", null, ChannelSocial, 50m, Now);
        }

        [Fact]
        public void Nested_and_or_filters_combine_like_sql()
        {
            // channel = phone AND (amount > 2000 OR name = 'SR-3')  → SR-2, SR-3;  SR-1 fails the channel.
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.Criteria.AddCondition("taz_channel", ConditionOperator.Equal, ChannelPhone);
            var either = query.Criteria.AddFilter(LogicalOperator.Or);
            either.AddCondition("taz_amountrequested", ConditionOperator.GreaterThan, 2000m);
            either.AddCondition("taz_name", ConditionOperator.Equal, "sr-3");
            query.AddOrder("taz_name", OrderType.Ascending);

            Assert.Equal(new[] { "SR-2", "SR-3" }, Names(Run(_source, query)));

            // (channel = in-person OR channel = social) AND amount < 500 → SR-4 only.
            var second = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            var channels = second.Criteria.AddFilter(LogicalOperator.Or);
            channels.AddCondition("taz_channel", ConditionOperator.Equal, ChannelInPerson);
            channels.AddCondition("taz_channel", ConditionOperator.Equal, ChannelSocial);
            second.Criteria.AddCondition("taz_amountrequested", ConditionOperator.LessThan, 500m);
            Assert.Equal(new[] { "SR-4" }, Names(Run(_source, second)));
        }

        [Fact]
        public void Inner_link_drops_unmatched_rows_and_outer_link_keeps_them()
        {
            QueryExpression Query(JoinOperator join)
            {
                var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
                var link = query.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid", join);
                link.EntityAlias = "b";
                link.Columns = new ColumnSet("taz_name", "taz_governorate");
                query.AddOrder("taz_name", OrderType.Ascending);
                return query;
            }

            var inner = Run(_source, Query(JoinOperator.Inner));
            Assert.Equal(new[] { "SR-1", "SR-2", "SR-3" }, Names(inner));
            var aliased = Assert.IsType<AliasedValue>(inner.Entities[2]["b.taz_name"]);
            Assert.Equal("Basma", aliased.Value);
            Assert.Equal("taz_beneficiary", aliased.EntityLogicalName);
            Assert.Equal("taz_name", aliased.AttributeLogicalName);
            Assert.Equal(new OptionSetValue(Sabya), inner.Entities[2].GetAttributeValue<AliasedValue>("b.taz_governorate").Value);

            var outer = Run(_source, Query(JoinOperator.LeftOuter));
            Assert.Equal(new[] { "SR-1", "SR-2", "SR-3", "SR-4" }, Names(outer));
            Assert.False(outer.Entities[3].Contains("b.taz_name"));
        }

        [Fact]
        public void One_to_many_link_repeats_the_parent_and_outer_link_with_null_test_finds_rows_without_children()
        {
            var query = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") };
            var link = query.AddLink("taz_supportrequest", "taz_beneficiaryid", "taz_beneficiaryid", JoinOperator.LeftOuter);
            link.EntityAlias = "r";
            query.Criteria.AddCondition("r", "taz_supportrequestid", ConditionOperator.Null);

            Assert.Equal(new[] { "Chadia" }, Run(_source, query).Entities.Select(e => e.GetAttributeValue<string>("taz_name")));

            var inner = new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") };
            inner.AddLink("taz_supportrequest", "taz_beneficiaryid", "taz_beneficiaryid");
            Assert.Equal(new[] { "Amal", "Amal", "Basma" },
                Run(_source, inner).Entities.Select(e => e.GetAttributeValue<string>("taz_name")).OrderBy(n => n));
        }

        [Fact]
        public void Unaliased_link_columns_are_named_after_the_table_and_its_link_number()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.Criteria.AddCondition("taz_name", ConditionOperator.Equal, "SR-3");
            query.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid").Columns = new ColumnSet("taz_nationalid");

            var row = Assert.Single(Run(_source, query).Entities);

            Assert.Equal("1000000002", row.GetAttributeValue<AliasedValue>("taz_beneficiary1.taz_nationalid").Value);
        }

        [Fact]
        public void Link_criteria_conditions_on_alias_and_nested_links_work_together()
        {
            // Surveys → request → beneficiary in Sabya: nested links, with link criteria on the middle link.
            var survey = _source.Add(new Entity("taz_satisfactionsurvey") { ["taz_supportrequestid"] = _r3.ToEntityReference(), ["taz_overallscore"] = 5 });
            _source.Add(new Entity("taz_satisfactionsurvey") { ["taz_supportrequestid"] = _r2.ToEntityReference(), ["taz_overallscore"] = 2 });
            var query = new QueryExpression("taz_satisfactionsurvey") { ColumnSet = new ColumnSet("taz_overallscore") };
            var request = query.AddLink("taz_supportrequest", "taz_supportrequestid", "taz_supportrequestid");
            request.EntityAlias = "req";
            request.Columns = new ColumnSet("taz_name");
            request.LinkCriteria.AddCondition("taz_channel", ConditionOperator.Equal, ChannelPhone);
            var beneficiary = request.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid");
            beneficiary.EntityAlias = "ben";
            beneficiary.Columns = new ColumnSet("taz_name");
            query.Criteria.AddCondition("ben", "taz_governorate", ConditionOperator.Equal, Sabya);

            var row = Assert.Single(Run(_source, query).Entities);

            Assert.Equal(survey.Id, row.Id);
            Assert.Equal("SR-3", row.GetAttributeValue<AliasedValue>("req.taz_name").Value);
            Assert.Equal("Basma", row.GetAttributeValue<AliasedValue>("ben.taz_name").Value);
        }

        [Fact]
        public void Orders_apply_in_sequence_including_descending_and_linked_columns()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.AddOrder("taz_channel", OrderType.Descending);
            query.AddOrder("taz_amountrequested", OrderType.Ascending);
            Assert.Equal(new[] { "SR-4", "SR-3", "SR-2", "SR-1" }, Names(Run(_source, query)));

            var byBeneficiary = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            var link = byBeneficiary.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid");
            link.EntityAlias = "b";
            byBeneficiary.Orders.Add(new OrderExpression("taz_name", OrderType.Descending, null, "b"));
            byBeneficiary.AddOrder("taz_amountrequested", OrderType.Descending);
            Assert.Equal(new[] { "SR-3", "SR-2", "SR-1" }, Names(Run(_source, byBeneficiary)));

            var onLink = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            var linkOrder = onLink.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid");
            linkOrder.Orders.Add(new OrderExpression("taz_name", OrderType.Descending));
            onLink.AddOrder("taz_submittedon", OrderType.Ascending);
            Assert.Equal(new[] { "SR-1", "SR-2", "SR-3" }, Names(Run(_source, onLink)));
        }

        [Fact]
        public void Top_count_limits_rows_without_more_records()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name"), TopCount = 2 };
            query.AddOrder("taz_amountrequested", OrderType.Descending);

            var result = Run(_source, query);

            Assert.Equal(new[] { "SR-2", "SR-1" }, Names(result));
            Assert.False(result.MoreRecords);
        }

        [Fact]
        public void Distinct_folds_equal_rows()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_channel"), Distinct = true };
            query.AddOrder("taz_channel", OrderType.Ascending);

            var result = Run(_source, query);

            Assert.Equal(new[] { ChannelInPerson, ChannelPhone, ChannelSocial },
                result.Entities.Select(e => e.GetAttributeValue<OptionSetValue>("taz_channel").Value));
            var plain = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_channel") };
            Assert.Equal(4, Run(_source, plain).Entities.Count);
        }

        [Fact]
        public void Column_set_returns_the_requested_columns_plus_the_id_and_all_columns_returns_every_stored_value()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name", "taz_description") };
            query.Criteria.AddCondition("taz_supportrequestid", ConditionOperator.Equal, _r1.Id);

            var row = Assert.Single(Run(_source, query).Entities);

            Assert.Equal(_r1.Id, row.Id);
            Assert.Equal("taz_supportrequest", row.LogicalName);
            Assert.Equal(new[] { "taz_name", "taz_supportrequestid" }, row.Attributes.Keys.OrderBy(k => k));
            Assert.Equal(_r1.Id, row["taz_supportrequestid"]);

            query.ColumnSet = new ColumnSet(true);
            var all = Assert.Single(Run(_source, query).Entities);
            Assert.Equal(_r1.Attributes.Where(a => a.Value != null).Select(a => a.Key).OrderBy(k => k), all.Attributes.Keys.OrderBy(k => k));
            Assert.Equal(new Money(1000m), all["taz_amountrequested"]);
        }

        [Fact]
        public void Results_are_copies_so_changing_them_does_not_change_the_store()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition("taz_name", ConditionOperator.Equal, "SR-1");
            var row = Assert.Single(Run(_source, query).Entities);
            Assert.NotSame(_r1, row);
            Assert.NotSame(_r1.Attributes, row.Attributes);

            row["taz_name"] = "changed";
            row.GetAttributeValue<Money>("taz_amountrequested").Value = 1m;
            row.GetAttributeValue<OptionSetValue>("taz_channel").Value = 1;
            row.GetAttributeValue<EntityReference>("taz_beneficiaryid").Id = Guid.Empty;
            row.Attributes.Remove("taz_submittedon");

            Assert.Equal("SR-1", _r1["taz_name"]);
            Assert.Equal(1000m, _r1.GetAttributeValue<Money>("taz_amountrequested").Value);
            Assert.Equal(ChannelInPerson, _r1.GetAttributeValue<OptionSetValue>("taz_channel").Value);
            Assert.Equal(_amal.Id, _r1.GetAttributeValue<EntityReference>("taz_beneficiaryid").Id);
            Assert.True(_r1.Contains("taz_submittedon"));
            Assert.Equal("SR-1", Names(Run(_source, query)).Single());
        }

        [Fact]
        public void Primary_key_lookup_uses_the_index_and_never_scans()
        {
            _source.ScanForbidden.Add("taz_supportrequest");
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.Criteria.AddCondition("taz_supportrequestid", ConditionOperator.Equal, _r2.Id);
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);

            Assert.Equal(new[] { "SR-2" }, Names(Run(_source, query)));

            var byLookup = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            byLookup.Criteria.AddCondition("taz_beneficiaryid", ConditionOperator.In, _amal.Id, _basma.Id);
            byLookup.Criteria.AddCondition("taz_amountrequested", ConditionOperator.GreaterThan, 500m);
            Assert.Equal(new[] { "SR-1", "SR-2" }, Names(Run(_source, byLookup)).OrderBy(n => n));

            var byAlternateKey = new QueryByAttribute("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") };
            byAlternateKey.AddAttributeValue("taz_nationalid", "1000000002");
            _source.ScanForbidden.Add("taz_beneficiary");
            Assert.Equal("Basma", Assert.Single(Run(_source, byAlternateKey).Entities)["taz_name"]);

            // Without an indexed equality the engine has to scan, and the forbidding source notices.
            var scan = new QueryExpression("taz_supportrequest");
            scan.Criteria.AddCondition("taz_name", ConditionOperator.Equal, "SR-2");
            Assert.Throws<InvalidOperationException>(() => Run(_source, scan));
        }

        [Fact]
        public void Links_join_through_the_link_table_index()
        {
            _source.ScanForbidden.Add("taz_beneficiary");
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid").EntityAlias = "b";
            query.Criteria.AddCondition("b", "taz_name", ConditionOperator.Equal, "Amal");

            Assert.Equal(new[] { "SR-1", "SR-2" }, Names(Run(_source, query)).OrderBy(n => n));
        }

        [Fact]
        public void Query_by_attribute_is_an_and_of_equalities()
        {
            var query = new QueryByAttribute("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.AddAttributeValue("taz_channel", ChannelPhone);
            query.AddAttributeValue("taz_beneficiaryid", _amal.ToEntityReference());
            Assert.Equal(new[] { "SR-2" }, Names(Run(_source, query)));

            var mismatched = new QueryByAttribute("taz_supportrequest");
            mismatched.Attributes.Add("taz_channel");
            Assert.Equal(DataverseFaults.InvalidArgument, Fault(() => Run(_source, mismatched)).ErrorCode);
        }

        [Fact]
        public void Unknown_table_is_a_no_entity_fault()
        {
            var fault = Fault(() => Run(_source, new QueryExpression("taz_nosuchtable")));

            Assert.Equal(DataverseFaults.QueryBuilderNoEntity, fault.ErrorCode);
            Assert.Equal("The entity with a name = 'taz_nosuchtable' with namemapping = 'Logical' was not found in the MetadataCache.", fault.Message);

            var link = new QueryExpression("taz_supportrequest");
            link.AddLink("taz_nosuchtable", "taz_beneficiaryid", "taz_beneficiaryid");
            Assert.Equal(DataverseFaults.QueryBuilderNoEntity, Fault(() => Run(_source, link)).ErrorCode);
        }

        [Theory]
        [InlineData("columnset")]
        [InlineData("condition")]
        [InlineData("order")]
        [InlineData("link column")]
        [InlineData("link from")]
        public void Unknown_column_is_a_no_attribute_fault(string where)
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            var table = "taz_supportrequest";
            switch (where)
            {
                case "columnset": query.ColumnSet.AddColumn("taz_nosuchcolumn"); break;
                case "condition": query.Criteria.AddCondition("taz_nosuchcolumn", ConditionOperator.NotNull); break;
                case "order": query.AddOrder("taz_nosuchcolumn", OrderType.Ascending); break;
                case "link column":
                    query.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid").Columns = new ColumnSet("taz_nosuchcolumn");
                    table = "taz_beneficiary";
                    break;
                case "link from": query.AddLink("taz_beneficiary", "taz_nosuchcolumn", "taz_beneficiaryid"); break;
            }

            var fault = Fault(() => Run(_source, query));

            Assert.Equal(DataverseFaults.QueryBuilderNoAttribute, fault.ErrorCode);
            Assert.Equal($"'{table}' entity doesn't contain attribute with Name = 'taz_nosuchcolumn' and NameMapping = 'Logical'.", fault.Message);
        }

        [Fact]
        public void Condition_on_an_alias_the_query_does_not_have_is_a_fault()
        {
            var query = new QueryExpression("taz_supportrequest");
            query.Criteria.AddCondition("nosuchalias", "taz_name", ConditionOperator.NotNull);

            var fault = Fault(() => Run(_source, query));

            Assert.Equal(DataverseFaults.QueryBuilderNoEntity, fault.ErrorCode);
            Assert.Contains("nosuchalias", fault.Message);
        }

        [Fact]
        public void Column_comparison_compares_two_columns_of_the_row()
        {
            _r1["taz_approvedamount"] = new Money(1000m);
            _r2["taz_approvedamount"] = new Money(2000m);
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.Criteria.AddCondition("taz_approvedamount", ConditionOperator.LessThan, true, "taz_amountrequested");

            Assert.Equal(new[] { "SR-2" }, Names(Run(_source, query)));
        }

        private static string[] Names(EntityCollection result) => result.Entities.Select(e => e.GetAttributeValue<string>("taz_name")).ToArray();
    }
}
