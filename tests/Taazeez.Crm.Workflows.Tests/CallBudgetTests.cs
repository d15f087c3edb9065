using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities;
using Taazeez.Crm.WorkflowActivities.Notifications;

namespace Taazeez.Crm.Workflows.Tests
{
    /// <summary>The service calls each Custom API makes per journey (issue 8): one query on the primary key answers for
    /// the related rows and for "did a previous attempt write this already", so a retry still writes nothing twice.</summary>
    public class CallBudgetTests
    {
        private static string[] PluginCalls(Scenario s) => s.Emulator.Calls.Last!.PluginCallMessages.ToArray();

        [Fact]
        [PolicyClause("G0")]
        public void A_notification_is_one_query_and_one_create_and_its_retry_one_query()
        {
            var s = new Scenario();
            var researcher = s.Researcher("Researcher Hind");
            var request = s.Request(s.Beneficiary(ContactMethod.Sms), more: r => r["taz_researcherid"] = new EntityReference(EntityNames.SystemUser, researcher));
            var call = new OrganizationRequest("taz_NotifyBeneficiary") { ["SupportRequest"] = request, ["Event"] = (int)NotificationEvent.ReferredToResearch };

            s.Service.Execute(call);
            Assert.Equal(new[] { "RetrieveMultiple", "Create" }, PluginCalls(s));
            Assert.Contains("Researcher Hind", Assert.Single(s.Rows(EntityNames.SmsMessage)).GetAttributeValue<string>("description")); // linked name

            s.Service.Execute(call);
            Assert.Equal(new[] { "RetrieveMultiple" }, PluginCalls(s));
            Assert.Single(s.Rows(EntityNames.SmsMessage));
        }

        [Fact]
        [PolicyClause("G0")]
        public void A_retry_finds_the_notification_in_whichever_channel_table_the_first_attempt_used()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Letter);
            var request = s.Request(beneficiary);
            var notifier = new BeneficiaryNotifier(s.Service, s.Trace);
            var key = NotificationTargets.DefaultEventKey(NotificationEvent.RegistrationCompleted, beneficiary, request);

            var first = notifier.Notify(NotificationEvent.RegistrationCompleted, beneficiary, request, key, s.Now);
            // The beneficiary changes their contact method before the step is retried.
            s.Service.Update(new Entity(EntityNames.Beneficiary, beneficiary.Id) { ["taz_contactmethod"] = new OptionSetValue(ContactMethod.Email) });
            var retry = notifier.Notify(NotificationEvent.RegistrationCompleted, beneficiary, request, key, s.Now);

