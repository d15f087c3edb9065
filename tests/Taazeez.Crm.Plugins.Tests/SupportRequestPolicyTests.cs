using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using static Taazeez.Crm.Plugins.Tests.Org;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>The support request rules through the emulator: every save is sent by the officer, the committee member
    /// or the portal, runs the solution's registered SupportRequestPolicy steps, and a refusal is the bilingual fault
    /// with the store unchanged.</summary>
    public class SupportRequestPolicyTests
    {
        private readonly Org _org = new Org();

        // ---- Channel (C1–C8, C7) ----

        [Fact]
        [PolicyClause("C1", "C8")]
        public void Staff_request_carries_one_of_the_eight_channels()
        {
            var id = _org.Staff.Create(DraftData(_org.NewBeneficiary()));
            Assert.Equal(C1, _org.Read(id).GetAttributeValue<OptionSetValue>("taz_channel").Value);

            var noChannel = DraftData(_org.NewBeneficiary());
            noChannel.Attributes.Remove("taz_channel");
            _org.Refused(() => _org.Staff.Create(noChannel), "C.ChannelRequired");
            var cleared = DraftData(_org.NewBeneficiary());
            cleared["taz_channel"] = null;
            _org.Refused(() => _org.Staff.Create(cleared), "C.ChannelRequired");
            _org.Refused(() => _org.Update(id, ("taz_channel", null)), "C.ChannelRequired");
            Assert.Equal(1, _org.Emulator.Count("taz_supportrequest"));
        }

        [Fact]
        [PolicyClause("C7", "S2")]
        public void Portal_request_gets_C7_and_stays_awaiting_the_officers_verification()
        {
            var application = Signed(DraftData(_org.NewBeneficiary()));
            application["taz_channel"] = new OptionSetValue(826000003);
            application["taz_verifiedby"] = new EntityReference("systemuser", _org.Officer);
            application["taz_declarationsignedon"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var id = _org.Portal.Create(application);
            Assert.Equal(1, _org.LastPluginCalls); // the duplicate check only

            var row = _org.Read(id);
            Assert.Equal(C7, row.GetAttributeValue<OptionSetValue>("taz_channel").Value);
            Assert.Equal(UnderVerification, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.False(row.GetAttributeValue<bool>("taz_dataverified"));
            Assert.Null(row.GetAttributeValue<EntityReference>("taz_verifiedby"));
            Assert.Equal(_org.Now, row.GetAttributeValue<DateTime>("taz_submittedon"));
            Assert.Equal(_org.Now, row.GetAttributeValue<DateTime>("taz_declarationsignedon"));
            Assert.Null(row.GetAttributeValue<DateTime?>("taz_committeedueon"));
        }

        // ---- S2 data and duplicates ----

        [Fact]
        [PolicyClause("S2")]
        public void Negative_amount_is_rejected_and_zero_accepted_for_in_kind_support()
        {
            var negative = DraftData(_org.NewBeneficiary(), amount: -5m);
            _org.Refused(() => _org.Staff.Create(negative), "S2.AmountNegative");
            Assert.Equal(0, _org.Emulator.Count("taz_supportrequest"));
            var id = _org.Staff.Create(DraftData(_org.NewBeneficiary(), FoodBasket, 0m));
            Assert.Equal(0m, _org.Read(id).GetAttributeValue<Money>("taz_amountrequested").Value);
            _org.Refused(() => _org.Update(id, ("taz_amountrequested", new Money(-0.01m))), "S2.AmountNegative");
        }

        [Fact]
        [PolicyClause("S2")]
        public void Second_open_request_of_the_same_type_is_rejected_with_the_open_requests_number()
        {
            var beneficiary = _org.NewBeneficiary();
            var open = _org.Staff.Create(Signed(DraftData(beneficiary)));
            _org.Update(open, Status(Submitted));
            _org.Update(open, Status(AwaitingCommittee));
            var number = _org.Read(open).GetAttributeValue<string>("taz_name");
            Assert.False(string.IsNullOrEmpty(number));
            _org.Refused(() => _org.Staff.Create(DraftData(beneficiary)), "S2.DuplicateOpenRequest", number);

            // another support type, or a closed request of the same type, is no duplicate
            _org.Staff.Create(DraftData(beneficiary, FoodBasket, null));
            var other = _org.NewBeneficiary("محمد علي");
            var rejected = _org.Staff.Create(Signed(DraftData(other)));
            _org.Update(rejected, Status(Submitted));
            _org.Update(rejected, Status(AwaitingCommittee));
            _org.Decide(rejected, Status(Rejected), ("taz_decisionreasons", "غير مستحق"));
            _org.Update(rejected, Status(Closed), ("statecode", new OptionSetValue(1)));
            var again = _org.Staff.Create(DraftData(other));
            Assert.Equal(1, _org.LastPluginCalls);
            Assert.Equal(Draft, _org.StatusOf(again));

            // moving an existing request onto the open one's beneficiary and type is the same duplicate
            var food = _org.Staff.Create(DraftData(other, FoodBasket, null));
            _org.Refused(() => _org.Update(food, ("taz_beneficiaryid", new EntityReference("taz_beneficiary", beneficiary)), ("taz_supporttype", new OptionSetValue(FinancialAid))),
                "S2.DuplicateOpenRequest", number);
        }

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Submission_requires_the_fields_of_the_support_type()
        {
            var noAmount = _org.NewDraft(FinancialAid, null);
            _org.Refused(() => _org.Update(noAmount, Status(Submitted)), "S2.AmountRequired");
            Assert.Equal(Draft, _org.StatusOf(noAmount));
            Assert.Equal(Submitted, _org.StatusOf(_org.NewSubmitted(FoodBasket, null)));

            var draft = Signed(DraftData(_org.NewBeneficiary()));
            draft["taz_description"] = "  ";
            var noDescription = _org.Staff.Create(draft);
            _org.Refused(() => _org.Update(noDescription, Status(Submitted)), "S2.DescriptionRequired");
        }

        [Fact]
        [PolicyClause("S2")]
        public void Amount_above_the_support_types_ceiling_is_rejected_at_submission()
        {
            var low = new Org(ceilings: "{\"826000001\":2500}");
            var request = low.NewDraft();
            low.Refused(() => low.Update(request, Status(Submitted)), "S2.AmountAboveCeiling", "2500");
            Assert.Equal(Draft, low.StatusOf(request));

            var high = new Org(ceilings: "{\"826000001\": 3000, \"826000003\": 12000}");
            Assert.Equal(Submitted, high.StatusOf(high.NewSubmitted()));
        }

        // ---- S2 verification stamp ----

        [Fact]
        [PolicyClause("S2")]
        public void Verification_stamp_is_the_caller_and_the_operation_time_never_the_typed_values()
        {
            var draft = DraftData(_org.NewBeneficiary());
            draft["taz_dataverified"] = true;
            draft["taz_verifiedby"] = new EntityReference("systemuser", _org.Committee);
            draft["taz_verifiedon"] = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var id = _org.Staff.Create(draft);
            var row = _org.Read(id);
            Assert.Equal(_org.Officer, row.GetAttributeValue<EntityReference>("taz_verifiedby").Id);
            Assert.Equal(_org.Now, row.GetAttributeValue<DateTime>("taz_verifiedon"));
            Assert.Contains(_org.Emulator.Traces, t => t.PluginType.EndsWith("SupportRequestPolicy") && t.TraceText.Contains("taz_verifiedon: set by the system only"));

            // typing a stamp later changes nothing
            _org.Emulator.Clock.Advance(TimeSpan.FromHours(1));
            _org.Update(id, ("taz_verifiedby", new EntityReference("systemuser", _org.Committee)), ("taz_verifiedon", _org.Now));
            row = _org.Read(id);
            Assert.Equal(_org.Officer, row.GetAttributeValue<EntityReference>("taz_verifiedby").Id);
            Assert.Equal(Start, row.GetAttributeValue<DateTime>("taz_verifiedon"));
        }

        [Fact]
        [PolicyClause("S2")]
        public void Submission_without_the_officers_verification_is_rejected()
        {
            var id = _org.Staff.Create(Signed(DraftData(_org.NewBeneficiary()), verified: false));
            _org.Refused(() => _org.Update(id, Status(Submitted)), "S2.VerificationRequired");
            _org.Update(id, Status(Submitted), ("taz_dataverified", true));
            Assert.Equal(Submitted, _org.StatusOf(id));
        }

        [Fact]
        [PolicyClause("S2", "S5", "C7")]
        public void Officer_verifying_a_portal_submission_starts_the_clock_from_the_portal_submission()
        {
            var id = _org.Portal.Create(Signed(DraftData(_org.NewBeneficiary()), verified: false));
            var submittedOn = _org.Now;

            _org.Refused(() => _org.Update(id, Status(AwaitingCommittee)), "S2.VerificationRequired");
            _org.Emulator.Clock.Advance(TimeSpan.FromDays(2));
            _org.Update(id, ("taz_dataverified", true), Status(AwaitingCommittee));
            Assert.True(_org.LastPluginCalls <= 1);
            var row = _org.Read(id);
            Assert.Equal(AwaitingCommittee, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(submittedOn.AddDays(14), row.GetAttributeValue<DateTime>("taz_committeedueon"));
            Assert.Equal(_org.Officer, row.GetAttributeValue<EntityReference>("taz_verifiedby").Id);
        }

        // ---- S4 declaration ----

        [Fact]
        [PolicyClause("S4")]
        public void Signature_records_who_when_which_text_and_the_sha256_of_the_declared_data()
        {
            var beneficiary = _org.NewBeneficiary();
            var draft = Signed(DraftData(beneficiary), verified: false);
            draft["taz_declarationsignedby"] = " فاطمة أحمد ";
            draft["taz_declarationhash"] = new string('0', 64);
            var first = _org.Staff.Create(draft);
            var row = _org.Read(first);
            var hash = row.GetAttributeValue<string>("taz_declarationhash");
            Assert.Matches("^[0-9a-f]{64}$", hash);
            Assert.NotEqual(new string('0', 64), hash);
            Assert.Equal("فاطمة أحمد", row.GetAttributeValue<string>("taz_declarationsignedby"));
            Assert.Equal(_org.Now, row.GetAttributeValue<DateTime>("taz_declarationsignedon"));

            // the same declared data signed by the same person at the same time hashes the same; other data does not
            _org.Update(first, Status(Withdrawn), ("statecode", new OptionSetValue(1)));
            var same = _org.Staff.Create(Signed(DraftData(beneficiary), verified: false));
            Assert.Equal(hash, _org.Read(same).GetAttributeValue<string>("taz_declarationhash"));
            _org.Update(same, Status(Withdrawn), ("statecode", new OptionSetValue(1)));
            var changed = _org.Staff.Create(Signed(DraftData(beneficiary, amount: 3001m), verified: false));
            Assert.NotEqual(hash, _org.Read(changed).GetAttributeValue<string>("taz_declarationhash"));
        }

        [Fact]
        [PolicyClause("S4")]
        public void Request_cannot_leave_draft_without_the_signed_declaration()
        {
            var draft = DraftData(_org.NewBeneficiary());
            draft["taz_dataverified"] = true;
            var id = _org.Staff.Create(draft);
            _org.Refused(() => _org.Update(id, Status(Submitted)), "S4.DeclarationNotSigned");
            _org.Refused(() => _org.Update(id, ("taz_declarationsigned", true), ("taz_declarationversion", "2024.1")), "S4.SignerRequired");
            _org.Refused(() => _org.Update(id, ("taz_declarationsigned", true), ("taz_declarationsignedby", "فاطمة أحمد")), "S4.DeclarationVersionRequired");
            Assert.False(_org.Read(id).GetAttributeValue<bool>("taz_declarationsigned"));
        }

        [Fact]
        [PolicyClause("S4")]
        public void Declaration_on_an_outdated_text_is_rejected_at_submission()
        {
            var org = new Org(version: "2025.2");
            var id = org.NewDraft();
            org.Refused(() => org.Update(id, Status(Submitted)), "S4.DeclarationOutdated", "2024.1", "2025.2");
            Assert.Equal(Draft, org.StatusOf(id));
        }

        [Fact]
        [PolicyClause("S4", "S2")]
        public void Editing_declared_data_after_signing_voids_the_signature_and_returns_the_request_to_draft()
        {
            var id = _org.NewAwaitingCommittee();
            Assert.NotNull(_org.Read(id).GetAttributeValue<DateTime?>("taz_committeedueon"));
            _org.Update(id, ("taz_amountrequested", new Money(4500m)));

            var row = _org.Read(id);
            Assert.Equal(Draft, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.False(row.GetAttributeValue<bool>("taz_declarationsigned"));
            Assert.Null(row.GetAttributeValue<string>("taz_declarationhash"));
            Assert.StartsWith("taz_amountrequested — 2026-01-05T08:00:00Z", row.GetAttributeValue<string>("taz_declarationvoidreason"));
            Assert.False(row.GetAttributeValue<bool>("taz_dataverified"));
            Assert.Null(row.GetAttributeValue<DateTime?>("taz_committeedueon"));
            Assert.Equal(4500m, row.GetAttributeValue<Money>("taz_amountrequested").Value);
            Assert.Contains(_org.Emulator.Traces, t => t.TraceText.Contains("S4: declaration voided: taz_amountrequested"));
            _org.Refused(() => _org.Update(id, Status(Submitted), ("taz_dataverified", true)), "S4.DeclarationNotSigned");
        }

        [Fact]
        [PolicyClause("S4")]
        public void Declared_data_cannot_change_in_the_same_save_that_moves_the_request_on()
        {
            var id = _org.NewSubmitted();
            _org.Refused(() => _org.Update(id, ("taz_description", "وصف آخر"), Status(AwaitingCommittee)), "S4.ChangeVoidsSignature", "taz_description");
            Assert.Equal(Submitted, _org.StatusOf(id));
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
            var org = new Org(periodDays: configured);
            var id = org.NewSubmitted();
            Assert.Equal(new[] { "RetrieveMultiple" }, org.LastPluginCallMessages);
            var row = org.Read(id);
            Assert.Equal(org.Now, row.GetAttributeValue<DateTime>("taz_submittedon"));
            Assert.Equal(org.Now.AddDays(days), row.GetAttributeValue<DateTime>("taz_committeedueon"));
        }

        [Fact]
        [PolicyClause("S5")]
        public void Committee_member_records_the_decision_with_reasons_within_the_period()
        {
            var id = _org.NewAwaitingCommittee();
            _org.Emulator.Clock.Advance(TimeSpan.FromDays(14));
            _org.Decide(id, ("taz_decision", new OptionSetValue(826000001)), ("taz_decisionreasons", "مستحق"));
            Assert.Equal(new[] { "RetrieveMultiple" }, _org.LastPluginCallMessages);
            var row = _org.Read(id);
            Assert.Equal(Approved, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(_org.Now, row.GetAttributeValue<DateTime>("taz_decidedon"));
            Assert.True(row.GetAttributeValue<bool>("taz_decidedwithinperiod"));
            Assert.Equal(3000m, row.GetAttributeValue<Money>("taz_approvedamount").Value);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Late_decision_is_recorded_as_outside_the_period()
        {
            var id = _org.NewAwaitingCommittee();
            _org.Emulator.Clock.Advance(TimeSpan.FromDays(14).Add(TimeSpan.FromSeconds(1)));
            _org.Decide(id, Status(Rejected), ("taz_decisionreasons", "الدخل يتجاوز الحد"));
            var row = _org.Read(id);
            Assert.Equal(826000003, row.GetAttributeValue<OptionSetValue>("taz_decision").Value);
            Assert.False(row.GetAttributeValue<bool>("taz_decidedwithinperiod"));
        }

        [Fact]
        [PolicyClause("S5")]
        public void Only_a_committee_member_may_record_a_decision()
        {
            var id = _org.NewAwaitingCommittee();
            _org.Refused(() => _org.Update(id, Status(Approved), ("taz_decisionreasons", "مستحق")), "S5.CommitteeRoleRequired");
            var manager = _org.Emulator.CreateService(_org.Emulator.AddUser("المدير", ManagerRole, OfficerRole));
            _org.Refused(() => manager.Update(Change(id, Status(Approved), ("taz_decisionreasons", "مستحق"))), "S5.CommitteeRoleRequired");
            Assert.Equal(AwaitingCommittee, _org.StatusOf(id));
        }

        [Fact]
        [PolicyClause("S5")]
        public void Decision_needs_reasons_and_a_plausible_approved_amount()
        {
            var id = _org.NewAwaitingCommittee();
            _org.Refused(() => _org.Decide(id, Status(Approved)), "S5.DecisionReasonsRequired");
            _org.Refused(() => _org.Decide(id, Status(PartiallyApproved), ("taz_decisionreasons", "جزئي"), ("taz_approvedamount", new Money(5000m))),
                "S5.ApprovedAmountRange", "3000");
            _org.Refused(() => _org.Decide(id, Status(Approved), ("taz_decision", new OptionSetValue(826000003)), ("taz_decisionreasons", "x")),
                "S5.DecisionStatusMismatch");
            _org.Decide(id, Status(PartiallyApproved), ("taz_decisionreasons", "جزئي"), ("taz_approvedamount", new Money(1500m)));
            var row = _org.Read(id);
            Assert.Equal(PartiallyApproved, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(1500m, row.GetAttributeValue<Money>("taz_approvedamount").Value);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Decided_request_is_locked_against_edits_of_its_decided_fields()
        {
            var id = _org.NewApproved();
            _org.Refused(() => _org.Decide(id, ("taz_approvedamount", new Money(2999m))), "S5.DecisionLocked");
            _org.Refused(() => _org.Update(id, ("taz_amountrequested", new Money(1m))), "S5.DecisionLocked");
            _org.Refused(() => _org.Decide(id, ("taz_decision", new OptionSetValue(826000003))), "S5.DecisionLocked");
            // the same values sent again are no edit, also after registration
            _org.Update(id, ("taz_decisionreasons", _org.Read(id)["taz_decisionreasons"]));
            _org.Update(id, Status(RegistrationCompleted));
            _org.Update(id, ("taz_decision", new OptionSetValue(826000001)), ("taz_approvedamount", new Money(3000m)));
            Assert.Equal(RegistrationCompleted, _org.StatusOf(id));
        }

        // ---- S6 / S7 ----

        [Fact]
        [PolicyClause("S6", "S7")]
        public void Registration_then_delivery_after_approval_are_stamped()
        {
            var id = _org.NewApproved();
            _org.Refused(() => _org.Update(id, Status(ServiceDelivered)), "S7.DeliveryNeedsApproval");
            _org.Emulator.Clock.Advance(TimeSpan.FromDays(1));
            _org.Update(id, Status(RegistrationCompleted));
            Assert.Equal(_org.Now, _org.Read(id).GetAttributeValue<DateTime>("taz_registrationcompletedon"));
            _org.Emulator.Clock.Advance(TimeSpan.FromDays(1));
            _org.Update(id, Status(ServiceDelivered));
            Assert.Equal(_org.Now, _org.Read(id).GetAttributeValue<DateTime>("taz_deliveredon"));
            _org.Update(id, ("statecode", new OptionSetValue(1)));
            Assert.Equal(Closed, _org.StatusOf(id));
        }

        [Fact]
        [PolicyClause("S6")]
        public void Registration_is_refused_while_the_decision_is_incomplete()
        {
            var id = _org.NewApproved();
            // a row decided before the rules existed, as a data migration writes it (without the plugins)
            var migration = new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = Change(id, ("taz_decisionreasons", null)) };
            migration.Parameters["BypassCustomPluginExecution"] = true;
            _org.AsSystem.Execute(migration);
            Assert.Null(_org.Read(id).GetAttributeValue<string>("taz_decisionreasons"));

            _org.Refused(() => _org.Update(id, Status(RegistrationCompleted)), "S6.RegistrationIncomplete");
            Assert.Equal(Approved, _org.StatusOf(id));
        }

        [Fact]
        [PolicyClause("S7")]
        public void Rejected_request_is_never_delivered()
        {
            var id = _org.NewAwaitingCommittee();
            _org.Decide(id, Status(Rejected), ("taz_decisionreasons", "غير مستحق"));
            _org.Refused(() => _org.Update(id, Status(ServiceDelivered)), "S7.DeliveryNeedsApproval");
            _org.RefusedWith(() => _org.Update(id, Status(RegistrationCompleted)),
                PolicyText.Arabic("S1.IllegalTransition", "مرفوض", "اكتمل التسجيل"), PolicyText.English("S1.IllegalTransition", "Rejected", "Registration completed"));
        }

        [Fact]
        [PolicyClause("S1")]
        public void New_staff_request_starts_as_a_draft()
        {
            var target = DraftData(_org.NewBeneficiary());
            target["statuscode"] = new OptionSetValue(Submitted);
            _org.Refused(() => _org.Staff.Create(target), "S1.NewRequestIsDraft");
            Assert.Equal(0, _org.Emulator.Count("taz_supportrequest"));
        }

        [Fact]
        [PolicyClause("S1")]
        public void Every_save_makes_at_most_one_service_call()
        {
            _org.Emulator.Calls.Clear();
            var id = _org.NewApproved();
            _org.Update(id, Status(RegistrationCompleted));
            Assert.Equal(0, _org.LastPluginCalls);
            var saves = _org.Emulator.Calls.Requests.Where(r => r.Entity == "taz_supportrequest" && r.Message is "Create" or "Update").ToList();
            Assert.Equal(5, saves.Count);
            // create 1 (duplicates), submit 1 (environment variables), to committee 0, decide 1 (role), register 0
            Assert.Equal(new[] { 1, 1, 0, 1, 0 }, saves.Select(r => r.PluginCalls));
        }
    }
}
