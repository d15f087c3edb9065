using System;
using System.Linq;
using Taazeez.Crm.Portal.Tests.Infrastructure;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Portal.Tests
{
    /// <summary>The permission chains, evaluated over two families' rows: a beneficiary reaches all of their own rows and none of the other's.</summary>
    public class TablePermissionIsolationTests
    {
        private static readonly PermissionQueryBuilder Builder = new(PortalSite.Current, SolutionSchema.Current);

        public static TheoryData<string> OwnedTables() => new() { "contact", "taz_beneficiary", "taz_householdmember", "taz_supportrequest", "annotation", "taz_satisfactionsurvey", "taz_portalnotification", "taz_feedback" };

        [Theory]
        [MemberData(nameof(OwnedTables))]
        [PolicyClause("G4", "C7")]
        public void A_beneficiary_reads_exactly_their_own_rows(string table)
        {
            var data = new TwoFamilies();
            foreach (var (me, other) in new[] { (data.ContactA, data.ContactB), (data.ContactB, data.ContactA) })
            {
                var plans = Builder.PlansFor(table, "adx_read", me, "Authenticated Users", "Beneficiary");
                Assert.NotEmpty(plans);
                Assert.DoesNotContain(plans, p => p.IsUnrestricted);
                var reached = data.AsTables[table].Where(row => plans.Any(p => PermissionQueryBuilder.Matches(p, row, data.AsTables))).Select(r => (Guid)r[table + "id"]!).ToHashSet();
                Assert.Equal(data.IdsOf(table, me).OrderBy(g => g), reached.OrderBy(g => g));
                Assert.Empty(reached.Intersect(data.IdsOf(table, other)));
            }
        }

        [Fact]
        [PolicyClause("G5")]
        public void Surveys_are_read_only_by_the_beneficiary_role_and_anonymous_visitors_read_nothing()
        {
            var contact = Guid.NewGuid();
            Assert.Empty(Builder.PlansFor("taz_satisfactionsurvey", "adx_read", contact, "Authenticated Users"));
            Assert.NotEmpty(Builder.PlansFor("taz_satisfactionsurvey", "adx_read", contact, "Beneficiary"));
            foreach (var table in TwoFamilies.Tables)
            {
                Assert.Empty(Builder.PlansFor(table, "adx_read", contact, "Anonymous Users"));
                Assert.Empty(Builder.PlansFor(table, "adx_write", contact, "Anonymous Users"));
            }

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
