using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Tests.Pipeline
{
    /// <summary>Dataverse's bypass parameters for data migrations, and security roles copied per business unit
    /// (parentrootroleid).</summary>
    public class BypassAndRoleTests
    {
        private readonly DataverseEmulator _emulator = TestSolution.Emulator();
        private IOrganizationService Service => _emulator.CreateService(_emulator.SystemUserId);

        private static CreateRequest Office(string address) =>
            new CreateRequest { Target = new Entity("taz_branchoffice") { ["taz_name"] = "صبيا", ["taz_address"] = address } };

        private string Address(Guid id) => (string)Service.Retrieve("taz_branchoffice", id, new ColumnSet("taz_address"))["taz_address"];

        [Fact]
        public void BypassCustomPluginExecution_skips_the_synchronous_steps_only()
        {
            var request = Office("main street");
            request.Parameters["BypassCustomPluginExecution"] = true;
            var bypassed = ((CreateResponse)Service.Execute(request)).id;
            Assert.Equal("main street", Address(bypassed));
            Assert.Empty(_emulator.Traces);
            Assert.Equal("MAIN STREET", Address(Service.Create(Office("main street").Target)));

            var beneficiary = Service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "فاطمة" });
            var member = new CreateRequest { Target = new Entity("taz_householdmember") { ["taz_name"] = "ابن", ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary) } };
            member.Parameters["BypassCustomPluginExecution"] = true;
            Service.Execute(member);
            Assert.Equal(1, _emulator.RunAsyncSteps());
        }

        [Fact]
        public void BypassBusinessLogicExecution_names_the_synchronous_the_asynchronous_or_both()
        {
            var sync = Office("a");
            sync.Parameters["BypassBusinessLogicExecution"] = "CustomSync";
            Assert.Equal("a", Address(((CreateResponse)Service.Execute(sync)).id));

            var beneficiary = Service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "فاطمة" });
            CreateRequest Member(string logic)
            {
                var request = new CreateRequest { Target = new Entity("taz_householdmember") { ["taz_name"] = "ابن", ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary) } };
                request.Parameters["BypassBusinessLogicExecution"] = logic;
                return request;
            }
            Service.Execute(Member("CustomAsync"));
            Service.Execute(Member("CustomSync,CustomAsync"));
            Assert.Equal(0, _emulator.RunAsyncSteps());
            Service.Execute(Member("CustomSync"));
            Assert.Equal(1, _emulator.RunAsyncSteps());

            var asyncOnly = Office("b");
            asyncOnly.Parameters["BypassBusinessLogicExecution"] = "CustomAsync";
            Assert.Equal("B", Address(((CreateResponse)Service.Execute(asyncOnly)).id));
        }

        [Fact]
        public void The_solutions_roles_are_root_roles_and_business_unit_copies_point_at_them()
        {
            var committee = new Guid("66e5a571-44fe-4473-af39-b181ca8496bb");
            var seeded = Service.Retrieve("role", committee, new ColumnSet("parentrootroleid", "businessunitid"));
            Assert.Equal(committee, seeded.GetAttributeValue<EntityReference>("parentrootroleid").Id);
            Assert.Equal(_emulator.RootBusinessUnitId, seeded.GetAttributeValue<EntityReference>("businessunitid").Id);

            var root = Service.Create(new Entity("role") { ["name"] = "مراجع", ["businessunitid"] = new EntityReference("businessunit", _emulator.RootBusinessUnitId) });
            Assert.Equal(root, Service.Retrieve("role", root, new ColumnSet("parentrootroleid")).GetAttributeValue<EntityReference>("parentrootroleid").Id);

            var branch = Service.Create(new Entity("businessunit") { ["name"] = "فرع صبيا" });
            var copy = Service.Create(new Entity("role")
            {
                ["name"] = "عضو لجنة البحث",
                ["businessunitid"] = new EntityReference("businessunit", branch),
                ["parentrootroleid"] = new EntityReference("role", committee),
            });
            var member = _emulator.AddUserInBusinessUnit("عضو لجنة الفرع", branch, copy);
            var other = _emulator.AddUserInBusinessUnit("موظف الفرع", branch, root);

            QueryExpression HoldsCommitteeRole(Guid user)
            {
                var query = new QueryExpression("systemuserroles") { ColumnSet = new ColumnSet("roleid"), TopCount = 1 };
                query.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, user);
                query.AddLink("role", "roleid", "roleid", JoinOperator.Inner).LinkCriteria.AddCondition("parentrootroleid", ConditionOperator.Equal, committee);
                return query;
            }
            Assert.Equal(copy, (Guid)Service.RetrieveMultiple(HoldsCommitteeRole(member)).Entities.Single()["roleid"]);
            Assert.Empty(Service.RetrieveMultiple(HoldsCommitteeRole(other)).Entities);
        }
    }
}
