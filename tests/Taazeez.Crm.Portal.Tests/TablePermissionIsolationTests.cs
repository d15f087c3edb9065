using System;
using System.Collections.Generic;
using System.Linq;
using Taazeez.Crm.Portal.Tests.Infrastructure;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Portal.Tests
{
    /// <summary>
    /// The table permissions of Portal/table-permissions, applied the way Power Pages applies contact, self and parental
    /// scope (a filter on the signed-in contact at the end of a link-entity chain through our relationships), run as
    /// FetchXML through the Dataverse emulator's RetrieveMultiple over two families seeded through its service:
    /// a beneficiary reaches every row of their own family and none of the other's, for every privilege.
    /// </summary>
    public class TablePermissionIsolationTests : IClassFixture<EmulatedPortal>
    {
        private static readonly PermissionQueryBuilder Builder = new(PortalSite.Current, SolutionSchema.Current);
        private static readonly string[] SignedInBeneficiary = { "Authenticated Users", "Beneficiary" };
        private static readonly string[] Privileges = { "adx_read", "adx_write", "adx_create", "adx_delete", "adx_append", "adx_appendto" };

        private readonly EmulatedPortal portal;

        public TablePermissionIsolationTests(EmulatedPortal portal) => this.portal = portal;

        public static TheoryData<string, string> TablesAndPrivileges()
        {
            var data = new TheoryData<string, string>();
            foreach (var table in TwoFamilies.Tables)
            {
                foreach (var privilege in Privileges)
                {
                    data.Add(table, privilege);
                }
            }

            return data;
        }

        /// <summary>Global scope never appears here but for create-only permissions (see <see cref="No_permission_is_global_except_create_only_ones"/>):
        /// creating a row through one gives access to no existing row, so it reaches none.</summary>
        private static IReadOnlyList<QueryPlan> ScopedPlans(string table, string privilege, Guid contact, params string[] roles)
        {
            var plans = Builder.PlansFor(table, privilege, contact, roles);
            Assert.All(plans.Where(p => p.Scope == PermissionScope.Global), p => Assert.Equal("adx_create", privilege));
            return plans.Where(p => p.Scope != PermissionScope.Global).ToList();
        }

        [Theory]
        [MemberData(nameof(TablesAndPrivileges))]
        [PolicyClause("G4", "C7")]
        public void A_beneficiary_reaches_all_of_their_own_rows_and_none_of_the_others(string table, string privilege)
        {
            var data = portal.Data;
            foreach (var (me, other) in new[] { (data.ContactA, data.ContactB), (data.ContactB, data.ContactA) })
            {
                var plans = ScopedPlans(table, privilege, me, SignedInBeneficiary);
                var reached = portal.Reached(table, plans, me);
                Assert.Empty(reached.Intersect(data.IdsOf(table, other)));
                if (plans.Count == 0)
                {
                    Assert.Empty(reached);
                    continue;
                }

                Assert.NotEmpty(data.IdsOf(table, me));
                Assert.Equal(data.IdsOf(table, me).OrderBy(g => g), reached.OrderBy(g => g));
            }
        }

        [Theory]
        [InlineData("contact")]
        [InlineData("taz_beneficiary")]
        [InlineData("taz_householdmember")]
        [InlineData("taz_supportrequest")]
        [InlineData("annotation")]
        [InlineData("taz_satisfactionsurvey")]
        [InlineData("taz_portalnotification")]
        [InlineData("taz_feedback")]
        [PolicyClause("G4", "C7")]
        public void The_beneficiary_can_read_their_own_files_documents_surveys_and_notifications(string table)
        {
            // Guards the isolation theory against passing vacuously: these tables must be readable at all.
            Assert.NotEmpty(portal.Reached(table, ScopedPlans(table, "adx_read", portal.Data.ContactA, SignedInBeneficiary), portal.Data.ContactA));
        }

        [Fact]
        [PolicyClause("G4")]
        public void A_row_created_under_the_other_family_is_outside_the_create_scope()
        {
            var fresh = new EmulatedPortal();
            var data = fresh.Data;
            var checkedTables = 0;
            foreach (var table in TwoFamilies.Tables)
            {
                var mine = ScopedPlans(table, "adx_create", data.ContactA, SignedInBeneficiary);
                if (mine.Count == 0 || table == "contact")
                {
                    continue;
                }

                // The same row as one of B's, under a new id: linked into B's chain, as a forged create by A would be.
                var template = data.Rows[table].First(r => data.IdsOf(table, data.ContactB).Contains((Guid)r[table + "id"]!));
                var forged = new Dictionary<string, object?>(template) { [table + "id"] = Guid.NewGuid() };
                var id = fresh.Staff.Create(fresh.ToEntity(table, forged));

                Assert.DoesNotContain(id, fresh.Reached(table, mine, data.ContactA));
                Assert.Contains(id, fresh.Reached(table, ScopedPlans(table, "adx_create", data.ContactB, SignedInBeneficiary), data.ContactB));
                checkedTables++;
            }

            Assert.True(checkedTables >= 4, "expected create permissions on the file, household, requests, documents and feedback");
        }

        [Theory]
        [MemberData(nameof(TablesAndPrivileges))]
        [PolicyClause("G4")]
        public void Anonymous_visitors_reach_no_row(string table, string privilege)
        {
            var plans = ScopedPlans(table, privilege, Guid.Empty, "Anonymous Users");
            Assert.Empty(plans);
            Assert.Empty(portal.Reached(table, plans, Guid.Empty));
        }

        [Fact]
        [PolicyClause("G4")]
        public void No_permission_is_global_except_create_only_ones()
        {
            foreach (var permission in Builder.Permissions)
            {
                var global = (PermissionScope)int.Parse(permission["adx_scope"], System.Globalization.CultureInfo.InvariantCulture) == PermissionScope.Global;
                if (!global)
                {
                    continue;
                }

                foreach (var privilege in Privileges.Where(p => p != "adx_create"))
                {
                    Assert.False(permission.Flag(privilege), permission["adx_entityname"] + " is global and grants " + privilege);
                }
            }
        }

        [Fact]
        [PolicyClause("G5")]
        public void Surveys_are_read_only_by_the_beneficiary_role()
        {
            var contact = portal.Data.ContactA;
            Assert.Empty(Builder.PlansFor("taz_satisfactionsurvey", "adx_read", contact, "Authenticated Users"));
            Assert.NotEmpty(Builder.PlansFor("taz_satisfactionsurvey", "adx_read", contact, "Beneficiary"));
            Assert.Empty(Builder.PlansFor("taz_satisfactionsurvey", "adx_create", contact, SignedInBeneficiary));
            Assert.Empty(Builder.PlansFor("taz_satisfactionsurvey", "adx_delete", contact, SignedInBeneficiary));
            Assert.NotEmpty(Builder.PlansFor("taz_feedback", "adx_create", contact, "Anonymous Users"));
        }

        [Fact]
        public void The_plan_for_documents_joins_request_then_beneficiary_then_the_contact()
        {
            var contact = Guid.NewGuid();
            var xml = Builder.PlansFor("annotation", "adx_read", contact, "Authenticated Users").Single().ToFetchXml().ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            Assert.Equal(
                "<fetch><entity name=\"annotation\"><link-entity name=\"taz_supportrequest\" from=\"taz_supportrequestid\" to=\"objectid\" link-type=\"inner\">"
                + "<link-entity name=\"taz_beneficiary\" from=\"taz_beneficiaryid\" to=\"taz_beneficiaryid\" link-type=\"inner\"><filter>"
                + "<condition attribute=\"taz_portalcontactid\" operator=\"eq\" value=\"" + contact + "\" /></filter></link-entity></link-entity></entity></fetch>",
                xml);
        }
    }
}
