using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    public class BeneficiaryValidationTests
    {
        // Luhn worked by hand: 1 0 0 0 0 0 0 0 0 → doubled odd positions give 2, check digit 8; iqama 2… → 4, check digit 6.
        private const string ValidNationalId = "1000000008";
        private const string ValidIqama = "2000000006";
        private const string AlsoValid = "1010101010";

        private static readonly BeneficiaryValidation Plugin = new BeneficiaryValidation(null, null);

        private static Entity Beneficiary(params (string Column, object? Value)[] values)
        {
            var row = new Entity("taz_beneficiary", Guid.NewGuid()) { ["taz_name"] = "فاطمة أحمد" };
            foreach (var (column, value) in values) row[column] = value;
            return row;
        }

        private static (PipelineContext Context, InMemoryService Service) Run(string message, Entity target, Entity? before = null, InMemoryService? service = null)
        {
            service ??= new InMemoryService();
            var context = new PipelineContext(message, target) { Service = service };
            if (before != null) context.WithPreImage("PreImage", before);
            Plugin.Execute(context);
            return (context, service);
        }

        private static Exception Rejected(string message, Entity target, Entity? before = null, InMemoryService? service = null) =>
            Record.Exception(() => Run(message, target, before, service))!;

        [Theory]
        [InlineData(ValidNationalId, 826000001)]
        [InlineData(ValidIqama, 826000002)]
        [InlineData(AlsoValid, null)]
        [PolicyClause("S2")]
        public void Valid_national_id_or_iqama_is_accepted_after_one_bounded_duplicate_query(string number, int? idType)
        {
            var target = Beneficiary(("taz_nationalid", number), ("taz_mobile", "+966512345678"), ("taz_householdsize", 4), ("taz_monthlyincome", new Money(0m)));
            if (idType.HasValue) target["taz_idtype"] = new OptionSetValue(idType.Value);
            var (context, service) = Run("Create", target);
            var query = Assert.Single(service.Queries);
            Assert.Equal("taz_beneficiary", query.EntityName);
            Assert.Equal(1, query.TopCount);
            Assert.Contains(context.Trace, line => line.Contains("S2: national ID is valid"));
        }

        [Theory]
        [InlineData("123456789")]
        [InlineData("12345678901")]
        [InlineData("3000000004")]
        [InlineData("10000000a8")]
        [InlineData("١٠٠٠٠٠٠٠٠٨")]
        [PolicyClause("S2")]
        public void Malformed_national_id_is_rejected_naming_the_format(string number)
        {
            var error = Rejected("Create", Beneficiary(("taz_nationalid", number)));
            PolicyText.AssertMessage(error, "S2.NationalIdFormat");
        }

        [Theory]
        [InlineData("1000000009")]
        [InlineData("2000000000")]
        [InlineData("1010101011")]
        [PolicyClause("S2")]
        public void Wrong_check_digit_is_rejected(string number)
        {
            PolicyText.AssertMessage(Rejected("Create", Beneficiary(("taz_nationalid", number))), "S2.NationalIdCheckDigit");
        }

        [Fact]
        [PolicyClause("S2")]
        public void Id_type_must_agree_with_the_first_digit_also_when_only_the_type_changes()
        {
            PolicyText.AssertMessage(Rejected("Create", Beneficiary(("taz_nationalid", ValidIqama), ("taz_idtype", new OptionSetValue(826000001)))), "S2.IdTypeMismatch");
            var before = Beneficiary(("taz_nationalid", ValidNationalId), ("taz_idtype", new OptionSetValue(826000001)));
            var change = new Entity("taz_beneficiary", before.Id) { ["taz_idtype"] = new OptionSetValue(826000002) };
            PolicyText.AssertMessage(Rejected("Update", change, before), "S2.IdTypeMismatch");
        }

        [Theory]
        [InlineData("+966512345678", true)]
        [InlineData("+966599999999", true)]
        [InlineData("0512345678", false)]
        [InlineData("+96651234567", false)]
        [InlineData("+966412345678", false)]
        [InlineData("+9665123456789", false)]
        [InlineData("+96651234567x", false)]
        [PolicyClause("S2")]
        public void Mobile_must_be_plus_9665_and_eight_digits(string mobile, bool valid)
        {
            var target = Beneficiary(("taz_mobile", mobile));
            if (valid) Run("Create", target);
            else PolicyText.AssertMessage(Rejected("Create", target), "S2.MobileFormat");
        }

        [Fact]
        [PolicyClause("S2")]
        public void Household_of_at_least_one_and_non_negative_income()
        {
            Run("Create", Beneficiary(("taz_householdsize", 1), ("taz_monthlyincome", new Money(2500m))));
            PolicyText.AssertMessage(Rejected("Create", Beneficiary(("taz_householdsize", 0))), "S2.HouseholdSize");
            PolicyText.AssertMessage(Rejected("Create", Beneficiary(("taz_monthlyincome", new Money(-1m)))), "S2.IncomeNegative");
        }

        [Fact]
        [PolicyClause("S2")]
        public void Second_file_with_the_same_national_id_is_rejected_pointing_to_the_existing_file()
        {
            var existing = new Entity("taz_beneficiary", Guid.NewGuid()) { ["taz_name"] = "محمد علي", ["taz_nationalid"] = ValidNationalId };
            var service = new InMemoryService().Add(existing);
            var error = Rejected("Create", Beneficiary(("taz_nationalid", ValidNationalId)), service: service);
            PolicyText.AssertMessage(error, "S2.DuplicateBeneficiary", $"محمد علي ({existing.Id:D})");
            Assert.Equal(1, service.Calls);
        }

        [Fact]
        [PolicyClause("S2")]
        public void Update_of_the_same_file_is_not_its_own_duplicate_and_an_unchanged_id_costs_no_query()
        {
            var before = Beneficiary(("taz_nationalid", ValidNationalId));
            var service = new InMemoryService().Add(before);
            var sameId = new Entity("taz_beneficiary", before.Id) { ["taz_nationalid"] = ValidNationalId, ["taz_mobile"] = "+966512345678" };
            Run("Update", sameId, before, service);
            Assert.Equal(0, service.Calls);

            var renumbered = new Entity("taz_beneficiary", before.Id) { ["taz_nationalid"] = AlsoValid };
            Run("Update", renumbered, before, service);
            Assert.Equal(1, service.Calls);
        }

        [Fact]
        [PolicyClause("S2")]
        public void Wrongly_typed_value_is_a_bilingual_rejection_not_a_crash()
        {
            PolicyText.AssertMessage(Rejected("Create", Beneficiary(("taz_householdsize", "four"))), "S2.InvalidValue", "taz_householdsize");
        }
    }
}
