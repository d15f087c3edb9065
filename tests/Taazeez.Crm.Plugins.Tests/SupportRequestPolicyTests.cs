using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using static Taazeez.Crm.Plugins.Tests.RequestFlow;

namespace Taazeez.Crm.Plugins.Tests
{
    public class SupportRequestPolicyTests
    {
        private const int Draft = 1, Submitted = 826000001, UnderVerification = 826000002, AwaitingCommittee = 826000004;
        private const int Approved = 826000005, PartiallyApproved = 826000006, Rejected = 826000007, RegistrationCompleted = 826000008, ServiceDelivered = 826000009, Closed = 2;

        private static Exception Refused(Action save) => Assert.IsType<InvalidPluginExecutionException>(Record.Exception(save));

        // ---- Channel (C1–C8, C7) ----

        [Fact]
        [PolicyClause("C1", "C8")]
        public void Staff_request_carries_one_of_the_eight_channels()
        {
            var flow = new RequestFlow();
            flow.Create(flow.DraftData());
            Assert.Equal(C1, flow.Row.GetAttributeValue<OptionSetValue>("taz_channel").Value);

            var noChannel = flow.DraftData();
            noChannel.Attributes.Remove("taz_channel");
            PolicyText.AssertMessage(Refused(() => new RequestFlow().Create(noChannel)), "C.ChannelRequired");
            var outside = flow.DraftData();
            outside["taz_channel"] = new OptionSetValue(826000009);
            PolicyText.AssertMessage(Refused(() => new RequestFlow().Create(outside)), "C.ChannelRequired");
        }

