using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities;
using Taazeez.Crm.WorkflowActivities.Notifications;

namespace Taazeez.Crm.Workflows.Tests
{
    /// <summary>The Custom APIs run through the emulator's Execute with their solution definitions and plugin types.</summary>
    public class CustomApiTests
    {
        /// <summary>The fault's detail message (FaultException&lt;OrganizationServiceFault&gt;), read without a compile-time
        /// dependency on System.ServiceModel.</summary>
        private static string FaultMessage(Exception error)
        {
            var detail = error.GetType().GetProperty("Detail")?.GetValue(error);
            return detail?.GetType().GetProperty("Message")?.GetValue(detail) as string ?? error.Message;
        }

        [Theory]
        [PolicyClause("S5")]
        [InlineData("10", 14)]
        [InlineData("30", 30)]
        public void ComputeCommitteeDueDate_applies_the_configured_period_with_the_14_day_floor(string configured, int days)
        {
            var s = new Scenario();
            s.Emulator.SetEnvironmentVariable(EnvironmentSettings.CommitteeResponsePeriodDays, configured);
            var from = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

            var response = s.Service.Execute(new OrganizationRequest("taz_ComputeCommitteeDueDate") { ["FromDate"] = from });

            Assert.Equal(from.AddDays(days), (DateTime)response["DueDate"]);
            Assert.Equal(CommitteeDueDate.HijriTextAr(from.AddDays(days)), (string)response["HijriDueDate"]);
            Assert.Equal(days, (int)response["PeriodDays"]);
        }

        [Fact]
        [PolicyClause("S5")]
        public void ComputeCommitteeDueDate_defaults_to_the_operation_time()
        {
            var s = new Scenario();
            var response = s.Service.Execute(new OrganizationRequest("taz_ComputeCommitteeDueDate"));
            Assert.Equal(s.Now.AddDays(14), (DateTime)response["DueDate"]);
        }

        [Fact]
        [PolicyClause("S3")]
        public void ReferToResearcher_returns_the_researcher_and_the_referral()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            var researcher = s.Researcher("R", branch);
            var request = s.Request(s.Beneficiary(null), branch);

            var response = s.Service.Execute(new OrganizationRequest("taz_ReferToResearcher") { ["SupportRequest"] = request });

            Assert.Equal(researcher, ((EntityReference)response["Researcher"]).Id);
            Assert.Equal(((EntityReference)response["Referral"]).Id,
                Assert.Single(s.Rows(EntityNames.ResearchReferral, "taz_supportrequestid", request.Id)).Id);
        }

        [Fact]
        [PolicyClause("S3")]
        public void Parameters_are_checked_against_the_solution_definitions_before_the_plugin_runs()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            s.Researcher("R", branch);
            var request = s.Request(s.Beneficiary(null), branch);

            var missing = Assert.ThrowsAny<Exception>(() => s.Service.Execute(new OrganizationRequest("taz_ReferToResearcher") { ["Reason"] = "x | x" }));
            var wrongType = Assert.ThrowsAny<Exception>(() =>
                s.Service.Execute(new OrganizationRequest("taz_ReferToResearcher") { ["SupportRequest"] = request.Id }));
            var unknown = Assert.ThrowsAny<Exception>(() =>
                s.Service.Execute(new OrganizationRequest("taz_ReferToResearcher") { ["SupportRequest"] = request, ["Researcher"] = request }));
            var eventAsText = Assert.ThrowsAny<Exception>(() =>
                s.Service.Execute(new OrganizationRequest("taz_NotifyBeneficiary") { ["SupportRequest"] = request, ["Event"] = "Decision" }));

