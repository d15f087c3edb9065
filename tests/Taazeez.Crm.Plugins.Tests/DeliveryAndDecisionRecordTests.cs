using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Tests;
using static Taazeez.Crm.Plugins.Tests.Org;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>Service delivery (S7) and committee decision records (S5) through the emulator's registered
    /// ServiceDeliveryValidation and CommitteeDecisionValidation steps.</summary>
    public class DeliveryAndDecisionRecordTests
    {
        private readonly Org _org = new Org();

        private static Entity Delivery(Guid requestId) => new Entity("taz_servicedelivery")
        {
            ["taz_name"] = "سلة غذائية",
            ["taz_supportrequestid"] = new EntityReference("taz_supportrequest", requestId),
        };

        [Theory]
        [InlineData(RegistrationCompleted)]
        [InlineData(ServiceDelivered)]
        [PolicyClause("S7")]
        public void Delivery_for_a_registered_request_is_accepted_with_one_bounded_query(int status)
        {
            var request = _org.NewRequestIn(status);
            _org.Staff.Create(Delivery(request));
            Assert.Equal(new[] { "RetrieveMultiple" }, _org.LastPluginCallMessages);
            Assert.Equal(1, _org.Emulator.Count("taz_servicedelivery"));
            Assert.Contains(_org.Emulator.Traces, t => t.PluginType.EndsWith("ServiceDeliveryValidation") && t.TraceText.Contains("\nS7: request"));
        }

        [Theory]
        [InlineData(Draft)]
        [InlineData(AwaitingCommittee)]
        [InlineData(Approved)]
        [InlineData(PartiallyApproved)]
        [InlineData(Rejected)]
        [InlineData(Closed)]
        [PolicyClause("S7")]
        public void Delivery_before_approval_and_registration_is_rejected(int status)
        {
            var request = _org.NewRequestIn(status);
            _org.Refused(() => _org.Staff.Create(Delivery(request)), "S7.DeliveryNeedsApproval");
            Assert.Equal(0, _org.Emulator.Count("taz_servicedelivery"));
        }

        [Fact]
        [PolicyClause("S7")]
        public void Delivery_without_an_existing_request_is_rejected_and_unrelated_updates_cost_nothing()
        {
            _org.Refused(() => _org.Staff.Create(Delivery(Guid.NewGuid())), "S7.DeliveryRequestRequired");
            _org.Refused(() => _org.Staff.Create(new Entity("taz_servicedelivery") { ["taz_name"] = "x" }), "S7.DeliveryRequestRequired");
            Assert.Equal(0, _org.Emulator.Count("taz_servicedelivery"));

            var delivery = _org.Staff.Create(Delivery(_org.NewRequestIn(RegistrationCompleted)));
            _org.Staff.Update(new Entity("taz_servicedelivery", delivery) { ["taz_name"] = "تم التسليم" });
            Assert.Equal(0, _org.LastPluginCalls);
            var draft = _org.NewDraft();
            _org.Refused(() => _org.Staff.Update(new Entity("taz_servicedelivery", delivery) { ["taz_supportrequestid"] = new EntityReference("taz_supportrequest", draft) }),
                "S7.DeliveryNeedsApproval");
        }

        private Entity DecisionRecord(int outcome, string? reasons) => new Entity("taz_committeedecision")
        {
            ["taz_name"] = "قرار",
            ["taz_supportrequestid"] = new EntityReference("taz_supportrequest", _org.NewAwaitingCommittee()),
            ["taz_decision"] = new OptionSetValue(outcome),
            ["taz_reasons"] = reasons,
            ["taz_decidedby"] = new EntityReference("systemuser", _org.Officer),
        };

        [Fact]
        [PolicyClause("S5")]
        public void Committee_member_records_a_decision_with_reasons_and_is_stamped_as_the_decider()
        {
            var id = _org.CommitteeService.Create(DecisionRecord(826000001, "الأسرة مستحقة"));
            Assert.Equal(1, _org.LastPluginCalls);
            var stored = _org.AsSystem.Retrieve("taz_committeedecision", id, new ColumnSet("taz_decidedby"));
            Assert.Equal(_org.Committee, stored.GetAttributeValue<EntityReference>("taz_decidedby").Id);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Decision_record_without_reasons_or_by_a_non_member_is_rejected()
        {
            var noReasons = DecisionRecord(826000001, " ");
            _org.Refused(() => _org.CommitteeService.Create(noReasons), "S5.DecisionRecordReasonsRequired");
            var rejection = DecisionRecord(826000003, "غير مستحق");
            _org.Refused(() => _org.Staff.Create(rejection), "S5.CommitteeRoleRequired");
            var portal = _org.Portal;
            _org.Refused(() => portal.Create(rejection), "S5.CommitteeRoleRequired");
            Assert.Equal(0, _org.Emulator.Count("taz_committeedecision"));
        }

        /// <summary>Dataverse copies every security role into each business unit (own roleid, parentrootroleid = the
        /// root role): a member of a branch's committee holds the branch's copy and may decide; another role may not.</summary>
        [Fact]
        [PolicyClause("S5")]
        public void Committee_role_copy_of_a_child_business_unit_may_decide_and_another_role_may_not()
        {
            var admin = _org.AsSystem;
            var branch = admin.Create(new Entity("businessunit") { ["name"] = "فرع صبيا", ["parentbusinessunitid"] = new EntityReference("businessunit", _org.Emulator.RootBusinessUnitId) });
            var committeeCopy = admin.Create(new Entity("role")
            {
                ["name"] = "عضو لجنة البحث",
                ["businessunitid"] = new EntityReference("businessunit", branch),
                ["parentrootroleid"] = new EntityReference("role", CommitteeRole),
            });
            var officerCopy = admin.Create(new Entity("role")
            {
                ["name"] = "مسؤول علاقات المستفيدين",
                ["businessunitid"] = new EntityReference("businessunit", branch),
                ["parentrootroleid"] = new EntityReference("role", OfficerRole),
            });
            var branchMember = _org.Emulator.CreateService(_org.Emulator.AddUserInBusinessUnit("عضو لجنة الفرع", branch, committeeCopy));
            var branchOfficer = _org.Emulator.CreateService(_org.Emulator.AddUserInBusinessUnit("مسؤول الفرع", branch, officerCopy));

            var request = _org.NewAwaitingCommittee();
            _org.Refused(() => branchOfficer.Update(Change(request, Status(Approved), ("taz_decisionreasons", "مستحق"))), "S5.CommitteeRoleRequired");
            branchMember.Update(Change(request, Status(Approved), ("taz_decisionreasons", "مستحق")));
            Assert.Equal(1, _org.LastPluginCalls);
            Assert.Equal(Approved, _org.StatusOf(request));

            var record = DecisionRecord(826000001, "مستحق");
            _org.Refused(() => branchOfficer.Create(record), "S5.CommitteeRoleRequired");
            Assert.Equal(1, _org.RefusedPluginCalls);
            branchMember.Create(record);
            Assert.Equal(1, _org.Emulator.Count("taz_committeedecision"));
        }
    }
}