        [Fact]
        [PolicyClause("C7", "S2")]
        public void Portal_request_gets_C7_and_stays_awaiting_the_officers_verification()
        {
            var flow = new RequestFlow();
            var application = flow.DraftData();
            application["taz_channel"] = new OptionSetValue(826000003);
            application["taz_dataverified"] = true;
            application["taz_verifiedby"] = new EntityReference("systemuser", Guid.NewGuid());
            application["taz_declarationsigned"] = true;
            application["taz_declarationsignedby"] = "فاطمة أحمد";
            application["taz_declarationversion"] = "2024.1";
            application["taz_declarationsignedon"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            flow.Create(application, portal: true);

            Assert.Equal(C7, flow.Row.GetAttributeValue<OptionSetValue>("taz_channel").Value);
            Assert.Equal(UnderVerification, flow.StatusNow);
            Assert.False(flow.Row.GetAttributeValue<bool>("taz_dataverified"));
            Assert.Null(flow.Row.GetAttributeValue<EntityReference>("taz_verifiedby"));
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_submittedon"));
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_declarationsignedon"));
            Assert.False(flow.Row.Contains("taz_committeedueon"));
            Assert.Equal(1, flow.LastCalls); // the duplicate check only
        }

        // ---- S2 data and duplicates ----

        [Fact]
        [PolicyClause("S2")]
        public void Negative_amount_is_rejected_and_zero_accepted_for_in_kind_support()
        {
            PolicyText.AssertMessage(Refused(() => { var f = new RequestFlow(); f.Create(f.DraftData(amount: -5m)); }), "S2.AmountNegative");
            var flow = new RequestFlow();
            flow.Create(flow.DraftData(FoodBasket, 0m));
        }

        [Fact]
        [PolicyClause("S2")]
        public void Second_open_request_of_the_same_type_is_rejected_with_the_open_requests_number()
        {
            var flow = new RequestFlow();
            flow.Service.Add(new Entity("taz_supportrequest", Guid.NewGuid())
            {
                ["taz_name"] = "SR-2026-000042",
                ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", flow.BeneficiaryId),
                ["taz_supporttype"] = new OptionSetValue(FinancialAid),
                ["statuscode"] = new OptionSetValue(AwaitingCommittee),
            });
            PolicyText.AssertMessage(Refused(() => flow.Create(flow.DraftData())), "S2.DuplicateOpenRequest", "SR-2026-000042");

            // another support type, or a closed request of the same type, is no duplicate
            flow.Create(flow.DraftData(FoodBasket, null));
            var other = new RequestFlow();
            other.Service.Add(new Entity("taz_supportrequest", Guid.NewGuid())
            {
                ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", other.BeneficiaryId),
                ["taz_supporttype"] = new OptionSetValue(FinancialAid),
                ["statuscode"] = new OptionSetValue(Closed),
            });
            other.Create(other.DraftData());
        }

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Submission_requires_the_fields_of_the_support_type()
        {
            var noAmount = new RequestFlow();
            PolicyText.AssertMessage(Refused(() => noAmount.Submitted(FinancialAid, null)), "S2.AmountRequired");
            var inKind = new RequestFlow().Submitted(FoodBasket, null);
            Assert.Equal(Submitted, inKind.StatusNow);

            var noDescription = new RequestFlow();
            var draft = noDescription.DraftData();
            draft["taz_description"] = "  ";
            draft["taz_declarationsigned"] = true;
            draft["taz_declarationsignedby"] = "فاطمة أحمد";
            draft["taz_declarationversion"] = "2024.1";
            draft["taz_dataverified"] = true;
            noDescription.Create(draft);
            PolicyText.AssertMessage(Refused(() => noDescription.Update(noDescription.Change(Status(Submitted)))), "S2.DescriptionRequired");
        }

        [Fact]
        [PolicyClause("S2")]
        public void Amount_above_the_support_types_ceiling_is_rejected_at_submission()
        {
            PolicyText.AssertMessage(Refused(() => new RequestFlow(ceilings: "{\"826000001\":2500}").Submitted()), "S2.AmountAboveCeiling", "2500");
            Assert.Equal(Submitted, new RequestFlow(ceilings: "{\"826000001\": 3000, \"826000003\": 12000}").Submitted().StatusNow);
        }

        // ---- S2 verification stamp ----

        [Fact]
        [PolicyClause("S2")]
        public void Verification_stamp_is_the_caller_and_the_operation_time_never_the_typed_values()
        {
            var flow = new RequestFlow();
            var draft = flow.DraftData();
            draft["taz_dataverified"] = true;
            draft["taz_verifiedby"] = new EntityReference("systemuser", Guid.NewGuid());
            draft["taz_verifiedon"] = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            flow.Create(draft);
            Assert.Equal(flow.Officer, flow.Row.GetAttributeValue<EntityReference>("taz_verifiedby").Id);
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_verifiedon"));
            Assert.Contains(flow.Last!.Trace, line => line.Contains("taz_verifiedon: set by the system only"));

            // typing a stamp later changes nothing
            var forged = Guid.NewGuid();
            flow.Update(flow.Change(("taz_verifiedby", new EntityReference("systemuser", forged))));
            Assert.Equal(flow.Officer, flow.Row.GetAttributeValue<EntityReference>("taz_verifiedby").Id);
        }

        [Fact]
        [PolicyClause("S2")]
        public void Submission_without_the_officers_verification_is_rejected()
        {
            var flow = new RequestFlow();
            var draft = flow.DraftData();
            draft["taz_declarationsigned"] = true;
            draft["taz_declarationsignedby"] = "فاطمة أحمد";
            draft["taz_declarationversion"] = "2024.1";
            flow.Create(draft);
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(Submitted)))), "S2.VerificationRequired");
            flow.Update(flow.Change(Status(Submitted), ("taz_dataverified", true)));
            Assert.Equal(Submitted, flow.StatusNow);
        }

        [Fact]
        [PolicyClause("S2", "S5", "C7")]
        public void Officer_verifying_a_portal_submission_starts_the_clock_from_the_portal_submission()
        {
            var flow = new RequestFlow();
            var application = flow.DraftData();
            application["taz_declarationsigned"] = true;
            application["taz_declarationsignedby"] = "فاطمة أحمد";
            application["taz_declarationversion"] = "2024.1";
            flow.Create(application, portal: true);
            var submittedOn = flow.Now;

            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(AwaitingCommittee)))), "S2.VerificationRequired");
            flow.Now = flow.Now.AddDays(2);
            flow.Update(flow.Change(("taz_dataverified", true), Status(AwaitingCommittee)));
            Assert.Equal(AwaitingCommittee, flow.StatusNow);
            Assert.Equal(submittedOn.AddDays(14), flow.Row.GetAttributeValue<DateTime>("taz_committeedueon"));
            Assert.Equal(flow.Officer, flow.Row.GetAttributeValue<EntityReference>("taz_verifiedby").Id);
        }

        // ---- S4 declaration ----

        [Fact]
        [PolicyClause("S4")]
        public void Signature_records_who_when_which_text_and_the_sha256_of_the_declared_data()
        {
            var flow = new RequestFlow();
            var draft = flow.DraftData();
            draft["taz_declarationsigned"] = true;
            draft["taz_declarationsignedby"] = " فاطمة أحمد ";
            draft["taz_declarationversion"] = "2024.1";
            draft["taz_declarationhash"] = new string('0', 64);
            flow.Create(draft);
            var hash = flow.Row.GetAttributeValue<string>("taz_declarationhash");
            Assert.Matches("^[0-9a-f]{64}$", hash);
            Assert.NotEqual(new string('0', 64), hash);
            Assert.Equal("فاطمة أحمد", flow.Row.GetAttributeValue<string>("taz_declarationsignedby"));
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_declarationsignedon"));

            // the same declared data signed by the same person at the same time hashes the same; other data does not
            var again = new RequestFlow { Now = flow.Now };
            var same = again.DraftData();
            same["taz_beneficiaryid"] = flow.Row["taz_beneficiaryid"];
            same["taz_declarationsigned"] = true;
            same["taz_declarationsignedby"] = "فاطمة أحمد";
            same["taz_declarationversion"] = "2024.1";
            again.Create(same);
            Assert.Equal(hash, again.Row.GetAttributeValue<string>("taz_declarationhash"));
            var other = new RequestFlow { Now = flow.Now };
            var changed = other.DraftData(amount: 3001m);
            changed["taz_beneficiaryid"] = flow.Row["taz_beneficiaryid"];
            changed["taz_declarationsigned"] = true;
            changed["taz_declarationsignedby"] = "فاطمة أحمد";
            changed["taz_declarationversion"] = "2024.1";
            other.Create(changed);
            Assert.NotEqual(hash, other.Row.GetAttributeValue<string>("taz_declarationhash"));
        }

        [Fact]
        [PolicyClause("S4")]
        public void Request_cannot_leave_draft_without_the_signed_declaration()
        {
            var flow = new RequestFlow();
            var draft = flow.DraftData();
            draft["taz_dataverified"] = true;
            flow.Create(draft);
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(Submitted)))), "S4.DeclarationNotSigned");
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(("taz_declarationsigned", true), ("taz_declarationversion", "2024.1")))), "S4.SignerRequired");
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(("taz_declarationsigned", true), ("taz_declarationsignedby", "فاطمة أحمد")))), "S4.DeclarationVersionRequired");
        }

        [Fact]
        [PolicyClause("S4")]
        public void Declaration_on_an_outdated_text_is_rejected_at_submission()
        {
            PolicyText.AssertMessage(Refused(() => new RequestFlow(version: "2025.2").Submitted()), "S4.DeclarationOutdated", "2024.1", "2025.2");
        }

        [Fact]
        [PolicyClause("S4", "S2")]
        public void Editing_declared_data_after_signing_voids_the_signature_and_returns_the_request_to_draft()
        {
            var flow = new RequestFlow().AwaitingCommittee();
            Assert.NotNull(flow.Row["taz_committeedueon"]);
            flow.Update(flow.Change(("taz_amountrequested", new Money(4500m))));

            Assert.Equal(Draft, flow.StatusNow);
            Assert.Equal(0, flow.Row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.False(flow.Row.GetAttributeValue<bool>("taz_declarationsigned"));
            Assert.Null(flow.Row["taz_declarationhash"]);
            Assert.StartsWith("taz_amountrequested — 2026-01-05T08:00:00Z", flow.Row.GetAttributeValue<string>("taz_declarationvoidreason"));
            Assert.False(flow.Row.GetAttributeValue<bool>("taz_dataverified"));
            Assert.Null(flow.Row["taz_committeedueon"]);
            Assert.Contains(flow.Last!.Trace, line => line.StartsWith("S4: declaration voided: taz_amountrequested"));
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(Submitted), ("taz_dataverified", true)))), "S4.DeclarationNotSigned");
        }

        [Fact]
        [PolicyClause("S4")]
        public void Declared_data_cannot_change_in_the_same_save_that_moves_the_request_on()
        {
            var flow = new RequestFlow().Submitted();
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(("taz_description", "وصف آخر"), Status(AwaitingCommittee)))),
                "S4.ChangeVoidsSignature", "taz_description");
            Assert.Equal(Submitted, flow.StatusNow);
        }

        // ---- S5 committee clock and decision ----

        [Theory]
        [InlineData(null, 14)]
        [InlineData("7", 14)]
        [InlineData("0", 14)]
        [InlineData("-3", 14)]
        [InlineData("abc", 14)]
        [InlineData("21", 21)]
        [PolicyClause("S5")]
        public void Submission_sets_the_committee_due_date_never_under_14_days(string? configured, int days)
        {
            var flow = new RequestFlow(periodDays: configured).Submitted();
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_submittedon"));
            Assert.Equal(flow.Now.AddDays(days), flow.Row.GetAttributeValue<DateTime>("taz_committeedueon"));
            Assert.Equal(1, flow.LastCalls);
            Assert.Equal("environmentvariabledefinition", flow.Service.Queries[^1].EntityName);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Committee_member_records_the_decision_with_reasons_within_the_period()
        {
            var flow = new RequestFlow().AwaitingCommittee();
            flow.Now = flow.Now.AddDays(14);
            flow.Update(flow.Change(("taz_decision", new OptionSetValue(826000001)), ("taz_decisionreasons", "مستحق")), caller: flow.Committee);
            Assert.Equal(Approved, flow.StatusNow);
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_decidedon"));
            Assert.True(flow.Row.GetAttributeValue<bool>("taz_decidedwithinperiod"));
            Assert.Equal(3000m, flow.Row.GetAttributeValue<Money>("taz_approvedamount").Value);
            Assert.Equal("systemuserroles", flow.Service.Queries[^1].EntityName);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Late_decision_is_recorded_as_outside_the_period()
        {
            var flow = new RequestFlow().AwaitingCommittee();
            flow.Now = flow.Now.AddDays(14).AddSeconds(1);
            flow.Update(flow.Change(Status(Rejected), ("taz_decisionreasons", "الدخل يتجاوز الحد")), caller: flow.Committee);
            Assert.Equal(826000003, flow.Row.GetAttributeValue<OptionSetValue>("taz_decision").Value);
            Assert.False(flow.Row.GetAttributeValue<bool>("taz_decidedwithinperiod"));
        }

        [Fact]
        [PolicyClause("S5")]
        public void Only_a_committee_member_may_record_a_decision()
        {
            var flow = new RequestFlow().AwaitingCommittee();
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(Approved), ("taz_decisionreasons", "مستحق")))), "S5.CommitteeRoleRequired");
            Assert.Equal(AwaitingCommittee, flow.StatusNow);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Decision_needs_reasons_and_a_plausible_approved_amount()
        {
            var flow = new RequestFlow().AwaitingCommittee();
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(Approved)), caller: flow.Committee)), "S5.DecisionReasonsRequired");
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(PartiallyApproved), ("taz_decisionreasons", "جزئي"), ("taz_approvedamount", new Money(5000m))), caller: flow.Committee)),
                "S5.ApprovedAmountRange", "3000");
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(Approved), ("taz_decision", new OptionSetValue(826000003)), ("taz_decisionreasons", "x")), caller: flow.Committee)),
                "S5.DecisionStatusMismatch");
            flow.Update(flow.Change(Status(PartiallyApproved), ("taz_decisionreasons", "جزئي"), ("taz_approvedamount", new Money(1500m))), caller: flow.Committee);
            Assert.Equal(PartiallyApproved, flow.StatusNow);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Decided_request_is_locked_against_edits_of_its_decided_fields()
        {
            var flow = new RequestFlow().Approved();
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(("taz_approvedamount", new Money(2999m))), caller: flow.Committee)), "S5.DecisionLocked");
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(("taz_amountrequested", new Money(1m))))), "S5.DecisionLocked");
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(("taz_decision", new OptionSetValue(826000003))), caller: flow.Committee)), "S5.DecisionLocked");
            // the same values sent again are no edit, also after registration
            flow.Update(flow.Change(("taz_decisionreasons", flow.Row["taz_decisionreasons"])));
            flow.Update(flow.Change(Status(RegistrationCompleted)));
            flow.Update(flow.Change(("taz_decision", new OptionSetValue(826000001)), ("taz_approvedamount", new Money(3000m))));
            Assert.Equal(RegistrationCompleted, flow.StatusNow);
        }

        // ---- S6 / S7 ----

        [Fact]
        [PolicyClause("S6", "S7")]
        public void Registration_then_delivery_after_approval_are_stamped()
        {
            var flow = new RequestFlow().Approved();
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(ServiceDelivered)))), "S7.DeliveryNeedsApproval");
            flow.Update(flow.Change(Status(RegistrationCompleted)));
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_registrationcompletedon"));
            flow.Update(flow.Change(Status(ServiceDelivered)));
            Assert.Equal(flow.Now, flow.Row.GetAttributeValue<DateTime>("taz_deliveredon"));
            flow.Update(flow.Change(("statecode", new OptionSetValue(1))));
            Assert.Equal(Closed, flow.StatusNow);
        }

        [Fact]
        [PolicyClause("S6")]
        public void Registration_is_refused_while_the_decision_is_incomplete()
        {
            var flow = new RequestFlow().Approved();
            flow.Row["taz_decisionreasons"] = null; // a row decided before the rules existed
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(RegistrationCompleted)))), "S6.RegistrationIncomplete");
        }

        [Fact]
        [PolicyClause("S7")]
        public void Rejected_request_is_never_delivered()
        {
            var flow = new RequestFlow().AwaitingCommittee();
            flow.Update(flow.Change(Status(Rejected), ("taz_decisionreasons", "غير مستحق")), caller: flow.Committee);
            PolicyText.AssertMessage(Refused(() => flow.Update(flow.Change(Status(ServiceDelivered)))), "S7.DeliveryNeedsApproval");
        }

        [Fact]
        [PolicyClause("S1")]
        public void New_staff_request_starts_as_a_draft()
        {
            var flow = new RequestFlow();
            var target = flow.DraftData();
            target["statuscode"] = new OptionSetValue(Submitted);
            PolicyText.AssertMessage(Refused(() => flow.Create(target)), "S1.NewRequestIsDraft");
        }

        [Fact]
        [PolicyClause("S1")]
        public void Every_save_makes_at_most_one_service_call()
        {
            var flow = new RequestFlow().Approved();
            flow.Update(flow.Change(Status(RegistrationCompleted)));
            Assert.Equal(0, flow.LastCalls);
            // create 1, submit 1, to committee 0, decide 1, register 0
            Assert.Equal(3, flow.Service.Calls);
        }
    }
}
