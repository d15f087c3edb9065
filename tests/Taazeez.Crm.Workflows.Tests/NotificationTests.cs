using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities;
using Taazeez.Crm.WorkflowActivities.Notifications;

namespace Taazeez.Crm.Workflows.Tests
{
    public class NotificationTests
    {
        private static NotificationOutcome Notify(Scenario s, NotificationEvent e, EntityReference beneficiary, EntityReference? request) =>
            new BeneficiaryNotifier(s.Service, s.Trace).Notify(e, beneficiary, request,
                NotificationTargets.DefaultEventKey(e, beneficiary, request), s.Now);

        [Fact]
        [PolicyClause("G0", "S5")]
        public void Request_received_goes_by_email_with_the_expected_decision_date_in_both_calendars_and_only_once()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var due = new DateTime(2026, 12, 9, 8, 0, 0, DateTimeKind.Utc);
            var request = s.Request(beneficiary, committeeDueOn: due);

            var first = Notify(s, NotificationEvent.RequestReceived, beneficiary, request);
            var retry = Notify(s, NotificationEvent.RequestReceived, beneficiary, request);

            Assert.True(first.Created);
            Assert.False(retry.Created);
            Assert.Equal(first.Row!.Id, retry.Row!.Id);
            var email = Assert.Single(s.Rows("email"));
            var body = email.GetAttributeValue<string>("description");
            Assert.Contains("2026-12-09", body);
            Assert.Contains(CommitteeDueDate.HijriTextAr(due), body);
            Assert.Contains("فاطمة أحمد", body);
            Assert.Contains("Dear فاطمة أحمد", body);
            Assert.DoesNotContain("{", body);
            Assert.Equal(request.Id, email.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            var to = email.GetAttributeValue<EntityCollection>("to");
            Assert.Equal("fatima@example.sa", Assert.Single(to.Entities).GetAttributeValue<string>("addressused"));
        }

        [Fact]
        [PolicyClause("G0")]
        public void Sms_is_recorded_by_the_default_provider_and_not_sent()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Sms);
            var request = s.Request(beneficiary);

            var outcome = Notify(s, NotificationEvent.RegistrationCompleted, beneficiary, request);

            Assert.Equal(ContactMethod.Sms, outcome.ContactMethod);
            var sms = Assert.Single(s.Rows(EntityNames.SmsMessage));
            Assert.Equal("+966512345678", sms.GetAttributeValue<string>("taz_mobile"));
            Assert.Equal(RecordOnlySmsProvider.ProviderName, sms.GetAttributeValue<string>("taz_provider"));
            Assert.Equal(RecordOnlySmsProvider.RecordedStatus, sms.GetAttributeValue<string>("taz_deliverystatus"));
            Assert.Null(sms.GetAttributeValue<string>("taz_providermessageid"));
        }

        [Fact]
        [PolicyClause("G0")]
        public void A_missing_mobile_falls_back_to_the_next_method_and_the_fallback_is_traced()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Sms, mobile: null);
            var request = s.Request(beneficiary);

            var outcome = Notify(s, NotificationEvent.RegistrationCompleted, beneficiary, request);

            Assert.Equal(ContactMethod.Email, outcome.ContactMethod);
            Assert.Contains("SMS skipped: no mobile number", Assert.Single(outcome.Fallbacks));
            Assert.Contains("SMS skipped: no mobile number", s.Trace.Text);
            Assert.Empty(s.Rows(EntityNames.SmsMessage));
            Assert.Single(s.Rows("email"));
        }

        [Fact]
        [PolicyClause("G0")]
        public void Portal_notification_and_printable_letter_carry_the_message()
        {
            var s = new Scenario();
            var portalUser = s.Beneficiary(ContactMethod.PortalNotification, portalContact: s.PortalContact());
            var request = s.Request(portalUser);
            Notify(s, NotificationEvent.RegistrationCompleted, portalUser, request);
            var note = Assert.Single(s.Rows(EntityNames.PortalNotification));
            Assert.Equal(portalUser.Id, note.GetAttributeValue<EntityReference>("taz_beneficiaryid").Id);
            Assert.Equal(request.Id, note.GetAttributeValue<EntityReference>("taz_supportrequestid").Id);
            Assert.Equal(nameof(NotificationEvent.RegistrationCompleted), note.GetAttributeValue<string>("taz_event"));
            Assert.Contains("اكتمل تسجيل", note.GetAttributeValue<string>("taz_body"));

            var byLetter = s.Beneficiary(ContactMethod.Letter);
            var second = s.Request(byLetter);
            Notify(s, NotificationEvent.RegistrationCompleted, byLetter, second);
            var letter = Assert.Single(s.Rows("letter"));
            var printable = letter.GetAttributeValue<string>("description");
            Assert.Contains("حي الروضة، جازان", printable);
            Assert.Contains(CommitteeDueDate.HijriTextAr(s.Now), printable);
            Assert.Contains("Date: " + CommitteeDueDate.GregorianText(s.Now), printable);
        }

        [Fact]
        [PolicyClause("G3")]
        public void Decision_notification_states_the_decision_and_its_reasons()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var request = s.Request(beneficiary, more: r =>
            {
                r["taz_decision"] = new OptionSetValue(826000003);
                r["taz_decisionreasons"] = "الدخل يتجاوز حد الكفاية | Income above the sufficiency threshold";
            });

            Notify(s, NotificationEvent.Decision, beneficiary, request);

            var body = Assert.Single(s.Rows("email")).GetAttributeValue<string>("description");
            Assert.Contains("رفض", body);
            Assert.Contains("Rejected", body);
            Assert.Contains("Income above the sufficiency threshold", body);
        }

        [Fact]
        [PolicyClause("G0")]
        public void Without_any_contact_detail_nothing_is_written_and_the_reason_is_traced()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email, mobile: null, email: null, address: null);
            var request = s.Request(beneficiary);

            var outcome = Notify(s, NotificationEvent.RegistrationCompleted, beneficiary, request);

            Assert.Equal(0, outcome.ContactMethod);
            Assert.Null(outcome.Row);
            Assert.Equal(5, outcome.Fallbacks.Count);
            Assert.Contains("no usable contact details", s.Trace.Text);
            Assert.Empty(s.Rows("email"));
        }

        [Fact]
        public void A_decision_without_its_values_fails_with_a_bilingual_message()
        {
            var s = new Scenario();
            var beneficiary = s.Beneficiary(ContactMethod.Email);
            var request = s.Request(beneficiary); // no decision yet

            var error = Assert.Throws<InvalidPluginExecutionException>(() => Notify(s, NotificationEvent.Decision, beneficiary, request));

            Assert.Contains("DecisionAr", error.Message);
            Assert.Contains(" | Missing values", error.Message);
            Assert.Empty(s.Rows("email"));
        }
    }
}