            Assert.Contains("'SupportRequest' is missing", FaultMessage(missing));
            Assert.Contains("expects type EntityReference", FaultMessage(wrongType));
            Assert.Contains("'Researcher' is not a request parameter", FaultMessage(unknown));
            Assert.Contains("expects type Integer", FaultMessage(eventAsText));
            Assert.Empty(s.Rows(EntityNames.ResearchReferral));
            Assert.Empty(s.Rows("task"));
            Assert.Empty(s.Emulator.Traces); // no plugin ran
        }

        [Fact]
        [PolicyClause("S3")]
        public void A_retried_ReferToResearcher_reads_only_and_writes_nothing_the_second_time()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            s.Researcher("A", branch);
            s.Researcher("B", branch);
            var request = s.Request(s.Beneficiary(null), branch);
            var call = new OrganizationRequest("taz_ReferToResearcher") { ["SupportRequest"] = request };

            var first = s.Service.Execute(call);
            var firstWrites = s.Emulator.Calls.Last!.PluginCallMessages.Where(m => m is "Create" or "Update").ToList();
            var retry = s.Service.Execute(call);
            var retryWrites = s.Emulator.Calls.Last!.PluginCallMessages.Where(m => m is "Create" or "Update").ToList();

            Assert.Equal(new[] { "Create", "Create", "Update" }, firstWrites); // referral, task, assignment
            Assert.Empty(retryWrites);
            Assert.Equal(((EntityReference)first["Referral"]).Id, ((EntityReference)retry["Referral"]).Id);
            Assert.Equal(((EntityReference)first["Researcher"]).Id, ((EntityReference)retry["Researcher"]).Id);
            Assert.Single(s.Rows(EntityNames.ResearchReferral, "taz_supportrequestid", request.Id));
            Assert.Single(s.Rows("task", "regardingobjectid", request.Id));
        }

        [Fact]
        [PolicyClause("G0", "S5")]
        public void NotifyBeneficiary_resolves_the_beneficiary_from_the_request_and_writes_once()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var request = s.Request(beneficiary, committeeDueOn: s.Now.AddDays(14));
            var call = new OrganizationRequest("taz_NotifyBeneficiary") { ["SupportRequest"] = request, ["Event"] = (int)NotificationEvent.RequestReceived };

            var first = s.Service.Execute(call);
            var second = s.Service.Execute(call);

            Assert.Equal(ContactMethod.Email, (int)first["ContactMethod"]);
            Assert.Equal(((EntityReference)first["Notification"]).Id, ((EntityReference)second["Notification"]).Id);
            Assert.Single(s.Rows("email"));
        }

        [Fact]
        [PolicyClause("G3")]
        public void A_reconsidered_decision_is_told_again_but_a_retry_is_not()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var request = s.Request(beneficiary, more: r =>
            {
                r["taz_decision"] = new OptionSetValue(826000003);
                r["taz_decisionreasons"] = "نقص المستندات | Missing documents";
                r["taz_decidedon"] = s.Now;
            });
            var call = new OrganizationRequest("taz_NotifyBeneficiary") { ["SupportRequest"] = request, ["Event"] = (int)NotificationEvent.Decision };

            s.Service.Execute(call);
            s.Service.Execute(call);
            Assert.Single(s.Rows("email"));

            s.Emulator.Clock.Advance(TimeSpan.FromDays(20));
            s.Service.Update(new Entity(EntityNames.SupportRequest, request.Id)
            {
                ["taz_decision"] = new OptionSetValue(826000001),
                ["taz_decisionreasons"] = "اكتملت المستندات | Documents completed",
                ["taz_decidedon"] = s.Now,
            });
            s.Service.Execute(call);

            var bodies = s.Rows("email").Select(e => e.GetAttributeValue<string>("description")).ToList();
            Assert.Equal(2, bodies.Count);
            Assert.Single(bodies, b => b.Contains("Documents completed"));
        }

        [Fact]
        public void NotifyBeneficiary_rejects_an_unknown_event_bilingually()
        {
            var s = new Scenario();
            var request = s.Request(s.Beneficiary(ContactMethod.Email));

            var fault = Assert.ThrowsAny<Exception>(() =>
                s.Service.Execute(new OrganizationRequest("taz_NotifyBeneficiary") { ["SupportRequest"] = request, ["Event"] = 99 }));

            Assert.Contains(" | Unknown notification event: 99", FaultMessage(fault));
        }

        [Fact]
        [PolicyClause("G5")]
        public void CreateSatisfactionSurvey_and_SendSurveyReminders_keep_one_survey_per_delivery()
        {
            var s = new Scenario();
            s.Emulator.SetEnvironmentVariable(EnvironmentSettings.SurveyReminderDays, "5");
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var delivery = s.Delivery(s.Request(beneficiary), beneficiary);
            var create = new OrganizationRequest("taz_CreateSatisfactionSurvey") { ["ServiceDelivery"] = delivery };

            var first = (EntityReference)s.Service.Execute(create)["Survey"];
            var second = (EntityReference)s.Service.Execute(create)["Survey"];
            s.Emulator.Clock.Advance(TimeSpan.FromDays(4));
            var early = (int)s.Service.Execute(new OrganizationRequest("taz_SendSurveyReminders"))["RemindersSent"];
            s.Emulator.Clock.Advance(TimeSpan.FromDays(1));
            var due = (int)s.Service.Execute(new OrganizationRequest("taz_SendSurveyReminders"))["RemindersSent"];

            Assert.Equal(first.Id, second.Id);
            Assert.Single(s.Rows(EntityNames.SatisfactionSurvey));
            Assert.Equal(0, early);
            Assert.Equal(1, due);
        }

        [Fact]
        [PolicyClause("S5")]
        public void EscalateOverdueRequests_needs_the_committee_head_and_then_flags_overdue_requests()
        {
            var s = new Scenario();
            s.Request(s.Beneficiary(null), status: EntityNames.StatusAwaitingCommittee, committeeDueOn: s.Now.AddDays(-1));

            var fault = Assert.ThrowsAny<Exception>(() => s.Service.Execute(new OrganizationRequest("taz_EscalateOverdueRequests")));
            Assert.Contains("taz_CommitteeHeadUserId", FaultMessage(fault));

            var head = s.Emulator.AddUser("Head");
            s.Emulator.SetEnvironmentVariable(EnvironmentSettings.CommitteeHeadUserId, head.ToString());
            Assert.Equal(1, (int)s.Service.Execute(new OrganizationRequest("taz_EscalateOverdueRequests"))["Escalated"]);
            Assert.Equal(1, (int)s.Service.Execute(new OrganizationRequest("taz_EscalateOverdueRequests"))["Escalated"]);
            Assert.Equal(head, Assert.Single(s.Rows("task")).GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
