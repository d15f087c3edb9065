using System;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>The rules through the embedded Dataverse emulator, registered by the solution's own steps: a refused
    /// save reaches the caller as a fault carrying the message in both languages and leaves the store as it was, and
    /// no synchronous create or update of a request costs more than one plugin-made service call.</summary>
    public class EmulatorTests
    {
        private static readonly Guid OfficerRole = new Guid("3fc7e7e8-0434-423c-8d8b-2c6a8551e2b7");
        private static readonly Guid CommitteeRole = new Guid("66e5a571-44fe-4473-af39-b181ca8496bb");

        private readonly DataverseEmulator _emulator = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder(), typeof(PluginBase).Assembly);
        private readonly Guid _officer;
        private readonly Guid _committee;
        private readonly IOrganizationService _staff;

        public EmulatorTests()
        {
            _officer = _emulator.AddUser("مسؤول علاقات", OfficerRole);
            _committee = _emulator.AddUser("عضو لجنة", CommitteeRole);
            _staff = _emulator.CreateService(_officer);
        }

        private static void AssertFault(Action save, string key, params object[] args)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(save);
            Assert.Equal(PolicyText.Both(key, args), fault.Detail.Message);
            Assert.Equal(unchecked((int)0x80040265), fault.Detail.ErrorCode);
        }

        private Guid Beneficiary(string nationalId = "1000000008") =>
            _staff.Create(new Entity("taz_beneficiary") { ["taz_name"] = "فاطمة أحمد", ["taz_nationalid"] = nationalId, ["taz_mobile"] = "+966512345678", ["taz_householdsize"] = 4 });

        private Entity Request(Guid beneficiary, bool signed = true) => new Entity("taz_supportrequest")
        {
            ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary),
            ["taz_supporttype"] = new OptionSetValue(826000001),
            ["taz_amountrequested"] = new Money(3000m),
            ["taz_description"] = "إيجار متأخر",
            ["taz_channel"] = new OptionSetValue(826000001),
            ["taz_declarationsigned"] = signed,
            ["taz_declarationsignedby"] = signed ? "فاطمة أحمد" : null,
            ["taz_declarationversion"] = signed ? "2024.1" : null,
            ["taz_dataverified"] = true,
        };

        private Entity Read(Guid id) => _staff.Retrieve("taz_supportrequest", id, new ColumnSet(true));

        private int LastPluginCalls => _emulator.Calls.Last!.PluginCalls;

        [Fact]
        [PolicyClause("S2")]
        public void Invalid_national_id_is_a_bilingual_fault_and_no_file_is_written()
        {
            AssertFault(() => Beneficiary("1000000009"), "S2.NationalIdCheckDigit");
            Assert.Equal(0, _emulator.Count("taz_beneficiary"));
            Beneficiary();
            Assert.Equal(1, _emulator.Count("taz_beneficiary"));
        }

        [Fact]
        [PolicyClause("S2")]
        public void Second_file_for_the_same_national_id_points_to_the_first()
        {
            var first = Beneficiary();
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Beneficiary());
            Assert.Equal(PolicyText.Both("S2.DuplicateBeneficiary", $"فاطمة أحمد ({first:D})"), fault.Detail.Message);
            Assert.Equal(1, _emulator.Count("taz_beneficiary"));
        }

        [Fact]
        [PolicyClause("S2", "S4", "S5")]
        public void Staff_request_through_submission_and_decision_with_at_most_one_plugin_call_per_save()
        {
            var beneficiary = Beneficiary();
            var id = _staff.Create(Request(beneficiary));
            Assert.True(LastPluginCalls <= 1, $"create: {LastPluginCalls}");
            var draft = Read(id);
            Assert.Equal(1, draft.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(_officer, draft.GetAttributeValue<EntityReference>("taz_verifiedby").Id);
            Assert.Matches("^[0-9a-f]{64}$", draft.GetAttributeValue<string>("taz_declarationhash"));

            _emulator.SetEnvironmentVariable("taz_CommitteeResponsePeriodDays", "21");
            var submittedAt = _emulator.Clock.UtcNow;
            _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000001) });
            Assert.True(LastPluginCalls <= 1, $"submit: {LastPluginCalls}");
            var submitted = Read(id);
            Assert.Equal(826000001, submitted.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(Seconds(submittedAt).AddDays(21), submitted.GetAttributeValue<DateTime>("taz_committeedueon"));

            _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000004) });
            Assert.True(LastPluginCalls <= 1);

            // an officer may not decide: fault, and the request is still awaiting the committee
            AssertFault(() => _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000005), ["taz_decisionreasons"] = "مستحق" }),
                "S5.CommitteeRoleRequired");
            Assert.Equal(826000004, Read(id).GetAttributeValue<OptionSetValue>("statuscode").Value);

            _emulator.Clock.Advance(TimeSpan.FromDays(10));
            _emulator.CreateService(_committee).Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000005), ["taz_decisionreasons"] = "مستحق" });
            Assert.True(LastPluginCalls <= 1, $"decide: {LastPluginCalls}");
            var decided = Read(id);
            Assert.Equal(826000001, decided.GetAttributeValue<OptionSetValue>("taz_decision").Value);
            Assert.True(decided.GetAttributeValue<bool>("taz_decidedwithinperiod"));

            AssertFault(() => _staff.Update(new Entity("taz_supportrequest", id) { ["taz_amountrequested"] = new Money(9000m) }), "S5.DecisionLocked");
            Assert.Equal(3000m, Read(id).GetAttributeValue<Money>("taz_amountrequested").Value);
            Assert.Contains(_emulator.Traces, t => t.TraceText.Contains("S5: decision Approved recorded"));
        }

        [Fact]
        [PolicyClause("S2")]
        public void Refused_create_leaves_no_request_and_a_second_open_request_of_the_type_is_refused()
        {
            var beneficiary = Beneficiary();
            var noChannel = Request(beneficiary);
            noChannel.Attributes.Remove("taz_channel");
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => _staff.Create(noChannel));
            Assert.Equal(0, _emulator.Count("taz_supportrequest"));

            var negative = Request(beneficiary);
            negative["taz_amountrequested"] = new Money(-1m);
            AssertFault(() => _staff.Create(negative), "S2.AmountNegative");
            Assert.Equal(0, _emulator.Count("taz_supportrequest"));

            var first = _staff.Create(Request(beneficiary));
            var number = Read(first).GetAttributeValue<string>("taz_name");
            AssertFault(() => _staff.Create(Request(beneficiary)), "S2.DuplicateOpenRequest", number);
            Assert.Equal(1, _emulator.Count("taz_supportrequest"));
        }

        [Fact]
        [PolicyClause("S4")]
        public void Editing_declared_data_voids_the_signature_in_the_store()
        {
            var id = _staff.Create(Request(Beneficiary()));
            _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000001) });
            _staff.Update(new Entity("taz_supportrequest", id) { ["taz_description"] = "وصف معدل" });
            Assert.True(LastPluginCalls <= 1);
            var row = Read(id);
            Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.False(row.GetAttributeValue<bool>("taz_declarationsigned"));
            Assert.StartsWith("taz_description", row.GetAttributeValue<string>("taz_declarationvoidreason"));
        }

        [Fact]
        [PolicyClause("C7", "S2")]
        public void Portal_application_is_C7_and_awaits_verification()
        {
            var contact = _staff.Create(new Entity("contact") { ["firstname"] = "فاطمة", ["lastname"] = "أحمد" });
            var beneficiary = Beneficiary();
            var application = Request(beneficiary);
            application["taz_channel"] = new OptionSetValue(826000003);
            var id = _emulator.CreatePortalService(contact).Create(application);
            Assert.True(LastPluginCalls <= 1);
            var row = Read(id);
            Assert.Equal(826000007, row.GetAttributeValue<OptionSetValue>("taz_channel").Value);
            Assert.Equal(826000002, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.False(row.GetAttributeValue<bool>("taz_dataverified"));
        }

        [Fact]
        [PolicyClause("S5", "S6", "S7")]
        public void Decision_record_and_service_delivery_follow_the_committee_and_the_registration()
        {
            var id = _staff.Create(Request(Beneficiary()));
            _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000001) });
            _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000004) });
            var request = new EntityReference("taz_supportrequest", id);

            Entity DecisionRecord() => new Entity("taz_committeedecision")
            {
                ["taz_name"] = "قرار", ["taz_supportrequestid"] = request, ["taz_decision"] = new OptionSetValue(826000001), ["taz_reasons"] = "مستحق",
            };
            AssertFault(() => _staff.Create(DecisionRecord()), "S5.CommitteeRoleRequired");
            Assert.Equal(0, _emulator.Count("taz_committeedecision"));
            var committee = _emulator.CreateService(_committee);
            var record = committee.Create(DecisionRecord());
            Assert.Equal(_committee, committee.Retrieve("taz_committeedecision", record, new ColumnSet("taz_decidedby")).GetAttributeValue<EntityReference>("taz_decidedby").Id);

            Entity Delivery() => new Entity("taz_servicedelivery") { ["taz_name"] = "تسليم", ["taz_supportrequestid"] = request, ["taz_amountdelivered"] = new Money(3000m) };
            AssertFault(() => _staff.Create(Delivery()), "S7.DeliveryNeedsApproval");
            Assert.Equal(0, _emulator.Count("taz_servicedelivery"));

            committee.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000005), ["taz_decisionreasons"] = "مستحق" });
            AssertFault(() => _staff.Create(Delivery()), "S7.DeliveryNeedsApproval");
            _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000008) });
            Assert.NotNull(Read(id).GetAttributeValue<DateTime?>("taz_registrationcompletedon"));
            _staff.Create(Delivery());
            Assert.True(LastPluginCalls <= 1);
            Assert.Equal(1, _emulator.Count("taz_servicedelivery"));
            _staff.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000009) });
            Assert.Equal(826000009, Read(id).GetAttributeValue<OptionSetValue>("statuscode").Value);

            var saves = _emulator.Calls.Requests.Where(r => !r.IsAsync && r.Message is "Create" or "Update").ToList();
            Assert.True(saves.Count >= 10, $"{saves.Count} saves");
            Assert.All(saves, r => Assert.True(r.PluginCalls <= 1, $"{r.Message} {r.Entity}: {r.PluginCalls} plugin calls ({string.Join(", ", r.PluginCallMessages)})"));
        }

        private static DateTime Seconds(DateTime t) => new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
