using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities;
using Taazeez.Crm.WorkflowActivities.Notifications;

namespace Taazeez.Crm.Workflows.Tests
{
    public class SurveyTests
    {
        [Fact]
        [PolicyClause("G5")]
        public void One_survey_and_one_invitation_per_delivery_even_when_retried()
        {
            var s = new Scenario();
            var branch = s.Branch("صبيا");
            var researcher = s.Researcher("R", branch);
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var request = s.Request(beneficiary, branch, more: r => r["taz_researcherid"] = new EntityReference(EntityNames.SystemUser, researcher));
            var delivery = s.Delivery(request, beneficiary);
            var surveys = new SatisfactionSurveys(s.Service, s.Trace);

            var first = surveys.CreateForDelivery(delivery, s.Now);
            s.Emulator.Clock.Advance(TimeSpan.FromMinutes(1));
            var retry = surveys.CreateForDelivery(delivery, s.Now);

            Assert.Equal(first.Id, retry.Id);
            var survey = Assert.Single(s.Rows(EntityNames.SatisfactionSurvey));
            Assert.Equal(delivery.Id, survey.GetAttributeValue<EntityReference>("taz_servicedeliveryid").Id);
            Assert.Equal(request.Id, survey.GetAttributeValue<EntityReference>("taz_supportrequestid").Id);
            Assert.Equal(researcher, survey.GetAttributeValue<EntityReference>("taz_researcherid").Id);
            Assert.Equal(Scenario.Start, survey.GetAttributeValue<DateTime>("taz_invitedon"));
            foreach (var score in new[] { "taz_courtesyscore", "taz_clarityscore", "taz_speedscore", "taz_overallscore", "taz_recommendscore" })
                Assert.False(survey.Contains(score)); // rating is optional: nothing is pre-filled
            var invitation = Assert.Single(s.Rows("email"));
            Assert.Contains(survey.GetAttributeValue<string>("taz_name"), invitation.GetAttributeValue<string>("description"));
        }

        [Fact]
        [PolicyClause("G5")]
        public void The_reminder_goes_once_after_the_configured_days()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Sms);
            var request = s.Request(beneficiary);
            var surveys = new SatisfactionSurveys(s.Service, s.Trace);
            var survey = surveys.CreateForDelivery(s.Delivery(request, beneficiary), s.Now);

            s.Emulator.Clock.Advance(TimeSpan.FromDays(2));
            Assert.False(surveys.RemindIfDue(survey, s.Now, 3));
            Assert.Equal(0, surveys.SendDueReminders(s.Now, 3));

            s.Emulator.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(1, surveys.SendDueReminders(s.Now, 3));
            Assert.False(surveys.RemindIfDue(survey, s.Now, 3));
            Assert.Equal(0, surveys.SendDueReminders(s.Now, 3));

            var row = s.Get(survey);
            Assert.Equal(s.Now, row.GetAttributeValue<DateTime>("taz_remindedon"));
            Assert.Equal(EntityNames.SurveyReminded, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            var texts = s.Rows(EntityNames.SmsMessage).Select(m => m.GetAttributeValue<string>("description")).ToList();
            Assert.Equal(2, texts.Count); // invitation + one reminder
            Assert.Single(texts, t => t.Contains("نذكركم"));
        }

        [Fact]
        [PolicyClause("G5")]
        public void An_answered_survey_gets_no_reminder()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var surveys = new SatisfactionSurveys(s.Service, s.Trace);
            var survey = surveys.CreateForDelivery(s.Delivery(s.Request(beneficiary), beneficiary), s.Now);
            s.Service.Update(new Entity(EntityNames.SatisfactionSurvey, survey.Id) { ["taz_comment"] = "شكرا", ["taz_respondedon"] = s.Now });

            s.Emulator.Clock.Advance(TimeSpan.FromDays(10));

            Assert.False(surveys.RemindIfDue(survey, s.Now, 3));
            Assert.Single(s.Rows("email"));
        }

        [Fact]
        [PolicyClause("G6b")]
        public void Surveys_never_touch_the_beneficiary_file()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var before = s.Get(beneficiary);
            var surveys = new SatisfactionSurveys(s.Service, s.Trace);
            var survey = surveys.CreateForDelivery(s.Delivery(s.Request(beneficiary), beneficiary), s.Now);
            s.Emulator.Clock.Advance(TimeSpan.FromDays(4));
            surveys.SendDueReminders(s.Now, 3);
            s.Service.Update(new Entity(EntityNames.SatisfactionSurvey, survey.Id) { ["taz_overallscore"] = 1, ["taz_respondedon"] = s.Now });

            var after = s.Get(beneficiary);

            Assert.Equal(before.Attributes.Count, after.Attributes.Count);
            foreach (var pair in before.Attributes)
                Assert.Equal(Show(pair.Value), Show(after[pair.Key]));
        }

        private static string Show(object? value) => value switch
        {
            EntityReference r => r.LogicalName + ":" + r.Id,
            OptionSetValue o => o.Value.ToString(),
            Money m => m.Value.ToString(),
            null => "null",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
    }
}
