using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>The beneficiary file rules through the emulator's registered BeneficiaryValidation steps.</summary>
    public class BeneficiaryValidationTests
    {
        // Luhn worked by hand: 1 0 0 0 0 0 0 0 0 → doubled odd positions give 2, check digit 8; iqama 2… → 4, check digit 6.
        private const string ValidNationalId = "1000000008";
        private const string ValidIqama = "2000000006";
        private const string AlsoValid = "1010101010";

        private readonly Org _org = new Org();

        private static Entity Beneficiary(params (string Column, object? Value)[] values)
        {
            var row = new Entity("taz_beneficiary") { ["taz_name"] = "فاطمة أحمد" };
            foreach (var (column, value) in values) row[column] = value;
            return row;
        }

        private Guid Create(params (string Column, object? Value)[] values) => _org.Staff.Create(Beneficiary(values));

        private void RefusedCreate(string key, params (string Column, object? Value)[] values)
        {
            _org.Refused(() => Create(values), key);
            Assert.Equal(0, _org.Emulator.Count("taz_beneficiary"));
        }

        [Theory]
        [InlineData(ValidNationalId, 826000001)]
        [InlineData(ValidIqama, 826000002)]
        [InlineData(AlsoValid, null)]
        [PolicyClause("S2")]
        public void Valid_national_id_or_iqama_is_accepted_after_one_bounded_duplicate_query(string number, int? idType)
        {
            var target = Beneficiary(("taz_nationalid", number), ("taz_mobile", "+966512345678"), ("taz_householdsize", 4), ("taz_monthlyincome", new Money(0m)));
            if (idType.HasValue) target["taz_idtype"] = new OptionSetValue(idType.Value);
            var id = _org.Staff.Create(target);
            Assert.Equal(new[] { "RetrieveMultiple" }, _org.LastPluginCallMessages);
            Assert.Equal(number, _org.AsSystem.Retrieve("taz_beneficiary", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("taz_nationalid")).GetAttributeValue<string>("taz_nationalid"));
            Assert.Contains(_org.Emulator.Traces, t => t.TraceText.Contains("S2: national ID is valid"));
        }

        [Theory]
        [InlineData("123456789")]
        [InlineData("12345678901")]
        [InlineData("3000000004")]
        [InlineData("10000000a8")]
        [InlineData("١٠٠٠٠٠٠٠٠٨")]
        [PolicyClause("S2")]
        public void Malformed_national_id_is_rejected_naming_the_format(string number) =>
            RefusedCreate("S2.NationalIdFormat", ("taz_nationalid", number));

        [Theory]
        [InlineData("1000000009")]
        [InlineData("2000000000")]
        [InlineData("1010101011")]
        [PolicyClause("S2")]
        public void Wrong_check_digit_is_rejected(string number) =>
            RefusedCreate("S2.NationalIdCheckDigit", ("taz_nationalid", number));

        [Fact]
        [PolicyClause("S2")]
        public void Id_type_must_agree_with_the_first_digit_also_when_only_the_type_changes()
        {
            RefusedCreate("S2.IdTypeMismatch", ("taz_nationalid", ValidIqama), ("taz_idtype", new OptionSetValue(826000001)));
            var id = Create(("taz_nationalid", ValidNationalId), ("taz_idtype", new OptionSetValue(826000001)));
            _org.Refused(() => _org.Staff.Update(new Entity("taz_beneficiary", id) { ["taz_idtype"] = new OptionSetValue(826000002) }), "S2.IdTypeMismatch");
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
            if (valid)
            {
                Create(("taz_mobile", mobile));
                Assert.Equal(1, _org.Emulator.Count("taz_beneficiary"));
            }
            else RefusedCreate("S2.MobileFormat", ("taz_mobile", mobile));
        }

        [Fact]
        [PolicyClause("S2")]
        public void Household_of_at_least_one_and_non_negative_income()
        {
            var id = Create(("taz_householdsize", 1), ("taz_monthlyincome", new Money(2500m)));
            _org.Refused(() => Create(("taz_householdsize", 0)), "S2.HouseholdSize");
            _org.Refused(() => Create(("taz_monthlyincome", new Money(-1m))), "S2.IncomeNegative");
            _org.Refused(() => _org.Staff.Update(new Entity("taz_beneficiary", id) { ["taz_householdsize"] = 0 }), "S2.HouseholdSize");
            Assert.Equal(1, _org.Emulator.Count("taz_beneficiary"));
        }

        [Fact]
        [PolicyClause("S2")]
        public void Second_file_with_the_same_national_id_is_rejected_pointing_to_the_existing_file()
        {
            var existing = _org.Staff.Create(Beneficiary(("taz_name", "محمد علي"), ("taz_nationalid", ValidNationalId)));
            _org.Refused(() => Create(("taz_nationalid", ValidNationalId)), "S2.DuplicateBeneficiary", $"محمد علي ({existing:D})");
            Assert.Equal(1, _org.RefusedPluginCalls);
            var other = Create(("taz_nationalid", AlsoValid));
            _org.Refused(() => _org.Staff.Update(new Entity("taz_beneficiary", other) { ["taz_nationalid"] = ValidNationalId }), "S2.DuplicateBeneficiary", $"محمد علي ({existing:D})");
        }

        [Fact]
        [PolicyClause("S2")]
        public void Update_of_the_same_file_is_not_its_own_duplicate_and_an_unchanged_id_costs_no_query()
        {
            var id = Create(("taz_nationalid", ValidNationalId));
            _org.Staff.Update(new Entity("taz_beneficiary", id) { ["taz_nationalid"] = ValidNationalId, ["taz_mobile"] = "+966512345678" });
            Assert.Equal(0, _org.LastPluginCalls);

            _org.Staff.Update(new Entity("taz_beneficiary", id) { ["taz_nationalid"] = AlsoValid });
            Assert.Equal(1, _org.LastPluginCalls);
        }

        [Fact]
        [PolicyClause("S2")]
        public void Wrongly_typed_value_is_a_bilingual_rejection_not_a_crash() =>
            _org.Refused(() => Create(("taz_householdsize", "four")), "S2.InvalidValue", "taz_householdsize");
    }
}
