using System;
using System.ServiceModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>S1 "answer every question" through the emulator and the solution's FeedbackPolicy steps: inquiries and
    /// complaints close only once answered, the answer is stamped by the system, website feedback is C7.</summary>
    public class FeedbackPolicyTests
    {
        private const int Inquiry = 826000001, Suggestion = 826000002, Complaint = 826000003, Phone = 826000002, Website = 826000007;
        private static readonly Guid OfficerRole = new Guid("3fc7e7e8-0434-423c-8d8b-2c6a8551e2b7");

        private readonly DataverseEmulator _emulator = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder(), typeof(PluginBase).Assembly);
        private readonly Guid _officer;
        private readonly IOrganizationService _staff;

        public FeedbackPolicyTests()
        {
            _officer = _emulator.AddUser("مسؤول علاقات", OfficerRole);
            _staff = _emulator.CreateService(_officer);
        }

        private Guid Feedback(int type, IOrganizationService? service = null) => (service ?? _staff).Create(new Entity("taz_feedback")
        {
            ["taz_name"] = "موعد صرف المساعدة",
            ["taz_feedbacktype"] = new OptionSetValue(type),
            ["taz_channel"] = new OptionSetValue(Phone),
            ["taz_details"] = "متى تصرف المساعدة الشهرية؟",
        });

        private Entity Read(Guid id) => _staff.Retrieve("taz_feedback", id, new ColumnSet(true));

        private void Close(Guid id) => _staff.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("taz_feedback", id), State = new OptionSetValue(1), Status = new OptionSetValue(2),
        });

        private static void AssertFault(Action save, string key)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(save);
            Assert.Equal(PolicyText.Both(key), fault.Detail.Message);
        }

        [Theory]
        [PolicyClause("S1", "G3")]
        [InlineData(Inquiry)]
        [InlineData(Complaint)]
        public void An_unanswered_inquiry_or_complaint_cannot_be_closed(int type)
        {
            var id = Feedback(type);
            AssertFault(() => Close(id), "S1.AnswerBeforeClosing");
            Assert.Equal(0, Read(id).GetAttributeValue<OptionSetValue>("statecode").Value);

            _emulator.Clock.Advance(TimeSpan.FromHours(3));
            _staff.Update(new Entity("taz_feedback", id) { ["taz_response"] = "تصرف في الأسبوع الأول من كل شهر." });
            Close(id);
            var closed = Read(id);
            Assert.Equal(1, closed.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_officer, closed.GetAttributeValue<EntityReference>("taz_respondedby").Id);
            Assert.Equal(_emulator.Clock.UtcNow, closed.GetAttributeValue<DateTime>("taz_respondedon"));
        }

        [Fact]
        [PolicyClause("S1")]
        public void A_suggestion_may_close_without_a_response_and_an_answer_given_while_closing_is_accepted()
        {
            Close(Feedback(Suggestion));
            var inquiry = Feedback(Inquiry);
            _staff.Update(new Entity("taz_feedback", inquiry)
            {
                ["taz_response"] = "نعم، يمكنك التقديم عبر الموقع.",
                ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2),
            });
            Assert.Equal(1, Read(inquiry).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        [PolicyClause("S1")]
        public void Who_answered_and_when_cannot_be_typed()
        {
            var id = Feedback(Inquiry);
            var someoneElse = _emulator.AddUser("آخر");
            _staff.Update(new Entity("taz_feedback", id)
            {
                ["taz_respondedby"] = new EntityReference("systemuser", someoneElse),
                ["taz_respondedon"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            var row = Read(id);
            Assert.False(row.Contains("taz_respondedby"));
            Assert.False(row.Contains("taz_respondedon"));
        }

        [Fact]
        [PolicyClause("C7", "G3")]
        public void Website_feedback_is_C7_and_the_beneficiary_cannot_write_the_staff_response()
        {
            var contact = _staff.Create(new Entity("contact") { ["lastname"] = "الحازمي" });
            var portal = _emulator.CreatePortalService(contact);
            var id = Feedback(Suggestion, portal);
            Assert.Equal(Website, Read(id).GetAttributeValue<OptionSetValue>("taz_channel").Value);

            AssertFault(() => portal.Create(new Entity("taz_feedback")
            {
                ["taz_name"] = "x", ["taz_feedbacktype"] = new OptionSetValue(Inquiry), ["taz_response"] = "رد من المستفيد",
            }), "S1.ResponseIsStaffs");
            Assert.Equal(1, _emulator.Count("taz_feedback"));
        }

        [Fact]
        [PolicyClause("S1")]
        public void The_feedback_rule_makes_no_service_call()
        {
            var id = Feedback(Inquiry);
            Assert.Equal(0, _emulator.Calls.Last!.PluginCalls);
            _staff.Update(new Entity("taz_feedback", id) { ["taz_response"] = "تم" });
            Assert.Equal(0, _emulator.Calls.Last!.PluginCalls);
        }
    }
}
