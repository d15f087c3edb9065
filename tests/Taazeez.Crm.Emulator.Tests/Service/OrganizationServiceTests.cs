using System;
using System.Linq;
using System.ServiceModel;
using System.Threading.Tasks;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Tests.Service
{
    /// <summary>The organization service over our solution's tables, without plugins: defaults, copies, partial
    /// updates, cascades, N:N, SetState/Assign/WhoAmI/Upsert, ExecuteMultiple/Transaction and concurrency.</summary>
    public class OrganizationServiceTests
    {
        private readonly DataverseEmulator _emulator = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder());
        private IOrganizationService Service => _emulator.CreateService(_emulator.SystemUserId);

        private Guid Beneficiary(string nationalId = "1000000008") =>
            Service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "محمد", ["taz_nationalid"] = nationalId });

        [Fact]
        public void Create_fills_the_platform_columns_and_the_autonumber()
        {
            _emulator.Clock.Set(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
            var beneficiary = Beneficiary();
            var first = Service.Create(new Entity("taz_supportrequest") { ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary) });
            var second = Service.Create(new Entity("taz_supportrequest") { ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary) });
            var row = Service.Retrieve("taz_supportrequest", first, new ColumnSet(true));
            Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), row["createdon"]);
            Assert.Equal(_emulator.SystemUserId, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_emulator.Metadata.Tables["taz_supportrequest"].DefaultStatus, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal("SR-2026-001000", row["taz_name"]);
            Assert.Equal("SR-2026-001001", Service.Retrieve("taz_supportrequest", second, new ColumnSet("taz_name"))["taz_name"]);
            Assert.False(string.IsNullOrEmpty(row.RowVersion));
        }

        [Fact]
        public void A_supplied_id_is_kept_and_a_second_create_with_it_is_a_duplicate()
        {
            var id = Guid.NewGuid();
            Assert.Equal(id, Service.Create(new Entity("taz_branchoffice", id) { ["taz_name"] = "أبو عريش" }));
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.Create(new Entity("taz_branchoffice", id) { ["taz_name"] = "x" }));
            Assert.Equal("Cannot insert duplicate key.", fault.Detail.Message);
        }

        [Fact]
        public void Returned_entities_are_copies_and_created_entities_are_copied_in()
        {
            var input = new Entity("taz_beneficiary") { ["taz_name"] = "أصل", ["taz_nationalid"] = "1000000008" };
            var id = Service.Create(input);
            input["taz_name"] = "changed after create";
            var read = Service.Retrieve("taz_beneficiary", id, new ColumnSet(true));
            read["taz_name"] = "changed after retrieve";
            read.GetAttributeValue<EntityReference>("ownerid").Id = Guid.Empty;
            var again = Service.Retrieve("taz_beneficiary", id, new ColumnSet(true));
            Assert.Equal("أصل", again["taz_name"]);
            Assert.Equal(_emulator.SystemUserId, again.GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void Create_leaves_the_callers_entity_as_it_was()
        {
            var owner = new EntityReference("systemuser", _emulator.SystemUserId);
            var input = new Entity("taz_beneficiary") { ["taz_name"] = "أصل", ["taz_nationalid"] = "1000000008", ["ownerid"] = owner };
            Service.Create(input);
            Assert.Equal(Guid.Empty, input.Id);
            Assert.Equal(new[] { "ownerid", "taz_name", "taz_nationalid" }, input.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Same(owner, input["ownerid"]);
        }

        [Fact]
        public void Rows_that_share_a_value_in_the_store_never_share_it_with_callers()
        {
            // the store keeps one reference per referenced row and one option value per value; what a caller gets or
            // changes afterwards must not reach another row or another version of the same row
            var first = Beneficiary("1000000008");
            var second = Beneficiary("1000000016");
            var read = Service.Retrieve("taz_beneficiary", first, new ColumnSet(true));
            read.GetAttributeValue<EntityReference>("createdby").Id = Guid.Empty;
            read.GetAttributeValue<OptionSetValue>("statecode").Value = 1;
            var gender = new OptionSetValue(_emulator.Metadata.Tables["taz_beneficiary"].Columns["taz_gender"].OptionValues.Min());
            Service.Update(new Entity("taz_beneficiary", first) { ["taz_gender"] = gender });
            gender.Value = -1;
            foreach (var id in new[] { first, second })
            {
                var row = Service.Retrieve("taz_beneficiary", id, new ColumnSet(true));
                Assert.Equal(_emulator.SystemUserId, row.GetAttributeValue<EntityReference>("createdby").Id);
                Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            }
            Assert.NotEqual(-1, Service.Retrieve("taz_beneficiary", first, new ColumnSet("taz_gender")).GetAttributeValue<OptionSetValue>("taz_gender").Value);
        }

        [Fact]
        public void Retrieve_returns_the_requested_columns_only()
        {
            var id = Beneficiary();
            var row = Service.Retrieve("taz_beneficiary", id, new ColumnSet("taz_name"));
            Assert.Equal(new[] { "taz_beneficiaryid", "taz_name" }, row.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public void Update_is_partial_and_stamps_modifiedon()
        {
            var id = Beneficiary();
            _emulator.Clock.Advance(TimeSpan.FromHours(2));
            Service.Update(new Entity("taz_beneficiary", id) { ["taz_district"] = "الحرث" });
            var row = Service.Retrieve("taz_beneficiary", id, new ColumnSet(true));
            Assert.Equal("محمد", row["taz_name"]);
            Assert.Equal("الحرث", row["taz_district"]);
            Assert.Equal(_emulator.Clock.UtcNow, row["modifiedon"]);
            Assert.NotEqual(row["createdon"], row["modifiedon"]);
        }

        [Fact]
        public void Delete_cascades_removes_links_and_restricts_per_relationship()
        {
            var beneficiary = Beneficiary();
            var member = Service.Create(new Entity("taz_householdmember") { ["taz_name"] = "ابنة", ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary) });
            var request = Service.Create(new Entity("taz_supportrequest") { ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary) });

            var restricted = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.Delete("taz_beneficiary", beneficiary));
            Assert.Contains("taz_beneficiary_supportrequest_beneficiaryid", restricted.Detail.Message);
            Assert.Equal(1, _emulator.Count("taz_householdmember"));

            Service.Delete("taz_supportrequest", request);
            Service.Delete("taz_beneficiary", beneficiary);
            Assert.Equal(0, _emulator.Count("taz_householdmember"));
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.Retrieve("taz_householdmember", member, new ColumnSet(true)));

            var officer = _emulator.AddUser("باحث");
            var office = Service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "صامطة", ["taz_managerid"] = new EntityReference("systemuser", officer) });
            Service.Delete("systemuser", officer);
            Assert.Null(Service.Retrieve("taz_branchoffice", office, new ColumnSet("taz_managerid")).GetAttributeValue<EntityReference>("taz_managerid"));
        }

        [Fact]
        public void Associate_and_disassociate_many_to_many()
        {
            var office = Service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "صبيا" });
            var user = _emulator.AddUser("مندوب");
            var relationship = new Relationship("taz_branchoffice_representative");
            Service.Associate("taz_branchoffice", office, relationship, new EntityReferenceCollection { new EntityReference("systemuser", user) });
            Assert.Equal(1, _emulator.Count("taz_branchoffice_representative"));
            // Dataverse types intersect columns Uniqueidentifier: the ids come back as Guids, and joins go through them.
            var link = Service.RetrieveMultiple(new QueryExpression("taz_branchoffice_representative")
            {
                ColumnSet = new ColumnSet("systemuserid", "taz_branchofficeid"),
            }).Entities.Single();
            Assert.Equal(user, Assert.IsType<Guid>(link["systemuserid"]));
            Assert.Equal(office, Assert.IsType<Guid>(link["taz_branchofficeid"]));
            var members = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
            members.AddLink("taz_branchoffice_representative", "systemuserid", "systemuserid")
                .LinkCriteria.AddCondition("taz_branchofficeid", ConditionOperator.Equal, office);
            Assert.Equal(user, Service.RetrieveMultiple(members).Entities.Single().Id);
            Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                Service.Associate("taz_branchoffice", office, relationship, new EntityReferenceCollection { new EntityReference("systemuser", user) }));
            Service.Disassociate("systemuser", user, relationship, new EntityReferenceCollection { new EntityReference("taz_branchoffice", office) });
            Assert.Equal(0, _emulator.Count("taz_branchoffice_representative"));
        }

        [Fact]
        public void SetState_Assign_and_WhoAmI()
        {
            var id = Beneficiary();
            Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("taz_beneficiary", id), State = new OptionSetValue(1), Status = new OptionSetValue(-1) });
            var row = Service.Retrieve("taz_beneficiary", id, new ColumnSet("statecode", "statuscode"));
            Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value);

            var officer = _emulator.AddUser("موظف");
            Service.Execute(new AssignRequest { Target = new EntityReference("taz_beneficiary", id), Assignee = new EntityReference("systemuser", officer) });
            Assert.Equal(officer, Service.Retrieve("taz_beneficiary", id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);

            var who = (WhoAmIResponse)_emulator.CreateService(officer).Execute(new WhoAmIRequest());
            Assert.Equal(officer, who.UserId);
            Assert.Equal(_emulator.RootBusinessUnitId, who.BusinessUnitId);
        }

        [Fact]
        public void Upsert_by_alternate_key_creates_then_updates()
        {
            var target = new Entity("taz_beneficiary", "taz_nationalid", "1000000008") { ["taz_name"] = "أول" };
            var created = (UpsertResponse)Service.Execute(new UpsertRequest { Target = target });
            Assert.True(created.RecordCreated);
            var updated = (UpsertResponse)Service.Execute(new UpsertRequest { Target = new Entity("taz_beneficiary", "taz_nationalid", "1000000008") { ["taz_name"] = "ثان" } });
            Assert.False(updated.RecordCreated);
            Assert.Equal(created.Target.Id, updated.Target.Id);
            Assert.Equal("ثان", Service.Retrieve("taz_beneficiary", created.Target.Id, new ColumnSet("taz_name"))["taz_name"]);
            Assert.Equal(1, _emulator.Count("taz_beneficiary"));
        }

        [Fact]
        public void ExecuteMultiple_continues_on_error_and_ExecuteTransaction_undoes_everything()
        {
            var good = new CreateRequest { Target = new Entity("taz_branchoffice") { ["taz_name"] = "1" } };
            var bad = new CreateRequest { Target = new Entity("taz_branchoffice") { ["no_such_column"] = "x" } };
            var multiple = (ExecuteMultipleResponse)Service.Execute(new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection { good, bad, new CreateRequest { Target = new Entity("taz_branchoffice") { ["taz_name"] = "3" } } },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            });
            Assert.True(multiple.IsFaulted);
            Assert.Equal(1, multiple.Responses.Single(r => r.Fault != null).RequestIndex);
            Assert.Equal(2, _emulator.Count("taz_branchoffice"));

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.Execute(new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("taz_branchoffice") { ["taz_name"] = "4" } }, bad },
            }));
            Assert.Equal(1, fault.Detail.ErrorDetails["FaultedRequestIndex"]);
            Assert.Equal(2, _emulator.Count("taz_branchoffice"));
        }

        [Fact]
        public void A_transaction_that_fails_after_updates_restores_the_rows_their_versions_and_their_indexes()
        {
            // updates change the stored row in place; the rollback must bring back every value and index entry
            var branch = Service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "صبيا" });
            var other = Service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "جيزان" });
            var id = Service.Create(new Entity("taz_beneficiary")
            {
                ["taz_name"] = "قبل", ["taz_nationalid"] = "1000000008", ["taz_branchofficeid"] = new EntityReference("taz_branchoffice", branch),
            });
            var before = Service.Retrieve("taz_beneficiary", id, new ColumnSet(true));
            var bad = new CreateRequest { Target = new Entity("taz_branchoffice") { ["no_such_column"] = "x" } };
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.Execute(new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest { Target = new Entity("taz_beneficiary", id) { ["taz_name"] = "بعد", ["taz_branchofficeid"] = new EntityReference("taz_branchoffice", other) } },
                    new UpdateRequest { Target = new Entity("taz_beneficiary", id) { ["taz_nationalid"] = "1000000016", ["taz_district"] = "الحرث" } },
                    bad,
                },
            }));

            var after = Service.Retrieve("taz_beneficiary", id, new ColumnSet(true));
            Assert.Equal(before.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (column, value) in before.Attributes) Assert.Equal(value, after[column]);
            Assert.Equal(before.RowVersion, after.RowVersion);
            EntityCollection Where(string column, object value) => Service.RetrieveMultiple(new QueryExpression("taz_beneficiary")
            {
                Criteria = { Conditions = { new ConditionExpression(column, ConditionOperator.Equal, value) } },
            });
            Assert.Single(Where("taz_branchofficeid", branch).Entities);
            Assert.Empty(Where("taz_branchofficeid", other).Entities);
            Assert.Single(Where("taz_nationalid", "1000000008").Entities);
            Assert.Empty(Where("taz_nationalid", "1000000016").Entities);
            // the key the rolled-back update took is free again, the restored one is still taken
            Service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "آخر", ["taz_nationalid"] = "1000000016" });
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "مكرر", ["taz_nationalid"] = "1000000008" }));
        }

        [Fact]
        public void Optimistic_concurrency_rejects_a_stale_row_version()
        {
            var id = Beneficiary();
            var read = Service.Retrieve("taz_beneficiary", id, new ColumnSet("taz_name"));
            Service.Update(new Entity("taz_beneficiary", id) { ["taz_district"] = "صبيا" });
            var stale = new Entity("taz_beneficiary", id) { ["taz_name"] = "stale", RowVersion = read.RowVersion };
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                Service.Execute(new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
            Assert.Equal(unchecked((int)0x80060882), fault.Detail.ErrorCode);

            var fresh = Service.Retrieve("taz_beneficiary", id, new ColumnSet("taz_name"));
            Service.Execute(new UpdateRequest { Target = new Entity("taz_beneficiary", id) { ["taz_name"] = "fresh", RowVersion = fresh.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
            Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                Service.Execute(new DeleteRequest { Target = new EntityReference("taz_beneficiary", id) { RowVersion = fresh.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        }

        [Fact]
        public void Rows_from_RetrieveMultiple_carry_the_row_version_for_optimistic_updates()
        {
            var id = Beneficiary();
            var listed = Service.RetrieveMultiple(new QueryExpression("taz_beneficiary") { ColumnSet = new ColumnSet("taz_name") }).Entities.Single();
            Assert.Equal(Service.Retrieve("taz_beneficiary", id, new ColumnSet("taz_name")).RowVersion, listed.RowVersion);
            Service.Execute(new UpdateRequest { Target = new Entity("taz_beneficiary", id) { ["taz_name"] = "x", RowVersion = listed.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.Execute(new UpdateRequest
            {
                Target = new Entity("taz_beneficiary", id) { ["taz_name"] = "y", RowVersion = listed.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            }));
        }

        [Fact]
        public async System.Threading.Tasks.Task Two_concurrent_writers_lose_nothing()
        {
            var counter = Service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "عداد", ["taz_householdsize"] = 1 });
            void Writer(string prefix)
            {
                var service = _emulator.CreateService(_emulator.SystemUserId);
                for (var i = 0; i < 300; i++)
                {
                    service.Create(new Entity("taz_branchoffice") { ["taz_name"] = prefix + i });
                    // read-modify-write guarded by the row version: retry when the other writer got there first
                    while (true)
                    {
                        var row = service.Retrieve("taz_beneficiary", counter, new ColumnSet("taz_householdsize"));
                        var next = new Entity("taz_beneficiary", counter) { ["taz_householdsize"] = Math.Min(50, row.GetAttributeValue<int>("taz_householdsize") + 1), RowVersion = row.RowVersion };
                        try
                        {
                            service.Execute(new UpdateRequest { Target = next, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
                            break;
                        }
                        catch (FaultException<OrganizationServiceFault> f) when (f.Detail.ErrorCode == unchecked((int)0x80060882)) { }
                    }
                }
            }
            await Task.WhenAll(Task.Run(() => Writer("a")), Task.Run(() => Writer("b")));
            Assert.Equal(600, _emulator.Count("taz_branchoffice"));
            Assert.Equal(50, Service.Retrieve("taz_beneficiary", counter, new ColumnSet("taz_householdsize"))["taz_householdsize"]);
        }

        [Fact]
        public void Users_roles_and_environment_variables_are_rows_plugins_can_query()
        {
            var committeeRole = Service.RetrieveMultiple(new QueryExpression("role") { ColumnSet = new ColumnSet("name") })
                .Entities.Single(r => r.GetAttributeValue<string>("name").EndsWith("Committee Member", StringComparison.Ordinal)).Id;
            var member = _emulator.AddUser("عضو لجنة", committeeRole);
            var roles = Service.RetrieveMultiple(new QueryExpression("systemuserroles")
            {
                ColumnSet = new ColumnSet("roleid"),
                Criteria = { Conditions = { new ConditionExpression("systemuserid", ConditionOperator.Equal, member) } },
            });
            // Intersect columns are Uniqueidentifier in Dataverse: the id comes back as a Guid, not an EntityReference.
            Assert.Equal(committeeRole, Assert.IsType<Guid>(roles.Entities.Single()["roleid"]));

            _emulator.SetEnvironmentVariable("taz_CommitteeResponsePeriodDays", "21");
            _emulator.SetEnvironmentVariable("taz_CommitteeResponsePeriodDays", "28");
            var value = Service.RetrieveMultiple(new QueryExpression("environmentvariablevalue") { ColumnSet = new ColumnSet("value", "schemaname") }).Entities.Single();
            Assert.Equal("28", value["value"]);
            Assert.Throws<ArgumentException>(() => _emulator.SetEnvironmentVariable("taz_NoSuchVariable", "1"));
        }
    }
}
