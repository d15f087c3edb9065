using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Tests.Pipeline;

namespace Taazeez.Crm.Emulator.Tests.Service
{
    /// <summary>What Dataverse rejects, the emulator rejects, with Dataverse's error code and wording, and nothing is written.</summary>
    public class RejectionTests
    {
        private readonly DataverseEmulator _emulator = TestSolution.Emulator();
        private IOrganizationService Service => _emulator.CreateService(_emulator.SystemUserId);

        private OrganizationServiceFault Rejected(Action action)
        {
            var before = _emulator.Count("taz_beneficiary") + _emulator.Count("taz_supportrequest") + _emulator.Count("taz_satisfactionsurvey");
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(action).Detail;
            Assert.Equal(before, _emulator.Count("taz_beneficiary") + _emulator.Count("taz_supportrequest") + _emulator.Count("taz_satisfactionsurvey"));
            return fault;
        }

        [Fact]
        public void Unknown_table()
        {
            var fault = Rejected(() => Service.Create(new Entity("taz_nosuchtable") { ["taz_name"] = "x" }));
            Assert.Equal(unchecked((int)0x80041102), fault.ErrorCode);
            Assert.Equal("The entity with a name = 'taz_nosuchtable' with namemapping = 'Logical' was not found in the MetadataCache.", fault.Message);
        }

        [Fact]
        public void Unknown_column()
        {
            var fault = Rejected(() => Service.Create(new Entity("taz_beneficiary") { ["taz_nationalId"] = "1000000008" }));
            Assert.Equal(unchecked((int)0x80041103), fault.ErrorCode);
            Assert.Equal("'taz_beneficiary' entity doesn't contain attribute with Name = 'taz_nationalId' and NameMapping = 'Logical'.", fault.Message);
        }

        [Theory]
        [InlineData("taz_householdsize", "5")]
        [InlineData("taz_monthlyincome", 1500.0)]
        [InlineData("taz_governorate", 826000001)]
        [InlineData("taz_branchofficeid", "not a reference")]
        [InlineData("taz_pdplconsent", 1)]
        public void Value_of_the_wrong_type(string column, object value)
        {
            var fault = Rejected(() => Service.Create(new Entity("taz_beneficiary") { [column] = value }));
            Assert.Equal(unchecked((int)0x80040203), fault.ErrorCode);
            Assert.StartsWith($"Incorrect attribute value type {value.GetType().FullName} for attribute '{column}'", fault.Message);
        }

        [Fact]
        public void Text_over_max_length()
        {
            var fault = Rejected(() => Service.Create(new Entity("taz_beneficiary") { ["taz_nationalid"] = "10000000081" }));
            Assert.Equal(unchecked((int)0x80044331), fault.ErrorCode);
            Assert.Equal("A validation error occurred. The length of the 'taz_nationalid' attribute of the 'taz_beneficiary' entity exceeded the maximum allowed length of '10'.", fault.Message);
        }

        [Fact]
        public void Option_value_not_in_the_option_set()
        {
            var fault = Rejected(() => Service.Create(new Entity("taz_supportrequest") { ["taz_channel"] = new OptionSetValue(826000099) }));
            Assert.Equal(unchecked((int)0x8004431a), fault.ErrorCode);
            Assert.StartsWith("A validation error occurred. The value 826000099 of 'taz_channel' on record of type 'taz_supportrequest' is outside the valid range. Accepted Values: 826000001,", fault.Message);
        }

        [Fact]
        public void Number_outside_the_columns_range()
        {
            var fault = Rejected(() => Service.Create(new Entity("taz_beneficiary") { ["taz_householdsize"] = 0 }));
            Assert.Contains("'taz_householdsize'", fault.Message);
            Assert.Contains("outside the valid range", fault.Message);
        }

        [Fact]
        public void Missing_system_required_column()
        {
            var fault = Rejected(() => Service.Create(new Entity("taz_satisfactionsurvey") { ["taz_name"] = "استبيان" }));
            Assert.Equal(unchecked((int)0x80040203), fault.ErrorCode);
            Assert.Contains("'taz_overallscore'", fault.Message);
            Service.Create(new Entity("taz_satisfactionsurvey") { ["taz_name"] = "استبيان", ["taz_overallscore"] = 5 });
        }

        [Fact]
        public void Duplicate_alternate_key()
        {
            Service.Create(new Entity("taz_beneficiary") { ["taz_nationalid"] = "1000000008" });
            var fault = Rejected(() => Service.Create(new Entity("taz_beneficiary") { ["taz_nationalid"] = "1000000008" }));
            Assert.Equal(unchecked((int)0x80060892), fault.ErrorCode);
            Assert.Contains("The entity key taz_key_nationalid requires that this set of attributes contains unique values", fault.Message);
        }

        [Fact]
        public void Rows_without_a_key_value_do_not_collide_on_the_key()
        {
            // Dataverse saves an empty text as null, and its key index leaves out rows whose key column is null
            Service.Create(new Entity("taz_beneficiary") { ["taz_nationalid"] = "" });
            Service.Create(new Entity("taz_beneficiary") { ["taz_nationalid"] = "" });
            Service.Create(new Entity("taz_beneficiary") { ["taz_nationalid"] = null });
            var id = Service.Create(new Entity("taz_beneficiary"));
            Service.Update(new Entity("taz_beneficiary", id) { ["taz_nationalid"] = "" });
            Assert.Equal(4, _emulator.Count("taz_beneficiary"));
        }

        [Fact]
        public void Lookup_to_a_missing_row()
        {
            var missing = Guid.NewGuid();
            var fault = Rejected(() => Service.Create(new Entity("taz_supportrequest") { ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", missing) }));
            Assert.Equal(unchecked((int)0x80040217), fault.ErrorCode);
            Assert.Equal($"taz_beneficiary With Id = {missing} Does Not Exist", fault.Message);
        }

        [Fact]
        public void Lookup_to_a_table_the_column_does_not_target()
        {
            var office = Service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "جازان" });
            var fault = Rejected(() => Service.Create(new Entity("taz_supportrequest") { ["taz_beneficiaryid"] = new EntityReference("taz_branchoffice", office) }));
            Assert.Contains("not a valid target", fault.Message);
        }

        [Fact]
        public void Update_and_delete_of_a_missing_row()
        {
            var missing = Guid.NewGuid();
            var update = Rejected(() => Service.Update(new Entity("taz_beneficiary", missing) { ["taz_name"] = "x" }));
            Assert.Equal(unchecked((int)0x80040217), update.ErrorCode);
            Assert.Equal($"taz_beneficiary With Id = {missing} Does Not Exist", update.Message);
            Assert.Equal(unchecked((int)0x80040217), Rejected(() => Service.Delete("taz_beneficiary", missing)).ErrorCode);
            Assert.Equal(unchecked((int)0x80040217), Rejected(() => Service.Retrieve("taz_beneficiary", missing, new ColumnSet(true))).ErrorCode);
        }

        [Fact]
        public void Status_reason_of_another_state()
        {
            var id = Service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "x" });
            var fault = Rejected(() => Service.Update(new Entity("taz_beneficiary", id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) }));
            Assert.Contains("is not a valid status code for state code", fault.Message);
        }

        [Fact]
        public void Unknown_request()
        {
            var fault = Rejected(() => Service.Execute(new OrganizationRequest("taz_NoSuchApi")));
            Assert.Equal("Request 'taz_NoSuchApi' was not recognized.", fault.Message);
        }
    }
}
