using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;
using static Taazeez.Crm.Emulator.Tests.Query.QueryTestKit;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>The semi-join link types (exists/in/any/not any), first-row matching, column comparison with
    /// valueof, and conditions naming an unaliased link by its table.</summary>
    public class LinkTypeTests
    {
        private readonly InMemoryQuerySource _source = new();

        public LinkTypeTests()
        {
            var amal = Beneficiary(_source, "Amal", Jazan, "1000000001");
            var basma = Beneficiary(_source, "Basma", Sabya, "1000000002");
            Beneficiary(_source, "Chadia", Jazan, "1000000003");
            Request(_source, "SR-1", amal, ChannelInPerson, 1000m, Now.AddDays(-3));
            Request(_source, "SR-2", amal, ChannelPhone, 2500m, Now.AddDays(-2));
            Request(_source, "SR-3", basma, ChannelPhone, 400m, Now.AddDays(-1));
        }

        [Theory]
        [InlineData("exists", "Amal,Basma")]
        [InlineData("in", "Amal,Basma")]
        [InlineData("any", "Amal,Basma")]
        [InlineData("not any", "Chadia")]
        [InlineData("inner", "Amal,Amal,Basma")]
        [InlineData("outer", "Amal,Amal,Basma,Chadia")]
        [InlineData("matchfirstrowusingcrossapply", "Amal,Basma")]
        public void Link_type_decides_which_parents_come_back_and_how_often(string linkType, string expected)
        {
            var result = Fetch(_source, $"""
                <fetch><entity name="taz_beneficiary">
                  <attribute name="taz_name" />
                  <order attribute="taz_name" />
                  <link-entity name="taz_supportrequest" from="taz_beneficiaryid" to="taz_beneficiaryid" link-type="{linkType}" />
                </entity></fetch>
                """);

            Assert.Equal(expected, string.Join(",", result.Entities.Select(e => (string)e["taz_name"])));
        }

        [Fact]
        public void Semi_join_link_criteria_filter_the_children_that_count()
        {
            var result = Fetch(_source, """
                <fetch><entity name="taz_beneficiary">
                  <attribute name="taz_name" />
                  <link-entity name="taz_supportrequest" from="taz_beneficiaryid" to="taz_beneficiaryid" link-type="any">
                    <filter><condition attribute="taz_amountrequested" operator="gt" value="2000" /></filter>
                  </link-entity>
                </entity></fetch>
                """);

            Assert.Equal(new[] { "Amal" }, result.Entities.Select(e => (string)e["taz_name"]));
        }

        [Fact]
        public void Valueof_compares_with_another_column_of_the_same_row()
        {
            foreach (var request in _source.Stored("taz_supportrequest"))
                request["taz_approvedamount"] = new Money(1000m);
            var result = Fetch(_source, """
                <fetch><entity name="taz_supportrequest">
                  <attribute name="taz_name" />
                  <filter><condition attribute="taz_amountrequested" operator="gt" valueof="taz_approvedamount" /></filter>
                  <order attribute="taz_name" />
                </entity></fetch>
                """);

            Assert.Equal(new[] { "SR-2" }, result.Entities.Select(e => (string)e["taz_name"]));
        }

        [Fact]
        public void A_condition_may_name_an_unaliased_link_by_its_table()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid");
            query.Criteria.AddCondition("taz_beneficiary", "taz_governorate", ConditionOperator.Equal, Sabya);

            Assert.Equal(new[] { "SR-3" }, Run(_source, query).Entities.Select(e => (string)e["taz_name"]));
        }

        [Fact]
        public void All_and_not_all_links_are_refused_rather_than_answered_wrongly()
        {
            var query = new QueryExpression("taz_beneficiary");
            query.AddLink("taz_supportrequest", "taz_beneficiaryid", "taz_beneficiaryid", JoinOperator.All);

            var fault = Fault(() => Run(_source, query));

            Assert.Equal(DataverseFaults.InvalidArgument, fault.ErrorCode);
            Assert.Contains("emulator does not support", fault.Message);
        }
    }
}
