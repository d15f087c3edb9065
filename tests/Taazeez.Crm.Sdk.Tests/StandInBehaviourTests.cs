using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>The stand-in behaves as Microsoft documents the SDK: what plugins and the emulator rely on.</summary>
    public class StandInBehaviourTests
    {
        [Fact]
        public void Indexer_throws_on_a_missing_attribute_while_GetAttributeValue_returns_default()
        {
            var row = new Entity("taz_beneficiary");
            Assert.Throws<KeyNotFoundException>(() => row["taz_name"]);
            Assert.Null(row.GetAttributeValue<string>("taz_name"));
            Assert.Equal(0, row.GetAttributeValue<int>("taz_householdsize"));
            Assert.Null(row.GetAttributeValue<int?>("taz_householdsize"));
            Assert.False(row.Contains("taz_name"));
        }

        [Fact]
        public void A_null_value_is_contained_but_reads_as_default()
        {
            var row = new Entity("taz_beneficiary") { ["taz_name"] = null };
            Assert.True(row.Contains("taz_name"));
            Assert.Null(row["taz_name"]);
            Assert.Null(row.GetAttributeValue<string>("taz_name"));
        }

        [Fact]
        public void GetAttributeValue_of_the_wrong_type_throws()
        {
            var row = new Entity("taz_beneficiary") { ["taz_name"] = "سارة" };
            Assert.Throws<InvalidCastException>(() => row.GetAttributeValue<int>("taz_name"));
        }

        [Fact]
        public void TryGetAttributeValue_reports_presence_and_type()
        {
            var row = new Entity("taz_supportrequest") { ["taz_amountrequested"] = new Money(1500m) };
            Assert.True(row.TryGetAttributeValue("taz_amountrequested", out Money amount));
            Assert.Equal(1500m, amount.Value);
            Assert.False(row.TryGetAttributeValue("taz_amountrequested", out string _));
            Assert.False(row.TryGetAttributeValue("taz_description", out string _));
        }

        [Fact]
        public void Money_OptionSetValue_and_EntityReference_compare_by_value()
        {
            Assert.Equal(new Money(10m), new Money(10m));
            Assert.NotEqual(new Money(10m), new Money(11m));
            Assert.Equal(new OptionSetValue(826000001), new OptionSetValue(826000001));
            Assert.NotEqual(new OptionSetValue(826000001), new OptionSetValue(826000002));
            var id = Guid.NewGuid();
            Assert.Equal(new EntityReference("contact", id), new EntityReference("contact", id) { Name = "other name" });
            Assert.NotEqual(new EntityReference("contact", id), new EntityReference("account", id));
            Assert.Equal(new EntityReference("contact", id).GetHashCode(), new EntityReference("contact", id).GetHashCode());
        }

        [Fact]
        public void ToEntity_copies_into_an_early_bound_subclass_and_rejects_another_table()
        {
            var id = Guid.NewGuid();
            var row = new Entity("taz_beneficiary", id) { ["taz_name"] = "سارة", RowVersion = "7" };
            var typed = row.ToEntity<Beneficiary>();
            Assert.Equal(id, typed.Id);
            Assert.Equal("سارة", typed.Name);
            Assert.Equal("7", typed.RowVersion);
            Assert.Throws<NotSupportedException>(() => new Entity("contact").ToEntity<Beneficiary>());
        }

        [Fact]
        public void ToEntityReference_carries_name_id_and_keys()
        {
            var row = new Entity("taz_beneficiary", "taz_nationalid", "1000000008");
            var reference = row.ToEntityReference();
            Assert.Equal("taz_beneficiary", reference.LogicalName);
            Assert.Equal("1000000008", reference.KeyAttributes["taz_nationalid"]);
            Assert.Throws<NotSupportedException>(() => new Entity().ToEntityReference());
        }

        [Fact]
        public void Collections_add_replace_and_refuse_duplicates_like_a_dictionary()
        {
            var parameters = new ParameterCollection { { "Target", "a" } };
            parameters["Target"] = "b";
            Assert.Equal("b", parameters["Target"]);
            Assert.Throws<ArgumentException>(() => parameters.Add("Target", "c"));
            parameters.AddOrUpdateIfNotNull("Skipped", null);
            Assert.False(parameters.Contains("Skipped"));
            Assert.True(parameters.TryGetValue("Target", out string target));
            Assert.Equal("b", target);
            Assert.False(parameters.TryGetValue("Target", out Entity _));
        }


        [Fact]
        public void A_keyed_collection_keeps_insertion_order_through_growth_replacement_and_removal()
        {
            var row = new Entity("taz_supportrequest");
            var names = Enumerable.Range(0, 40).Select(i => "taz_column" + i).ToList();
            foreach (var name in names) row[name] = name.Length;
            row["taz_column3"] = "replaced";
            Assert.True(row.Attributes.Remove("taz_column0"));
            Assert.False(row.Attributes.Remove("taz_column0"));
            Assert.Equal(names.Skip(1), row.Attributes.Keys);
            Assert.Equal(39, row.Attributes.Count);
            Assert.Equal("replaced", row["taz_column3"]);
            Assert.Equal(names.Skip(1).Select(n => n == "taz_column3" ? "replaced" : (object)n.Length), row.Attributes.Values);
            Assert.Throws<KeyNotFoundException>(() => row["taz_column0"]);
            Assert.Throws<ArgumentNullException>(() => row.Attributes[null!] = 1);

            var copy = new AttributeCollection();
            copy.AddRange(row.Attributes);
            Assert.Equal(row.Attributes.ToList(), copy.ToList());
            Assert.Throws<ArgumentException>(() => copy.AddRange(row.Attributes.Take(1)));
            copy.Clear();
            Assert.Empty(copy);
            Assert.False(copy.Contains("taz_column3"));
        }

        [Fact]
        public void Keys_and_values_are_live_read_only_views_and_changing_the_collection_stops_an_enumeration()
        {
            // string to string: Values must not read the keys
            var formatted = new FormattedValueCollection { { "statuscode", "مقدم" } };
            var keys = formatted.Keys;
            var values = formatted.Values;
            formatted["statecode"] = "نشط";
            Assert.Equal(new[] { "statuscode", "statecode" }, keys);
            Assert.Equal(new[] { "مقدم", "نشط" }, values);
            Assert.True(keys.IsReadOnly);
            Assert.Throws<NotSupportedException>(() => keys.Add("x"));
            Assert.Throws<InvalidOperationException>(() =>
            {
                foreach (var pair in formatted) formatted["added " + pair.Key] = pair.Value;
            });
            Assert.True(formatted.Contains(new KeyValuePair<string, string>("statuscode", "مقدم")));
            Assert.False(formatted.Remove(new KeyValuePair<string, string>("statuscode", "other")));
            Assert.True(formatted.Remove(new KeyValuePair<string, string>("statuscode", "مقدم")));
            Assert.Equal(new[] { "statecode", "added statuscode" }, formatted.Keys); // the one added before the enumeration stopped
        }
        [Fact]
        public void Typed_requests_keep_their_values_under_the_documented_parameter_names()
        {
            var target = new Entity("taz_feedback");
            var create = new CreateRequest { Target = target };
            Assert.Equal("Create", create.RequestName);
            Assert.Same(target, create.Parameters["Target"]);

            var update = new UpdateRequest { Target = target, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
            Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches, update["ConcurrencyBehavior"]);

            var setState = new SetStateRequest { EntityMoniker = target.ToEntityReference(), State = new OptionSetValue(1), Status = new OptionSetValue(2) };
            Assert.Equal("SetState", setState.RequestName);
            Assert.Equal(new OptionSetValue(2), setState.Parameters["Status"]);

            var response = new CreateResponse();
            var id = Guid.NewGuid();
            response.Results["id"] = id;
            Assert.Equal(id, response.id);

            var whoAmI = new WhoAmIResponse();
            Assert.Equal(Guid.Empty, whoAmI.UserId);
        }

        [Fact]
        public void Query_helpers_build_the_expected_tree()
        {
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name"), TopCount = 5 };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            var link = query.AddLink("taz_beneficiary", "taz_beneficiaryid", "taz_beneficiaryid", JoinOperator.LeftOuter);
            link.EntityAlias = "b";
            query.AddOrder("createdon", OrderType.Descending);
            Assert.Equal("taz_supportrequest", link.LinkFromEntityName);
            Assert.Equal(new object[] { 0 }, query.Criteria.Conditions.Single().Values.ToArray());
            Assert.Equal(OrderType.Descending, query.Orders.Single().OrderType);
            Assert.False(new ColumnSet().AllColumns);
            Assert.True(new ColumnSet(true).AllColumns);
        }

        [Fact]
        public void InvalidPluginExecutionException_keeps_status_code_and_http_status()
        {
            var failed = new InvalidPluginExecutionException("رسالة | message");
            Assert.Equal(OperationStatus.Failed, failed.Status);
            Assert.Equal("رسالة | message", failed.Message);

            var retry = new InvalidPluginExecutionException(OperationStatus.Retry, 42, "again");
            Assert.Equal(OperationStatus.Retry, retry.Status);
            Assert.Equal(42, retry.ErrorCode);

            var http = new InvalidPluginExecutionException("not found", PluginHttpStatusCode.NotFound,
                new Dictionary<string, string> { ["field"] = "taz_nationalid" });
            Assert.Equal(PluginHttpStatusCode.NotFound, http.HttpStatus);
            Assert.Equal("taz_nationalid", http.ExceptionDetails["field"]);
        }

        private sealed class Beneficiary : Entity
        {
            public Beneficiary() : base("taz_beneficiary") { }

            public string Name => GetAttributeValue<string>("taz_name");
        }
    }
}
