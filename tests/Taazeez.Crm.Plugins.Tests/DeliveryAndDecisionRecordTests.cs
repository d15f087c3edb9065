using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    public class DeliveryAndDecisionRecordTests
    {
        private static readonly Guid CommitteeRole = new Guid("66e5a571-44fe-4473-af39-b181ca8496bb");

        private static Entity Request(int status) => new Entity("taz_supportrequest", Guid.NewGuid()) { ["statuscode"] = new OptionSetValue(status) };

        private static Entity Delivery(Guid requestId) => new Entity("taz_servicedelivery", Guid.NewGuid())
        {
            ["taz_name"] = "سلة غذائية",
            ["taz_supportrequestid"] = new EntityReference("taz_supportrequest", requestId),
        };

        private static PipelineContext Deliver(Entity target, InMemoryService service, string message = "Create")
        {
            var context = new PipelineContext(message, target) { Service = service };
            new ServiceDeliveryValidation(null, null).Execute(context);
            return context;
        }

        [Theory]
        [InlineData(826000008)]
        [InlineData(826000009)]
        [PolicyClause("S7")]
        public void Delivery_for_a_registered_request_is_accepted_with_one_bounded_query(int status)
        {
            var request = Request(status);
            var service = new InMemoryService().Add(request);
            var context = Deliver(Delivery(request.Id), service);
            Assert.Equal(1, Assert.Single(service.Queries).TopCount);
            Assert.Contains(context.Trace, line => line.StartsWith("S7: request"));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(826000004)]
        [InlineData(826000005)]
        [InlineData(826000006)]
        [InlineData(826000007)]
        [InlineData(2)]
        [PolicyClause("S7")]
        public void Delivery_before_approval_and_registration_is_rejected(int status)
        {
            var request = Request(status);
            var error = Record.Exception(() => Deliver(Delivery(request.Id), new InMemoryService().Add(request)))!;
            PolicyText.AssertMessage(error, "S7.DeliveryNeedsApproval");
        }

        [Fact]
        [PolicyClause("S7")]
        public void Delivery_without_an_existing_request_is_rejected_and_unrelated_updates_cost_nothing()
        {
            PolicyText.AssertMessage(Record.Exception(() => Deliver(Delivery(Guid.NewGuid()), new InMemoryService()))!, "S7.DeliveryRequestRequired");
            var noRequest = new Entity("taz_servicedelivery", Guid.NewGuid()) { ["taz_name"] = "x" };
            PolicyText.AssertMessage(Record.Exception(() => Deliver(noRequest, new InMemoryService()))!, "S7.DeliveryRequestRequired");

            var service = new InMemoryService();
            Deliver(new Entity("taz_servicedelivery", Guid.NewGuid()) { ["taz_description"] = "تم التسليم" }, service, "Update");
            Assert.Equal(0, service.Calls);
        }

        private static PipelineContext Decide(Entity target, InMemoryService service, Guid caller, bool portal = false)
        {
            var context = new PipelineContext("Create", target) { Service = service, UserId = caller, IsPortalsClientCall = portal };
            new CommitteeDecisionValidation(null, null).Execute(context);
            return context;
        }

        private static Entity DecisionRecord(int outcome, string? reasons) => new Entity("taz_committeedecision", Guid.NewGuid())
        {
            ["taz_name"] = "قرار",
            ["taz_supportrequestid"] = new EntityReference("taz_supportrequest", Guid.NewGuid()),
            ["taz_decision"] = new OptionSetValue(outcome),
            ["taz_reasons"] = reasons,
            ["taz_decidedby"] = new EntityReference("systemuser", Guid.NewGuid()),
        };

        [Fact]
        [PolicyClause("S5")]
        public void Committee_member_records_a_decision_with_reasons_and_is_stamped_as_the_decider()
        {
            var member = Guid.NewGuid();
            var record = DecisionRecord(826000001, "الأسرة مستحقة");
            var service = new InMemoryService().UserRole(member, CommitteeRole);
            Decide(record, service, member);
            Assert.Equal(member, record.GetAttributeValue<EntityReference>("taz_decidedby").Id);
            Assert.Equal(1, service.Calls);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Decision_record_without_reasons_or_by_a_non_member_is_rejected()
        {
            var member = Guid.NewGuid();
            var service = new InMemoryService().UserRole(member, CommitteeRole);
            PolicyText.AssertMessage(Record.Exception(() => Decide(DecisionRecord(826000001, " "), service, member))!, "S5.DecisionRecordReasonsRequired");
            PolicyText.AssertMessage(Record.Exception(() => Decide(DecisionRecord(826000003, "غير مستحق"), service, Guid.NewGuid()))!, "S5.CommitteeRoleRequired");
            PolicyText.AssertMessage(Record.Exception(() => Decide(DecisionRecord(826000003, "غير مستحق"), service, member, portal: true))!, "S5.CommitteeRoleRequired");
        }
    }
}