            Assert.Equal(ContactMethod.Letter, first.ContactMethod);
            Assert.False(retry.Created);
            Assert.Equal(first.Row!.LogicalName, retry.Row!.LogicalName);
            Assert.Equal(first.Row.Id, retry.Row.Id);
            Assert.Single(s.Rows("letter"));
            Assert.Empty(s.Rows("email"));
        }

        [Fact]
        [PolicyClause("G0")]
        public void A_notification_without_a_request_is_found_again_on_retry()
        {
            var s = new Scenario();
            var portalUser = s.Beneficiary(ContactMethod.PortalNotification, portalContact: s.PortalContact());
            var notifier = new BeneficiaryNotifier(s.Service, s.Trace);
            var values = new System.Collections.Generic.Dictionary<string, string> { ["SurveyNumber"] = "S-1", ["RequestNumber"] = "SR-1" };

            var first = notifier.Notify(NotificationEvent.SurveyReminder, portalUser, null, "reminder|x", s.Now, values);
            var retry = notifier.Notify(NotificationEvent.SurveyReminder, portalUser, null, "reminder|x", s.Now, values);

            Assert.True(first.Created);
            Assert.False(retry.Created);
            Assert.Equal(first.Row!.Id, retry.Row!.Id);
            Assert.Single(s.Rows(EntityNames.PortalNotification));
        }

        [Fact]
        [PolicyClause("S3")]
        public void A_referral_in_a_branch_with_one_researcher_needs_no_count()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            var only = s.Researcher("A", branch);
            s.Researcher("Elsewhere", s.Branch("جازان"));
            var request = s.Request(s.Beneficiary(null), branch);

            var response = s.Service.Execute(new OrganizationRequest("taz_ReferToResearcher") { ["SupportRequest"] = request });

            Assert.Equal(only, ((EntityReference)response["Researcher"]).Id);
            // the request with its branch's researchers, referral and task; then referral, task, assignment
            Assert.Equal(new[] { "RetrieveMultiple", "Create", "Create", "Update" }, PluginCalls(s));
        }

        [Fact]
        [PolicyClause("S3")]
        public void A_branch_representative_without_the_researcher_role_is_never_chosen()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            var officerRole = new Guid("3fc7e7e8-0434-423c-8d8b-2c6a8551e2b7");
            var representative = s.Emulator.AddUser("Representative", officerRole);
            s.Service.Associate(EntityNames.BranchOffice, branch.Id, new Relationship("taz_branchoffice_representative"),
                new EntityReferenceCollection { new EntityReference(EntityNames.SystemUser, representative) });
            var researchers = new[] { s.Researcher("A", branch), s.Researcher("B", branch) };
            var beneficiary = s.Beneficiary(null);
            var filler = s.Request(beneficiary, branch);
            foreach (var researcher in researchers) s.OpenReferral(researcher, branch, filler); // the representative would have fewest
            var request = s.Request(beneficiary, branch);

            var response = s.Service.Execute(new OrganizationRequest("taz_ReferToResearcher") { ["SupportRequest"] = request });

            Assert.Contains(((EntityReference)response["Researcher"]).Id, researchers);
            // two researchers of the branch: their open referrals are counted
            Assert.Equal(new[] { "RetrieveMultiple", "RetrieveMultiple", "Create", "Create", "Update" }, PluginCalls(s));
        }

        [Fact]
        [PolicyClause("G5")]
        public void A_survey_and_its_invitation_take_two_queries_and_two_creates()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var delivery = s.Delivery(s.Request(beneficiary), beneficiary);
            var call = new OrganizationRequest("taz_CreateSatisfactionSurvey") { ["ServiceDelivery"] = delivery };

            var first = s.Service.Execute(call);
            Assert.Equal(new[] { "RetrieveMultiple", "Create", "RetrieveMultiple", "Create" }, PluginCalls(s));
            var retry = s.Service.Execute(call);
            Assert.Equal(new[] { "RetrieveMultiple", "RetrieveMultiple" }, PluginCalls(s));

            Assert.Equal(((EntityReference)first["Survey"]).Id, ((EntityReference)retry["Survey"]).Id);
            Assert.Single(s.Rows(EntityNames.SatisfactionSurvey));
            Assert.Single(s.Rows("email"));
        }

        [Fact]
        [PolicyClause("S5")]
        public void The_escalation_sweep_asks_once_per_page_which_tasks_exist()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(null);
            for (var i = 0; i < 3; i++)
                s.Request(beneficiary, status: EntityNames.StatusAwaitingCommittee, committeeDueOn: s.Now.AddDays(-3 - i), more: r => r["taz_supporttype"] = new OptionSetValue(826000001 + i));
            var head = s.Researcher("Head");
            var escalation = new OverdueEscalation(s.Service, s.Trace);

            Assert.Equal(3, escalation.EscalateAll(head, s.Now).Count);
            s.Emulator.Calls.Clear();
            var again = escalation.EscalateAll(head, s.Now.AddHours(1));

            Assert.Equal(3, again.Count);
            Assert.Equal(new[] { "RetrieveMultiple", "RetrieveMultiple" }, s.Emulator.Calls.Requests.Select(c => c.Message).ToArray()); // the page, its tasks
            Assert.Equal(3, s.Rows("task").Count);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Requests_escalated_on_earlier_days_do_not_hide_a_newly_overdue_one()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(null);
            var head = s.Researcher("Head");
            var escalation = new OverdueEscalation(s.Service, s.Trace);
            // More still-pending, already escalated requests than one page holds, all overdue for longer.
            for (var i = 0; i < 520; i++)
                s.Request(beneficiary, status: EntityNames.StatusAwaitingCommittee, committeeDueOn: s.Now.AddDays(-30));
            Assert.Equal(520, escalation.EscalateAll(head, s.Now).Count);
            var fresh = s.Request(beneficiary, status: EntityNames.StatusAwaitingCommittee, committeeDueOn: s.Now.AddHours(1));

            s.Emulator.Clock.Advance(TimeSpan.FromDays(1));
            var tasks = escalation.EscalateAll(head, s.Now);

            Assert.Equal(521, tasks.Count);
            Assert.Single(s.Rows("task", "regardingobjectid", fresh.Id));
            Assert.Equal(521, s.Rows("task").Count);
        }
    }
}
