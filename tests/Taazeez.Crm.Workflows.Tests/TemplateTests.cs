using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities.Notifications;

namespace Taazeez.Crm.Workflows.Tests
{
    public class TemplateTests
    {
        /// <summary>Every placeholder a template may use, with a sample value. The code fills exactly these
        /// (NotificationValues, BeneficiaryNotifier, SatisfactionSurveys, OverdueEscalation).</summary>
        private static readonly Dictionary<string, string> Sample = new Dictionary<string, string>
        {
            ["BeneficiaryName"] = "فاطمة أحمد",
            ["RequestNumber"] = "SR-2026-000042",
            ["ExpectedDecisionDate"] = "2026-12-09",
            ["ExpectedDecisionDateHijri"] = "18 جمادى الآخرة 1448 هـ",
            ["ExpectedDecisionDateHijriEn"] = "18 Jumada al-Akhirah 1448 AH",
            ["ResearcherName"] = "سارة علي",
            ["DecisionAr"] = "موافقة",
            ["DecisionEn"] = "Approved",
            ["Reasons"] = "الدخل أقل من حد الكفاية",
            ["DeliveredOn"] = "2026-12-20",
            ["SurveyNumber"] = "استبيان DLV-7 | Survey DLV-7",
            ["DueDate"] = "2026-12-09",
            ["DueDateHijri"] = "18 جمادى الآخرة 1448 هـ",
            ["DueDateHijriEn"] = "18 Jumada al-Akhirah 1448 AH",
            ["DaysOverdue"] = "3",
        };

        public static IEnumerable<object[]> Events() => Enum.GetValues(typeof(NotificationEvent)).Cast<NotificationEvent>().Select(e => new object[] { e });

        [Theory]
        [MemberData(nameof(Events))]
        [PolicyClause("G0", "G3", "S5")]
        public void Every_event_renders_in_Arabic_and_English_with_no_placeholder_left(NotificationEvent @event)
        {
            var template = NotificationTemplates.For(@event);
            var message = TemplateRenderer.Render(template, Sample);

            foreach (var text in new[] { message.TitleAr, message.BodyAr, message.TitleEn, message.BodyEn })
            {
                Assert.False(string.IsNullOrWhiteSpace(text));
                Assert.DoesNotContain("{", text);
                Assert.DoesNotContain("}", text);
            }
            Assert.Contains(message.BodyAr, c => c >= '\u0600' && c <= '\u06FF');
            Assert.Contains(message.TitleAr, c => c >= '\u0600' && c <= '\u06FF');
            Assert.DoesNotContain(message.BodyEn, c => c >= '\u0600' && c <= '\u06FF' && !Sample.Values.Any(v => v.Contains(c)));
            Assert.StartsWith(message.BodyAr, message.Body, StringComparison.Ordinal); // Arabic first
            Assert.EndsWith(message.BodyEn, message.Body, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Events))]
        public void Templates_only_use_placeholders_the_code_fills(NotificationEvent @event)
        {
            var unknown = TemplateRenderer.PlaceholdersOf(NotificationTemplates.For(@event)).Where(p => !Sample.ContainsKey(p)).ToList();
            Assert.Empty(unknown);
        }

        [Theory]
        [MemberData(nameof(Events))]
        public void A_missing_value_fails_instead_of_sending_a_raw_placeholder(NotificationEvent @event)
        {
            var template = NotificationTemplates.For(@event);
            foreach (var name in TemplateRenderer.PlaceholdersOf(template))
            {
                var values = new Dictionary<string, string>(Sample);
                values.Remove(name);
                var error = Assert.Throws<InvalidPluginExecutionException>(() => TemplateRenderer.Render(template, values));
                Assert.Contains(name, error.Message);
                Assert.Contains(" | ", error.Message); // "<Arabic> | <English>"
            }
        }

        [Fact]
        [PolicyClause("G3")]
        public void Decision_message_carries_the_reasons_in_both_languages()
        {
            var message = TemplateRenderer.Render(NotificationTemplates.For(NotificationEvent.Decision), Sample);
            Assert.Contains("الدخل أقل من حد الكفاية", message.BodyAr);
            Assert.Contains("الدخل أقل من حد الكفاية", message.BodyEn);
            Assert.Contains("موافقة", message.BodyAr);
            Assert.Contains("Approved", message.BodyEn);
        }

        [Fact]
        [PolicyClause("G5", "G6b")]
        public void Survey_texts_say_taking_part_is_optional_and_never_affects_the_file()
        {
            foreach (var e in new[] { NotificationEvent.SurveyInvitation, NotificationEvent.SurveyReminder })
            {
                var message = TemplateRenderer.Render(NotificationTemplates.For(e), Sample);
                Assert.Contains("اختيارية", message.BodyAr);
                Assert.Contains("never affects your file", message.BodyEn);
            }
        }

        [Fact]
        public void Contact_methods_fall_back_in_data_model_order_starting_at_the_preferred_one()
        {
            Assert.Equal(
                new[] { ContactMethod.Email, ContactMethod.PortalNotification, ContactMethod.Letter, ContactMethod.PhoneCall, ContactMethod.Sms },
                ContactMethod.AttemptOrder(ContactMethod.Email).ToArray());
            Assert.Equal(ContactMethod.FallbackOrder, ContactMethod.AttemptOrder(null).ToArray());
            Assert.Equal(ContactMethod.FallbackOrder, ContactMethod.AttemptOrder(123).ToArray());
        }
    }
}
