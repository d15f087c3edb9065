using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using static Taazeez.Crm.Emulator.Tests.Query.QueryTestKit;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>FetchXML: the same engine behind a parser, aggregates with group-by, and InvalidFetch faults for
    /// malformed queries.</summary>
    public class FetchXmlTests
    {
        private readonly InMemoryQuerySource _source = new();
        private readonly Entity _amal;
        private readonly Entity _basma;

        public FetchXmlTests()
        {
            _amal = Beneficiary(_source, "Amal", Jazan, "1000000001");
            _basma = Beneficiary(_source, "Basma", Sabya, "1000000002");
            Request(_source, "SR-1", _amal, ChannelInPerson, 1000m, new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc));
            Request(_source, "SR-2", _amal, ChannelPhone, 2500.25m, new DateTime(2026, 2, 11, 0, 0, 0, DateTimeKind.Utc));
            Request(_source, "SR-3", _basma, ChannelPhone, 400m, new DateTime(2026, 2, 12, 0, 0, 0, DateTimeKind.Utc));
            Request(_source, "SR-4", null, ChannelPhone, 100m, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        [Fact]
        public void Filters_links_and_orders_from_fetchxml()
        {
            var result = Fetch(_source, """
                <fetch version="1.0" mapping="logical" no-lock="true">
                  <entity name="taz_supportrequest">
                    <attribute name="taz_name" />
                    <order attribute="taz_amountrequested" descending="true" />
                    <filter type="or">
                      <condition attribute="taz_channel" operator="eq" value="826000001" />
                      <filter type="and">
                        <condition attribute="taz_amountrequested" operator="ge" value="400" />
                        <condition attribute="taz_name" operator="like" value="sr-%" />
                      </filter>
                    </filter>
                    <link-entity name="taz_beneficiary" from="taz_beneficiaryid" to="taz_beneficiaryid" link-type="outer" alias="b">
                      <attribute name="taz_name" />
                    </link-entity>
                  </entity>
                </fetch>
                """);

            Assert.Equal(new[] { "SR-2", "SR-1", "SR-3" }, result.Entities.Select(e => (string)e["taz_name"]));
            Assert.Equal("Amal", result.Entities[0].GetAttributeValue<AliasedValue>("b.taz_name").Value);
        }

        [Fact]
        public void In_values_link_filters_and_conditions_naming_a_link_alias()
        {
            var result = Fetch(_source, """
                <fetch>
                  <entity name="taz_supportrequest">
                    <attribute name="taz_name" />
                    <filter>
                      <condition attribute="taz_channel" operator="in"><value>826000002</value><value>826000003</value></condition>
                      <condition entityname="b" attribute="taz_governorate" operator="eq" value="826000001" />
                    </filter>
                    <link-entity name="taz_beneficiary" from="taz_beneficiaryid" to="taz_beneficiaryid" alias="b" />
                  </entity>
                </fetch>
                """);

            Assert.Equal(new[] { "SR-2" }, result.Entities.Select(e => (string)e["taz_name"]));
            Assert.DoesNotContain(result.Entities[0].Attributes.Keys, k => k.StartsWith("b."));
        }

        [Fact]
        public void A_fetch_without_attributes_returns_all_columns_and_top_limits()
        {
            var result = Fetch(_source, "<fetch top='1'><entity name='taz_supportrequest'><order attribute='taz_name' descending='true'/></entity></fetch>");

            var row = Assert.Single(result.Entities);
            Assert.Equal("SR-4", row["taz_name"]);
            Assert.Equal(new Money(100m), row["taz_amountrequested"]);
        }

        [Fact]
        public void Count_per_channel_groups_by_the_option_set_value()
        {
            var result = Fetch(_source, """
                <fetch aggregate="true">
                  <entity name="taz_supportrequest">
                    <attribute name="taz_channel" alias="channel" groupby="true" />
                    <attribute name="taz_supportrequestid" alias="requests" aggregate="count" />
                    <order alias="requests" descending="true" />
                  </entity>
                </fetch>
                """);

            Assert.Equal(2, result.Entities.Count);
            var phone = result.Entities[0];
            Assert.Equal(new OptionSetValue(ChannelPhone), phone.GetAttributeValue<AliasedValue>("channel").Value);
            Assert.Equal(3, phone.GetAttributeValue<AliasedValue>("requests").Value);
            Assert.Equal("taz_channel", phone.GetAttributeValue<AliasedValue>("channel").AttributeLogicalName);
            Assert.Equal(1, result.Entities[1].GetAttributeValue<AliasedValue>("requests").Value);
            Assert.Equal(Guid.Empty, phone.Id);
        }

        [Fact]
        public void Sum_of_money_is_money_and_avg_min_max_countcolumn_and_distinct_count_work()
        {
            var result = Fetch(_source, """
                <fetch aggregate="true">
                  <entity name="taz_supportrequest">
                    <attribute name="taz_amountrequested" alias="total" aggregate="sum" />
                    <attribute name="taz_amountrequested" alias="average" aggregate="avg" />
                    <attribute name="taz_amountrequested" alias="smallest" aggregate="min" />
                    <attribute name="taz_submittedon" alias="latest" aggregate="max" />
                    <attribute name="taz_beneficiaryid" alias="withbeneficiary" aggregate="countcolumn" />
                    <attribute name="taz_beneficiaryid" alias="beneficiaries" aggregate="countcolumn" distinct="true" />
                    <filter><condition attribute="taz_amountrequested" operator="gt" value="50" /></filter>
                  </entity>
                </fetch>
                """);

            var row = Assert.Single(result.Entities);
            Assert.Equal(new Money(4000.25m), row.GetAttributeValue<AliasedValue>("total").Value);
            Assert.Equal(new Money(1000.0625m), row.GetAttributeValue<AliasedValue>("average").Value);
            Assert.Equal(new Money(100m), row.GetAttributeValue<AliasedValue>("smallest").Value);
            Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), row.GetAttributeValue<AliasedValue>("latest").Value);
            Assert.Equal(3, row.GetAttributeValue<AliasedValue>("withbeneficiary").Value);
            Assert.Equal(2, row.GetAttributeValue<AliasedValue>("beneficiaries").Value);
        }

        [Fact]
        public void Average_score_per_branch_and_per_month_like_the_survey_charts()
        {
            var north = new EntityReference("taz_branchoffice", Guid.NewGuid());
            var south = new EntityReference("taz_branchoffice", Guid.NewGuid());
            void Survey(EntityReference branch, int? score, int month) => _source.Add(new Entity("taz_satisfactionsurvey")
            {
                ["taz_branchofficeid"] = branch,
                ["taz_overallscore"] = score,
                ["taz_respondedon"] = new DateTime(2026, month, 3, 0, 0, 0, DateTimeKind.Utc),
            });
            Survey(north, 4, 1);
            Survey(north, 5, 2);
            Survey(north, null, 2);
            Survey(south, 2, 2);

            var byBranch = Fetch(_source, """
                <fetch aggregate="true"><entity name="taz_satisfactionsurvey">
                  <attribute name="taz_branchofficeid" alias="branch" groupby="true" />
                  <attribute name="taz_overallscore" alias="score" aggregate="avg" />
                  <filter><condition attribute="taz_overallscore" operator="not-null" /></filter>
                </entity></fetch>
                """);
            var scores = byBranch.Entities.ToDictionary(
                e => ((EntityReference)e.GetAttributeValue<AliasedValue>("branch").Value).Id,
                e => e.GetAttributeValue<AliasedValue>("score").Value);
            Assert.Equal(4.5m, scores[north.Id]);
            Assert.Equal(2m, scores[south.Id]);

            var byMonth = Fetch(_source, """
                <fetch aggregate="true"><entity name="taz_satisfactionsurvey">
                  <attribute name="taz_respondedon" alias="month" groupby="true" dategrouping="month" />
                  <attribute name="taz_overallscore" alias="score" aggregate="avg" />
                  <attribute name="taz_satisfactionsurveyid" alias="surveys" aggregate="count" />
                </entity></fetch>
                """);
            Assert.Equal(new object[] { 1, 2 }, byMonth.Entities.Select(e => e.GetAttributeValue<AliasedValue>("month").Value));
            Assert.Equal(new object[] { 4m, 3.5m }, byMonth.Entities.Select(e => e.GetAttributeValue<AliasedValue>("score").Value));
            Assert.Equal(new object[] { 1, 3 }, byMonth.Entities.Select(e => e.GetAttributeValue<AliasedValue>("surveys").Value));
        }

        [Fact]
        public void Group_by_a_linked_column_through_an_inner_link()
        {
            var result = Fetch(_source, """
                <fetch aggregate="true"><entity name="taz_supportrequest">
                  <attribute name="taz_supportrequestid" alias="requests" aggregate="count" />
                  <link-entity name="taz_beneficiary" from="taz_beneficiaryid" to="taz_beneficiaryid" link-type="inner" alias="b">
                    <attribute name="taz_governorate" alias="governorate" groupby="true" />
                  </link-entity>
                  <order alias="governorate" />
                </entity></fetch>
                """);

            Assert.Equal(new object[] { new OptionSetValue(Jazan), new OptionSetValue(Sabya) },
                result.Entities.Select(e => e.GetAttributeValue<AliasedValue>("governorate").Value));
            Assert.Equal(new object[] { 2, 1 }, result.Entities.Select(e => e.GetAttributeValue<AliasedValue>("requests").Value));
            Assert.Equal("taz_beneficiary", result.Entities[0].GetAttributeValue<AliasedValue>("governorate").EntityLogicalName);
        }

        [Fact]
        public void Aggregate_over_no_rows_without_groupby_is_one_row_of_zero()
        {
            var result = Fetch(_source, """
                <fetch aggregate="true"><entity name="taz_supportrequest">
                  <attribute name="taz_supportrequestid" alias="requests" aggregate="count" />
                  <attribute name="taz_amountrequested" alias="total" aggregate="sum" />
                  <filter><condition attribute="taz_name" operator="eq" value="none" /></filter>
                </entity></fetch>
                """);

            var row = Assert.Single(result.Entities);
            Assert.Equal(0, row.GetAttributeValue<AliasedValue>("requests").Value);
            Assert.Null(row.GetAttributeValue<AliasedValue>("total").Value);
        }

        [Theory]
        [InlineData("not xml at all", "not well-formed XML")]
        [InlineData("<fetch><entity name='taz_supportrequest'>", "not well-formed XML")]
        [InlineData("", "empty")]
        [InlineData("<query/>", "root element must be <fetch>")]
        [InlineData("<fetch></fetch>", "exactly one <entity>")]
        [InlineData("<fetch><entity /></fetch>", "missing its 'name'")]
        [InlineData("<fetch><entity name='taz_supportrequest'><condition attribute='taz_name' operator='eq' value='x'/></entity></fetch>", "unexpected element <condition>")]
        [InlineData("<fetch><entity name='taz_supportrequest'><filter><condition attribute='taz_name' operator='equals' value='x'/></filter></entity></fetch>", "'equals' is not a valid condition operator")]
        [InlineData("<fetch><entity name='taz_supportrequest'><filter type='xor'/></entity></fetch>", "'xor' is not a filter type")]
        [InlineData("<fetch top='ten'><entity name='taz_supportrequest'/></fetch>", "'ten' is not a valid value for top")]
        [InlineData("<fetch top='5' count='5'><entity name='taz_supportrequest'/></fetch>", "'top' attribute cannot be used with the paging")]
        [InlineData("<fetch><entity name='taz_supportrequest'><link-entity name='taz_beneficiary' to='taz_beneficiaryid'/></entity></fetch>", "missing its 'from'")]
        [InlineData("<fetch><entity name='taz_supportrequest'><link-entity name='taz_beneficiary' from='taz_beneficiaryid' to='taz_beneficiaryid' link-type='sideways'/></entity></fetch>", "'sideways' is not a link-type")]
        [InlineData("<fetch><entity name='taz_supportrequest'><attribute name='taz_name' aggregate='count' alias='n'/></entity></fetch>", "aggregate=\"true\"")]
        [InlineData("<fetch aggregate='true'><entity name='taz_supportrequest'><attribute name='taz_name' aggregate='count'/></entity></fetch>", "needs an alias")]
        [InlineData("<fetch aggregate='true'><entity name='taz_supportrequest'><attribute name='taz_name' alias='n' aggregate='median'/></entity></fetch>", "'median' is not an aggregate function")]
        [InlineData("<fetch aggregate='true'><entity name='taz_supportrequest'><attribute name='taz_name' alias='n' aggregate='sum'/></entity></fetch>", "sum is not supported for 'taz_supportrequest.taz_name'")]
        [InlineData("<fetch aggregate='true'><entity name='taz_supportrequest'><attribute name='taz_name' alias='n' aggregate='count'/><order attribute='taz_name'/></entity></fetch>", "must name an attribute alias")]
        [InlineData("<fetch aggregate='true'><entity name='taz_supportrequest'><attribute name='taz_name' alias='n' aggregate='count'/><order alias='m'/></entity></fetch>", "order alias 'm'")]
        public void Malformed_fetchxml_is_an_invalid_fetch_fault(string fetchXml, string reason)
        {
            var fault = Fault(() => Fetch(_source, fetchXml));

            Assert.Equal(DataverseFaults.InvalidFetchXml, fault.ErrorCode);
            Assert.StartsWith("Invalid FetchXml: ", fault.Message);
            Assert.Contains(reason, fault.Message);
        }

        [Fact]
        public void Unknown_names_in_fetchxml_fault_like_query_expression()
        {
            Assert.Equal(DataverseFaults.QueryBuilderNoEntity,
                Fault(() => Fetch(_source, "<fetch><entity name='taz_nosuchtable'/></fetch>")).ErrorCode);
            Assert.Equal(DataverseFaults.QueryBuilderNoAttribute,
                Fault(() => Fetch(_source, "<fetch aggregate='true'><entity name='taz_supportrequest'><attribute name='taz_nosuch' alias='n' groupby='true'/></entity></fetch>")).ErrorCode);
        }
    }
}
