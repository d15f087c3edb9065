using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static Taazeez.Crm.Emulator.Tests.Query.QueryTestKit;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>Every supported operator once where it matches the row and once where it does not, across the value
    /// shapes Dataverse accepts (OptionSetValue or int or text for a choice, EntityReference or Guid for a lookup,
    /// Money or decimal for currency) and the emulator clock (2026-03-15 10:00 UTC).</summary>
    public class ConditionOperatorTests
    {
        private static readonly Guid BeneficiaryId = Guid.Parse("22222222-2222-2222-2222-222222222222");
        private static readonly Guid Other = Guid.Parse("33333333-3333-3333-3333-333333333333");

        private static readonly Dictionary<string, (ConditionExpression Condition, bool Matches)> Cases = new()
        {
            ["eq text, other case"] = (C("taz_name", ConditionOperator.Equal, "sr-2026-000123"), true),
            ["eq text, trailing space"] = (C("taz_name", ConditionOperator.Equal, "SR-2026-000123 "), true),
            ["eq text false"] = (C("taz_name", ConditionOperator.Equal, "SR-2026-000124"), false),
            ["eq choice as int"] = (C("taz_channel", ConditionOperator.Equal, ChannelPhone), true),
            ["eq choice as OptionSetValue"] = (C("taz_channel", ConditionOperator.Equal, new OptionSetValue(ChannelPhone)), true),
            ["eq choice as text"] = (C("taz_channel", ConditionOperator.Equal, "826000002"), true),
            ["eq choice false"] = (C("taz_channel", ConditionOperator.Equal, ChannelInPerson), false),
            ["eq lookup as Guid"] = (C("taz_beneficiaryid", ConditionOperator.Equal, BeneficiaryId), true),
            ["eq lookup as EntityReference"] = (C("taz_beneficiaryid", ConditionOperator.Equal, new EntityReference("taz_beneficiary", BeneficiaryId)), true),
            ["eq lookup as text"] = (C("taz_beneficiaryid", ConditionOperator.Equal, BeneficiaryId.ToString("B").ToUpperInvariant()), true),
            ["eq lookup false"] = (C("taz_beneficiaryid", ConditionOperator.Equal, Other), false),
            ["eq money as decimal"] = (C("taz_amountrequested", ConditionOperator.Equal, 1500.50m), true),
            ["eq money as Money"] = (C("taz_amountrequested", ConditionOperator.Equal, new Money(1500.5m)), true),
            ["eq money false"] = (C("taz_amountrequested", ConditionOperator.Equal, 1500m), false),
            ["eq bit as bool"] = (C("taz_dataverified", ConditionOperator.Equal, true), true),
            ["eq bit as 1"] = (C("taz_dataverified", ConditionOperator.Equal, 1), true),
            ["eq bit false"] = (C("taz_dataverified", ConditionOperator.Equal, false), false),
            ["ne true"] = (C("taz_channel", ConditionOperator.NotEqual, ChannelInPerson), true),
            ["ne false"] = (C("taz_channel", ConditionOperator.NotEqual, ChannelPhone), false),
            ["ne on null is false"] = (C("taz_description", ConditionOperator.NotEqual, "x"), false),
            ["null true"] = (C("taz_description", ConditionOperator.Null), true),
            ["null false"] = (C("taz_name", ConditionOperator.Null), false),
            ["not-null true"] = (C("taz_name", ConditionOperator.NotNull), true),
            ["not-null false"] = (C("taz_description", ConditionOperator.NotNull), false),
            ["in true"] = (C("taz_channel", ConditionOperator.In, ChannelInPerson, ChannelPhone), true),
            ["in with one array value"] = (C("taz_channel", ConditionOperator.In, new object[] { new[] { ChannelSocial, ChannelPhone } }), true),
            ["in false"] = (C("taz_channel", ConditionOperator.In, ChannelInPerson, ChannelSocial), false),
            ["not-in true"] = (C("taz_channel", ConditionOperator.NotIn, ChannelInPerson, ChannelSocial), true),
            ["not-in false"] = (C("taz_channel", ConditionOperator.NotIn, ChannelPhone), false),
            ["like % true"] = (C("taz_name", ConditionOperator.Like, "sr-2026%"), true),
            ["like _ true"] = (C("taz_name", ConditionOperator.Like, "SR-____-000123"), true),
            ["like [] true"] = (C("taz_name", ConditionOperator.Like, "SR-202[0-6]-%"), true),
            ["like false"] = (C("taz_name", ConditionOperator.Like, "SR-2025%"), false),
            ["like is anchored"] = (C("taz_name", ConditionOperator.Like, "2026"), false),
            ["not-like true"] = (C("taz_name", ConditionOperator.NotLike, "SR-2025%"), true),
            ["not-like false"] = (C("taz_name", ConditionOperator.NotLike, "%123"), false),
            ["begins-with true"] = (C("taz_name", ConditionOperator.BeginsWith, "sr-2026"), true),
            ["begins-with false"] = (C("taz_name", ConditionOperator.BeginsWith, "2026"), false),
            ["not-begin-with true"] = (C("taz_name", ConditionOperator.DoesNotBeginWith, "X"), true),
            ["not-begin-with false"] = (C("taz_name", ConditionOperator.DoesNotBeginWith, "SR"), false),
            ["ends-with true"] = (C("taz_name", ConditionOperator.EndsWith, "000123"), true),
            ["ends-with false"] = (C("taz_name", ConditionOperator.EndsWith, "000124"), false),
            ["not-end-with true"] = (C("taz_name", ConditionOperator.DoesNotEndWith, "999"), true),
            ["not-end-with false"] = (C("taz_name", ConditionOperator.DoesNotEndWith, "123"), false),
            ["contains true"] = (C("taz_name", ConditionOperator.Contains, "2026-0"), true),
            ["contains false"] = (C("taz_name", ConditionOperator.Contains, "zzz"), false),
            ["does-not-contain true"] = (C("taz_name", ConditionOperator.DoesNotContain, "zzz"), true),
            ["does-not-contain false"] = (C("taz_name", ConditionOperator.DoesNotContain, "2026"), false),
            ["gt true"] = (C("taz_amountrequested", ConditionOperator.GreaterThan, 1000m), true),
            ["gt false"] = (C("taz_amountrequested", ConditionOperator.GreaterThan, 1500.5m), false),
            ["ge true"] = (C("taz_amountrequested", ConditionOperator.GreaterEqual, new Money(1500.5m)), true),
            ["ge false"] = (C("taz_amountrequested", ConditionOperator.GreaterEqual, 1500.51m), false),
            ["lt true"] = (C("taz_amountrequested", ConditionOperator.LessThan, 2000), true),
            ["lt false"] = (C("taz_amountrequested", ConditionOperator.LessThan, 1500.5m), false),
            ["le true"] = (C("taz_amountrequested", ConditionOperator.LessEqual, 1500.5m), true),
            ["le false"] = (C("taz_amountrequested", ConditionOperator.LessEqual, 1500.49m), false),
            ["gt date true"] = (C("taz_submittedon", ConditionOperator.GreaterThan, new DateTime(2026, 3, 13, 8, 59, 0, DateTimeKind.Utc)), true),
            ["gt date false"] = (C("taz_submittedon", ConditionOperator.GreaterThan, "2026-03-13T09:00:00Z"), false),
            ["between true"] = (C("taz_amountrequested", ConditionOperator.Between, 1000m, 2000m), true),
            ["between inclusive"] = (C("taz_amountrequested", ConditionOperator.Between, 1500.5m, 2000m), true),
            ["between false"] = (C("taz_amountrequested", ConditionOperator.Between, 1600m, 2000m), false),
            ["not-between true"] = (C("taz_amountrequested", ConditionOperator.NotBetween, 1600m, 2000m), true),
            ["not-between false"] = (C("taz_amountrequested", ConditionOperator.NotBetween, 1000m, 2000m), false),
            ["on true"] = (C("taz_submittedon", ConditionOperator.On, new DateTime(2026, 3, 13)), true),
            ["on false"] = (C("taz_submittedon", ConditionOperator.On, "2026-03-14"), false),
            ["on-or-after true"] = (C("taz_submittedon", ConditionOperator.OnOrAfter, "2026-03-13"), true),
            ["on-or-after false"] = (C("taz_submittedon", ConditionOperator.OnOrAfter, "2026-03-14"), false),
            ["on-or-before true"] = (C("taz_submittedon", ConditionOperator.OnOrBefore, "2026-03-13"), true),
            ["on-or-before false"] = (C("taz_submittedon", ConditionOperator.OnOrBefore, "2026-03-12"), false),
            ["today true"] = (C("createdon", ConditionOperator.Today), true),
            ["today false"] = (C("taz_submittedon", ConditionOperator.Today), false),
            ["yesterday true"] = (C("taz_verifiedon", ConditionOperator.Yesterday), true),
            ["yesterday false"] = (C("createdon", ConditionOperator.Yesterday), false),
            ["last-x-days true"] = (C("taz_submittedon", ConditionOperator.LastXDays, 3), true),
            ["last-x-days false"] = (C("taz_submittedon", ConditionOperator.LastXDays, 1), false),
            ["last-x-days excludes the future"] = (C("taz_committeedueon", ConditionOperator.LastXDays, 30), false),
            ["next-x-days true"] = (C("taz_committeedueon", ConditionOperator.NextXDays, 7), true),
            ["next-x-days false"] = (C("taz_committeedueon", ConditionOperator.NextXDays, 3), false),
            ["last-x-hours true"] = (C("createdon", ConditionOperator.LastXHours, 2), true),
            ["last-x-hours false"] = (C("taz_verifiedon", ConditionOperator.LastXHours, 2), false),
            ["olderthan-x-days true"] = (C("taz_submittedon", ConditionOperator.OlderThanXDays, 1), true),
            ["olderthan-x-days false"] = (C("taz_submittedon", ConditionOperator.OlderThanXDays, 3), false),
            ["this-month true"] = (C("taz_submittedon", ConditionOperator.ThisMonth), true),
            ["this-month false"] = (C("taz_declarationsignedon", ConditionOperator.ThisMonth), false),
            ["last-month true"] = (C("taz_declarationsignedon", ConditionOperator.LastMonth), true),
            ["last-month false"] = (C("taz_submittedon", ConditionOperator.LastMonth), false),
            ["this-year true"] = (C("taz_declarationsignedon", ConditionOperator.ThisYear), true),
            ["this-year false"] = (C("taz_registrationcompletedon", ConditionOperator.ThisYear), false),
            ["eq-userid true"] = (C("ownerid", ConditionOperator.EqualUserId), true),
            ["eq-userid false"] = (C("taz_researcherid", ConditionOperator.EqualUserId), false),
            ["ne-userid true"] = (C("taz_researcherid", ConditionOperator.NotEqualUserId), true),
            ["ne-userid false"] = (C("ownerid", ConditionOperator.NotEqualUserId), false),
        };

        public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Operator_matches_exactly_when_it_should(string name)
        {
            var (condition, matches) = Cases[name];
            var source = new InMemoryQuerySource();
            var request = source.Add(new Entity("taz_supportrequest")
            {
                ["taz_name"] = "SR-2026-000123",
                ["taz_channel"] = new OptionSetValue(ChannelPhone),
                ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", BeneficiaryId),
                ["taz_amountrequested"] = new Money(1500.50m),
                ["taz_dataverified"] = true,
                ["taz_submittedon"] = new DateTime(2026, 3, 13, 9, 0, 0, DateTimeKind.Utc),
                ["createdon"] = Now.AddHours(-1),
                ["taz_verifiedon"] = Now.AddDays(-1),
                ["taz_committeedueon"] = Now.AddDays(5),
                ["taz_declarationsignedon"] = new DateTime(2026, 2, 20, 12, 0, 0, DateTimeKind.Utc),
                ["taz_registrationcompletedon"] = new DateTime(2025, 12, 31, 23, 0, 0, DateTimeKind.Utc),
                ["ownerid"] = new EntityReference("systemuser", Caller),
                ["taz_researcherid"] = new EntityReference("systemuser", Other),
                ["taz_description"] = null,
            });
            var query = new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_name") };
            query.Criteria.AddCondition(condition);

            var result = Run(source, query);

            Assert.Equal(matches ? new[] { request.Id } : Array.Empty<Guid>(), result.Entities.Select(e => e.Id));
        }

        [Fact]
        public void Eq_userid_follows_the_caller()
        {
            var source = new InMemoryQuerySource();
            source.Add(new Entity("taz_supportrequest") { ["ownerid"] = new EntityReference("systemuser", Caller) });
            var query = new QueryExpression("taz_supportrequest");
            query.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserId);

            Assert.Single(Run(source, query, Caller).Entities);
            Assert.Empty(Run(source, query, Other).Entities);
        }

        [Fact]
        public void A_value_that_cannot_be_the_column_type_is_rejected()
        {
            var source = new InMemoryQuerySource();
            var query = new QueryExpression("taz_supportrequest");
            query.Criteria.AddCondition("taz_channel", ConditionOperator.Equal, "phone");

            var fault = Fault(() => Run(source, query));

            Assert.Equal(Faults.DataverseFaults.InvalidArgument, fault.ErrorCode);
            Assert.Contains("taz_supportrequest.taz_channel", fault.Message);
        }

        [Fact]
        public void An_operator_the_emulator_cannot_answer_fails_instead_of_guessing()
        {
            var source = new InMemoryQuerySource();
            var query = new QueryExpression("taz_supportrequest");
            query.Criteria.AddCondition("taz_submittedon", ConditionOperator.ThisFiscalYear);

            var fault = Fault(() => Run(source, query));

            Assert.Contains("ThisFiscalYear", fault.Message);
        }

        private static ConditionExpression C(string column, ConditionOperator op, params object[] values) => new(column, op, values);
    }
}
