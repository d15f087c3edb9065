using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities;

namespace Taazeez.Crm.Workflows.Tests
{
    public class ReferralTests
    {
        [Fact]
        [PolicyClause("S3")]
        public void Refers_to_the_branch_researcher_with_the_fewest_open_referrals_and_writes_referral_task_and_assignment()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            var other = s.Branch("جازان");
            var busy = s.Researcher("Busy", branch);
            var light = s.Researcher("Light", branch);
            var outsider = s.Researcher("Outsider"); // researcher role but not in this branch
            var beneficiary = s.Beneficiary(null);
            var filler = s.Request(beneficiary, branch);
            s.OpenReferral(busy, branch, filler);
            s.OpenReferral(busy, branch, filler);
            s.OpenReferral(light, other, filler); // other branch: does not count here
            s.OpenReferral(light, other, filler);
            s.OpenReferral(light, other, filler);
            var request = s.Request(beneficiary, branch);

            var outcome = new ResearcherReferral(s.Service, s.Trace).Refer(request, null, s.Now);

            Assert.True(outcome.Created);
            Assert.Equal(light, outcome.Researcher.Id);
            Assert.NotEqual(outsider, outcome.Researcher.Id);
            var referral = Assert.Single(s.Rows(EntityNames.ResearchReferral, "taz_supportrequestid", request.Id));
            Assert.Equal(light, referral.GetAttributeValue<EntityReference>("taz_researcherid").Id);
            Assert.Equal(branch.Id, referral.GetAttributeValue<EntityReference>("taz_branchofficeid").Id);
            Assert.Equal(beneficiary.Id, referral.GetAttributeValue<EntityReference>("taz_beneficiaryid").Id);
            Assert.Equal(s.Now, referral.GetAttributeValue<DateTime>("taz_referredon"));
            var task = Assert.Single(s.Rows("task", "regardingobjectid", request.Id));
            Assert.Equal(light, task.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("|", task.GetAttributeValue<string>("subject"));
            var updated = s.Get(request);
            Assert.Equal(light, updated.GetAttributeValue<EntityReference>("taz_researcherid").Id);
            Assert.Equal(light, updated.GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        [PolicyClause("S3")]
        public void Ties_go_to_the_smaller_user_id_whatever_the_creation_order()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            var ids = new[] { s.Researcher("A", branch), s.Researcher("B", branch), s.Researcher("C", branch) };
            var request = s.Request(s.Beneficiary(null), branch);

            var outcome = new ResearcherReferral(s.Service, s.Trace).Refer(request, "سبب | reason", s.Now);

            Assert.Equal(ids.OrderBy(i => i.ToString("D"), StringComparer.Ordinal).First(), outcome.Researcher.Id);
        }

        [Fact]
        [PolicyClause("S3")]
        public void A_retried_step_does_not_refer_twice()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            s.Researcher("A", branch);
            s.Researcher("B", branch);
            var request = s.Request(s.Beneficiary(null), branch);
            var referral = new ResearcherReferral(s.Service, s.Trace);

            var first = referral.Refer(request, null, s.Now);
            s.Emulator.Clock.Advance(TimeSpan.FromMinutes(5));
            var retry = referral.Refer(request, null, s.Now);

            Assert.False(retry.Created);
            Assert.Equal(first.Researcher.Id, retry.Researcher.Id);
            Assert.Equal(first.Referral.Id, retry.Referral.Id);
            Assert.Single(s.Rows(EntityNames.ResearchReferral, "taz_supportrequestid", request.Id));
            Assert.Single(s.Rows("task", "regardingobjectid", request.Id));
        }

        [Fact]
        [PolicyClause("S3")]
        public void A_step_retried_after_failing_midway_completes_the_task_and_assignment_without_a_second_referral()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            var chosen = s.Researcher("A", branch);
            var request = s.Request(s.Beneficiary(null), branch);
            // The first attempt wrote its referral (under the deterministic id) and failed before the task and the assignment.
            s.Service.Create(new Entity(EntityNames.ResearchReferral, DeterministicId.For("referral|" + request.Id.ToString("D")))
            {
                ["taz_name"] = "first attempt",
                ["taz_supportrequestid"] = request,
                ["taz_researcherid"] = new EntityReference(EntityNames.SystemUser, chosen),
                ["taz_branchofficeid"] = branch,
            });
            s.Researcher("B", branch); // joined since: the retry must keep the researcher the first attempt chose

            var retry = new ResearcherReferral(s.Service, s.Trace).Refer(request, null, s.Now);
            var again = new ResearcherReferral(s.Service, s.Trace).Refer(request, null, s.Now);

            Assert.False(retry.Created);
            Assert.False(again.Created);
            Assert.Equal(chosen, retry.Researcher.Id);
            Assert.Equal("first attempt", Assert.Single(s.Rows(EntityNames.ResearchReferral, "taz_supportrequestid", request.Id)).GetAttributeValue<string>("taz_name"));
            Assert.Equal(chosen, Assert.Single(s.Rows("task", "regardingobjectid", request.Id)).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(chosen, s.Get(request).GetAttributeValue<EntityReference>("taz_researcherid").Id);
            Assert.Contains("already referred", s.Trace.Text);
        }

        [Fact]
        [PolicyClause("S3")]
        public void A_branch_without_its_own_researcher_uses_all_researchers_and_says_so()
        {
            var s = new Scenario();
            var branch = s.Branch("فرسان");
            var only = s.Researcher("Central");
            var request = s.Request(s.Beneficiary(null), branch);

            var outcome = new ResearcherReferral(s.Service, s.Trace).Refer(request, null, s.Now);

            Assert.Equal(only, outcome.Researcher.Id);
            Assert.Contains("no researcher of its own", s.Trace.Text);
        }

        [Fact]
        [PolicyClause("S3")]
        public void Without_any_researcher_the_error_is_bilingual()
        {
            var s = new Scenario();
            var request = s.Request(s.Beneficiary(null), s.Branch("صبيا"));

            var error = Assert.Throws<InvalidPluginExecutionException>(() => new ResearcherReferral(s.Service, s.Trace).Refer(request, null, s.Now));

            Assert.Contains("باحث", error.Message);
            Assert.Contains(" | There is no social researcher", error.Message);
            Assert.Empty(s.Rows(EntityNames.ResearchReferral));
        }
    }
}
