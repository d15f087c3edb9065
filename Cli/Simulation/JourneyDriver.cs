using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator;

namespace Taazeez.Crm.Cli.Simulation;

/// <summary>taz_supportrequest status reasons (docs/data-model.md, "Lifecycle").</summary>
public static class RequestStatus
{
    public const int Draft = 1;
    public const int Submitted = 826000001;
    public const int UnderVerification = 826000002;
    public const int ReferredToResearch = 826000003;
    public const int AwaitingCommittee = 826000004;
    public const int Approved = 826000005;
    public const int PartiallyApproved = 826000006;
    public const int Rejected = 826000007;
    public const int RegistrationCompleted = 826000008;
    public const int ServiceDelivered = 826000009;

    public static int ForDecision(int decision) => decision switch
    {
        SamplePopulation.ApprovedDecision => Approved,
        SamplePopulation.PartialDecision => PartiallyApproved,
        _ => Rejected,
    };
}

/// <summary>What a run did: journeys and steps, the outcomes, and the emulator's work.</summary>
public sealed record JourneyRunSummary(
    int Journeys,
    int Steps,
    int Delivered,
    int Rejected,
    int SurveysAnswered,
    int RemindersSent,
    int Escalated,
    int AsyncStepsRun,
    long ServiceCalls,
    DateTime FirstIntake,
    DateTime LastStep,
    IReadOnlyDictionary<string, long> CallsByMessage,
    IReadOnlyDictionary<string, TimeSpan> TimeByStep,
    TimeSpan DailySweeps);

/// <summary>A plugin (or the platform) refused a journey step: shown as one bilingual line, never skipped.</summary>
public static class JourneyStepRejection
{
    public static CliException Create(SampleJourney journey, JourneyStep step, (string Ar, string En) actor, FaultException<OrganizationServiceFault> fault)
    {
        var message = fault.Detail?.Message ?? fault.Message;
        return new CliException(ArabicOf(journey, step, actor.Ar, message), EnglishOf(journey, step, actor.En, message), ExitCodes.JourneyRejected, fault);
    }

    private static (string Ar, string En) Split(string message)
    {
        var bar = message.IndexOf(" | ", StringComparison.Ordinal);
        return bar < 0 ? (message, message) : (message[..bar].Trim(), message[(bar + 3)..].Trim());
    }

    private static string Channel(SampleJourney j) => "C" + (j.Channel - SamplePopulation.OptionBase).ToString(CultureInfo.InvariantCulture);

    private static string ArabicOf(SampleJourney j, JourneyStep step, string actor, string message) =>
        $"رُفضت خطوة «{JourneySteps.Arabic(step)}» في رحلة المستفيد رقم {j.Index} ({j.FullName}، {Channel(j)}) بواسطة {actor}: {Split(message).Ar}";

    private static string EnglishOf(SampleJourney j, JourneyStep step, string actor, string message) =>
        $"step '{JourneySteps.English(step)}' of journey {j.Index} ({Channel(j)}) done by the {actor} was rejected: {Split(message).En}";
}

/// <summary>
/// Runs every sample journey through the emulator as the people who do each step: the beneficiary or the officer
/// at intake (C1–C8, the website C7 through the portal service), the officer's verification (S2) and the applicant's
/// signed declaration (S4), the referral to a social researcher (S3, Custom API taz_ReferToResearcher), the research,
/// the committee's decision within its period (S5), registration (S6), service delivery (S7) and the satisfaction
/// survey (G5, Custom API taz_CreateSatisfactionSurvey), with the beneficiary told at each turn (taz_NotifyBeneficiary).
/// Steps of all journeys run in time order on the emulator clock; a daily sweep (the recurring flows) sends survey
/// reminders and escalates overdue requests. Deterministic for a given population and emulator seed.
/// </summary>
public sealed class JourneyDriver
{
    public const int C7 = SamplePopulation.OptionBase + 7;
    public const int C8 = SamplePopulation.OptionBase + 8;
    private const int RegisteredStatus = SamplePopulation.OptionBase + 3;
    private const int NewRegistration = SamplePopulation.OptionBase + 1;
    private const int EmailMethod = SamplePopulation.OptionBase + 2;
    private const int SurveyResponseRatePercent = 85;

    private static readonly string[] SupportTypesAr = { "مساعدة مالية", "سلة غذائية", "مساعدة إيجار", "ترميم منزل", "دعم علاجي", "دعم تعليمي", "أجهزة منزلية" };
    private static readonly string[] SupportTypesEn = { "financial aid", "food basket", "rent assistance", "home repair", "medical support", "education support", "home appliances" };

    private readonly DataverseEmulator _emulator;
    private readonly StaffDirectory _staff;
    private readonly IReadOnlyList<SampleJourney> _journeys;
    private readonly int _seed;
    private readonly string _declarationVersion;
    private readonly IOrganizationService _system;
    private readonly DateTime _day0;

    public JourneyDriver(DataverseEmulator emulator, StaffDirectory staff, IReadOnlyList<SampleJourney> journeys, int seed, string declarationVersion)
    {
        _emulator = emulator;
        _staff = staff;
        _journeys = journeys;
        _seed = seed;
        _declarationVersion = declarationVersion;
        _system = emulator.CreateService(emulator.SystemUserId);
        _day0 = emulator.Clock.UtcNow.Date;
        _researchers = new Dictionary<Guid, StaffMember>();
        foreach (var researcher in staff.Researchers) _researchers[researcher.Id] = researcher;
    }

    private readonly Dictionary<Guid, StaffMember> _researchers;

    private sealed class State
    {
        public State(SampleJourney sample) => Sample = sample;
        public SampleJourney Sample { get; }
        public JourneyStep Next { get; set; }
        public Guid ContactId { get; set; }
        public Guid BeneficiaryId { get; set; }
        public Guid RequestId { get; set; }
        public Guid ReferralId { get; set; }
        public Guid ResearcherId { get; set; }
        public Guid DeliveryId { get; set; }
        public Guid SurveyId { get; set; }
        public DateTime SubmittedAt { get; set; }
        public DateTime ResearchDoneAt { get; set; }
        public DateTime DueOn { get; set; }
        public bool IsPortal => Sample.Channel == C7;
        public EntityReference Request => new("taz_supportrequest", RequestId);
        public EntityReference Beneficiary => new("taz_beneficiary", BeneficiaryId);
    }

    /// <param name="journeyFinished">called after each journey ends (delivered and surveyed, or rejected)</param>
    public JourneyRunSummary Run(Action? journeyFinished = null)
    {
        var queue = new PriorityQueue<State?, (long Ticks, long Seq)>();
        long seq = 0;
        var first = DateTime.MaxValue;
        foreach (var sample in _journeys)
        {
            var at = _day0.AddDays(sample.StartDay).AddHours(8).AddMinutes(Roll(sample.Index, 1, 420));
            if (at < first) first = at;
            queue.Enqueue(new State(sample) { Next = JourneyStep.Intake }, (at.Ticks, seq++));
        }
        var pendingJourneys = _journeys.Count;
        // The recurring flows run every morning at 06:00 while journeys are under way.
        queue.Enqueue(null, (_day0.AddDays(1).AddHours(6).Ticks, seq++));

        int steps = 0, delivered = 0, rejected = 0, answered = 0, reminders = 0, escalated = 0, asyncRan = 0;
        long calls = 0;
        var byMessage = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var ticksByStep = new long[(int)JourneyStep.Done + 1];
        long sweepTicks = 0;
        var last = _emulator.Clock.UtcNow;
        while (queue.TryDequeue(out var state, out var when))
        {
            var now = new DateTime(when.Ticks, DateTimeKind.Utc);
            if (now > _emulator.Clock.UtcNow) _emulator.Clock.Set(now);
            last = now;
            if (state == null)
            {
                if (pendingJourneys == 0) continue;
                var sweep = Stopwatch.GetTimestamp();
                reminders += (int)_system.Execute(new OrganizationRequest("taz_SendSurveyReminders")).Results["RemindersSent"];
                escalated += (int)_system.Execute(new OrganizationRequest("taz_EscalateOverdueRequests")).Results["Escalated"];
                queue.Enqueue(null, (now.AddDays(1).Ticks, seq++));
                sweepTicks += Stopwatch.GetTimestamp() - sweep;
            }
            else
            {
                var step = state.Next;
                var started = Stopwatch.GetTimestamp();
                var delay = Execute(state, now);
                ticksByStep[(int)step] += Stopwatch.GetTimestamp() - started;
                steps++;
                if (state.Next == JourneyStep.Done)
                {
                    pendingJourneys--;
                    if (step == JourneyStep.CommitteeDecision) rejected++;
                    else
                    {
                        delivered++;
                        if (step == JourneyStep.SurveyResponse) answered++;
                    }
                    journeyFinished?.Invoke();
                }
                else
                {
                    queue.Enqueue(state, (now.Add(delay).Ticks, seq++));
                }
            }
            asyncRan += _emulator.RunAsyncSteps();
            // The call log is for tests of single requests; a long run keeps only the count.
            foreach (var call in _emulator.Calls.Requests)
            {
                calls += 1 + call.PluginCalls;
                var outer = call.Entity is null ? call.Message : call.Message + " " + call.Entity;
                Count(byMessage, outer);
                foreach (var inner in call.PluginCallMessages) Count(byMessage, "  (plugin, in " + outer + ") " + inner);
            }
            _emulator.Calls.Clear();
        }
        return new JourneyRunSummary(_journeys.Count, steps, delivered, rejected, answered, reminders, escalated, asyncRan, calls,
            first == DateTime.MaxValue ? last : first, last, byMessage,
            Enumerable.Range(0, (int)JourneyStep.Done).ToDictionary(i => ((JourneyStep)i).ToString(), i => Stopwatch.GetElapsedTime(0, ticksByStep[i])),
            Stopwatch.GetElapsedTime(0, sweepTicks));
    }

    private static void Count(IDictionary<string, long> counts, string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    /// <summary>Runs the journey's next step as the person who does it; returns the time until the step after it.</summary>
    private TimeSpan Execute(State j, DateTime now)
    {
        var s = j.Sample;
        var officer = _staff.Officers[s.Index % _staff.Officers.Count];
        var receiver = s.Channel == C8 ? _staff.Representatives[(s.Governorate - SamplePopulation.OptionBase - 1) % _staff.Representatives.Count] : officer;
        var step = j.Next;
        var actor = officer;
        try
        {
            switch (step)
            {
                case JourneyStep.Intake:
                    actor = receiver;
                    if (j.IsPortal)
                    {
                        PortalIntake(j, now);
                        j.SubmittedAt = now;
                        j.Next = JourneyStep.Verification;
                    }
                    else
                    {
                        StaffIntake(j, receiver, now);
                        j.Next = JourneyStep.Verification;
                    }
                    return TimeSpan.FromMinutes(20);

                case JourneyStep.Verification:
                    // S2: the officer matches the data with the documents and confirms it (the system stamps who and when).
                    officer.Service.Update(new Entity("taz_supportrequest", j.RequestId) { ["taz_dataverified"] = true });
                    if (j.IsPortal)
                    {
                        // The verification of a portal submission starts the committee's clock (S5) from the submission.
                        j.DueOn = CommitteeDueOn(officer, j);
                        Notify(officer, j, NotificationEventRequestReceived);
                        j.Next = JourneyStep.Referral;
                        return TimeSpan.FromDays(1);
                    }
                    j.Next = JourneyStep.Declaration;
                    return TimeSpan.FromMinutes(10);

                case JourneyStep.Declaration:
                    // S4: the applicant signs that the data is correct; the officer records the signature on the form.
                    officer.Service.Update(new Entity("taz_supportrequest", j.RequestId)
                    {
                        ["taz_declarationsigned"] = true,
                        ["taz_declarationsignedby"] = s.FullName,
                        ["taz_declarationversion"] = _declarationVersion,
                    });
                    j.Next = JourneyStep.Submission;
                    return TimeSpan.FromMinutes(5);

                case JourneyStep.Submission:
                    // S5 starts here: the committee's clock runs from the submission.
                    officer.Service.Update(Status(j, RequestStatus.Submitted));
                    j.DueOn = CommitteeDueOn(officer, j);
                    Notify(officer, j, NotificationEventRequestReceived);
                    j.SubmittedAt = now;
                    j.Next = JourneyStep.Referral;
                    return TimeSpan.FromDays(1);

                case JourneyStep.Referral:
                {
                    // S3: the officer refers the request to the researcher with the fewest open referrals in the branch.
                    var response = officer.Service.Execute(new OrganizationRequest("taz_ReferToResearcher")
                    {
                        ["SupportRequest"] = j.Request,
                        ["Reason"] = s.NeedsResearchReferral
                            ? "الإجراءات غير واضحة للمستفيد: يشرحها الباحث ويدرس الحالة | The procedures are unclear to the beneficiary: the researcher explains them and studies the case"
                            : "دراسة الحالة الاجتماعية قبل عرضها على لجنة البحث | Social study of the case before the research committee",
                    });
                    j.ReferralId = ((EntityReference)response.Results["Referral"]).Id;
                    j.ResearcherId = ((EntityReference)response.Results["Researcher"]).Id;
                    officer.Service.Update(Status(j, RequestStatus.ReferredToResearch));
                    j.Next = JourneyStep.Research;
                    return TimeSpan.FromDays(s.NeedsResearchReferral ? 4 : 2);
                }

                case JourneyStep.Research:
                {
                    var researcher = ResearcherOf(j);
                    actor = researcher;
                    researcher.Service.Update(new Entity("taz_researchreferral", j.ReferralId)
                    {
                        ["taz_findings"] = Findings(s),
                        ["taz_completedon"] = now,
                        ["statecode"] = new OptionSetValue(1),
                        ["statuscode"] = new OptionSetValue(2),
                    });
                    researcher.Service.Update(Status(j, RequestStatus.AwaitingCommittee));
                    j.ResearchDoneAt = now;
                    j.Next = JourneyStep.CommitteeDecision;
                    // The committee meets on the day the sample chose, after the research and within the period (S5).
                    var meeting = j.SubmittedAt.AddDays(s.CommitteeDecisionAfterDays);
                    if (meeting < now.AddDays(1)) meeting = now.AddDays(1);
                    if (meeting > j.DueOn) meeting = j.DueOn;
                    return meeting - now;
                }

                case JourneyStep.CommitteeDecision:
                {
                    var member = _staff.Committee[s.Index % _staff.Committee.Count];
                    actor = member;
                    Decide(j, member, now);
                    Notify(member, j, NotificationEventDecision);
                    j.Next = s.Decision == SamplePopulation.RejectedDecision ? JourneyStep.Done : JourneyStep.Registration;
                    return TimeSpan.FromDays(1);
                }

                case JourneyStep.Registration:
                    // S6: registration procedures completed once the request is complete and approved.
                    officer.Service.Update(Status(j, RequestStatus.RegistrationCompleted));
                    officer.Service.Update(new Entity("taz_beneficiary", j.BeneficiaryId) { ["taz_registrationstatus"] = new OptionSetValue(RegisteredStatus) });
                    Notify(officer, j, NotificationEventRegistrationCompleted);
                    j.Next = JourneyStep.Delivery;
                    return TimeSpan.FromDays(2);

                case JourneyStep.Delivery:
                {
                    // S7: the service is provided (by the branch representative for C8), then the survey invitation (G5).
                    actor = receiver;
                    j.DeliveryId = receiver.Service.Create(new Entity("taz_servicedelivery")
                    {
                        ["taz_name"] = "تقديم " + SupportTypesAr[s.SupportType - SamplePopulation.OptionBase - 1] + " | Delivery of " + SupportTypesEn[s.SupportType - SamplePopulation.OptionBase - 1],
                        ["taz_supportrequestid"] = j.Request,
                        ["taz_beneficiaryid"] = j.Beneficiary,
                        ["taz_deliveredon"] = now,
                        ["taz_deliveredby"] = new EntityReference("systemuser", receiver.Id),
                        ["taz_description"] = Describe(s),
                        ["taz_amountdelivered"] = new Money(s.ApprovedAmount),
                        ["taz_channel"] = new OptionSetValue(s.Channel),
                        ["taz_branchofficeid"] = new EntityReference("taz_branchoffice", _staff.Branches[s.Governorate]),
                    });
                    receiver.Service.Update(Status(j, RequestStatus.ServiceDelivered));
                    Notify(receiver, j, NotificationEventServiceDelivered);
                    var survey = receiver.Service.Execute(new OrganizationRequest("taz_CreateSatisfactionSurvey")
                    {
                        ["ServiceDelivery"] = new EntityReference("taz_servicedelivery", j.DeliveryId),
                    });
                    j.SurveyId = ((EntityReference)survey.Results["Survey"]).Id;
                    // G6b: rating is the beneficiary's right, never an obligation: some never answer (the reminder goes out).
                    j.Next = Roll(s.Index, 2, 100) < SurveyResponseRatePercent ? JourneyStep.SurveyResponse : JourneyStep.Done;
                    return TimeSpan.FromDays(1 + Roll(s.Index, 3, 5));
                }

                case JourneyStep.SurveyResponse:
                {
                    // The beneficiary answers: on the portal for website users, by phone with the officer otherwise.
                    var service = j.IsPortal ? _emulator.CreatePortalService(j.ContactId) : officer.Service;
                    service.Update(new Entity("taz_satisfactionsurvey", j.SurveyId)
                    {
                        ["taz_overallscore"] = s.SurveyOverall,
                        ["taz_courtesyscore"] = s.SurveyCourtesy,
                        ["taz_clarityscore"] = s.SurveyClarity,
                        ["taz_speedscore"] = s.SurveySpeed,
                        ["taz_recommendscore"] = s.SurveyRecommend,
                        ["taz_respondedon"] = now,
                        ["statecode"] = new OptionSetValue(1),
                        ["statuscode"] = new OptionSetValue(2),
                    });
                    j.Next = JourneyStep.Done;
                    return TimeSpan.Zero;
                }

                default:
                    throw new InvalidOperationException($"Journey {s.Index} has no step after {step}.");
            }
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            var who = step == JourneyStep.Intake && j.IsPortal ? ("المستفيد عبر البوابة", "beneficiary on the portal")
                : step == JourneyStep.SurveyResponse && j.IsPortal ? ("المستفيد عبر البوابة", "beneficiary on the portal")
                : (actor.FullName, actor.RoleEnglish.ToLowerInvariant() + " " + actor.FullName);
            throw JourneyStepRejection.Create(s, step, who, fault);
        }
    }

    private const int NotificationEventRequestReceived = 1;
    private const int NotificationEventDecision = 3;
    private const int NotificationEventRegistrationCompleted = 4;
    private const int NotificationEventServiceDelivered = 5;

    private void StaffIntake(State j, StaffMember receiver, DateTime now)
    {
        var s = j.Sample;
        var beneficiary = BeneficiaryRow(s, now);
        j.BeneficiaryId = receiver.Service.Create(beneficiary);
        j.RequestId = receiver.Service.Create(new Entity("taz_supportrequest")
        {
            ["taz_beneficiaryid"] = j.Beneficiary,
            ["taz_channel"] = new OptionSetValue(s.Channel),
            ["taz_supporttype"] = new OptionSetValue(s.SupportType),
            ["taz_amountrequested"] = new Money(s.AmountRequested),
            ["taz_description"] = Describe(s),
            ["taz_receivedby"] = new EntityReference("systemuser", receiver.Id),
            ["taz_branchofficeid"] = new EntityReference("taz_branchoffice", _staff.Branches[s.Governorate]),
        });
    }

    /// <summary>C7: the beneficiary registers on the website (Power Pages creates the contact), fills in the file
    /// and submits the signed request through the portal.</summary>
    private void PortalIntake(State j, DateTime now)
    {
        var s = j.Sample;
        var names = s.FullName.Split(' ', 2);
        j.ContactId = _system.Create(new Entity("contact")
        {
            ["firstname"] = names[0],
            ["lastname"] = names.Length > 1 ? names[1] : "",
            ["fullname"] = s.FullName,
            ["mobilephone"] = s.Mobile,
            ["adx_identity_username"] = s.NationalId,
        });
        var portal = _emulator.CreatePortalService(j.ContactId);
        var beneficiary = BeneficiaryRow(s, now);
        beneficiary["taz_portalcontactid"] = new EntityReference("contact", j.ContactId);
        j.BeneficiaryId = portal.Create(beneficiary);
        j.RequestId = portal.Create(new Entity("taz_supportrequest")
        {
            ["taz_beneficiaryid"] = j.Beneficiary,
            ["taz_channel"] = new OptionSetValue(C7),
            ["taz_supporttype"] = new OptionSetValue(s.SupportType),
            ["taz_amountrequested"] = new Money(s.AmountRequested),
            ["taz_description"] = Describe(s),
            ["taz_branchofficeid"] = new EntityReference("taz_branchoffice", _staff.Branches[s.Governorate]),
            ["taz_declarationsigned"] = true,
            ["taz_declarationsignedby"] = s.FullName,
            ["taz_declarationversion"] = _declarationVersion,
            ["statuscode"] = new OptionSetValue(RequestStatus.Submitted),
        });
    }

    private Entity BeneficiaryRow(SampleJourney s, DateTime now)
    {
        var governorate = StaffDirectory.Governorates[s.Governorate - SamplePopulation.OptionBase - 1];
        var row = new Entity("taz_beneficiary")
        {
            ["taz_name"] = s.FullName,
            ["taz_nationalid"] = s.NationalId,
            ["taz_idtype"] = new OptionSetValue(s.IdType),
            ["taz_nationality"] = s.IdType == SamplePopulation.OptionBase + 1 ? "سعودي" : "مقيم",
            ["taz_gender"] = new OptionSetValue(s.Gender),
            ["taz_mobile"] = s.Mobile,
            ["taz_contactmethod"] = new OptionSetValue(s.ContactMethod),
            ["taz_governorate"] = new OptionSetValue(s.Governorate),
            ["taz_address"] = "محافظة " + governorate + "، منطقة جازان",
            ["taz_householdsize"] = s.HouseholdSize,
            ["taz_monthlyincome"] = new Money(s.MonthlyIncome),
            ["taz_branchofficeid"] = new EntityReference("taz_branchoffice", _staff.Branches[s.Governorate]),
            ["taz_pdplconsent"] = true,
            ["taz_pdplconsenton"] = now,
            ["taz_pdplconsentversion"] = _declarationVersion,
            ["taz_registrationstatus"] = new OptionSetValue(NewRegistration),
            ["taz_channel"] = new OptionSetValue(s.Channel),
        };
        if (s.ContactMethod == EmailMethod)
            row["taz_email"] = "beneficiary" + s.Index.ToString(CultureInfo.InvariantCulture) + "@mail.example.sa";
        return row;
    }

    /// <summary>S5: a committee member records the decision (with its reasons, always) on the decision table and on the request.</summary>
    private void Decide(State j, StaffMember member, DateTime now)
    {
        var s = j.Sample;
        var status = RequestStatus.ForDecision(s.Decision);
        var reasons = s.Decision switch
        {
            SamplePopulation.ApprovedDecision => "الحالة مستحقة وفق دليل سياسة الدعم | Eligible under the support policy guide (T3)",
            SamplePopulation.PartialDecision => "مستحقة جزئيا: يتجاوز المبلغ المطلوب احتياج الأسرة الموثق | Partly eligible: the amount exceeds the documented need",
            _ => "الدخل الموثق يتجاوز حد الاستحقاق في دليل سياسة الدعم | Documented income is above the eligibility threshold of the support policy guide",
        };
        var decision = new Entity("taz_committeedecision")
        {
            ["taz_name"] = "قرار لجنة البحث | Committee decision",
            ["taz_supportrequestid"] = j.Request,
            ["taz_decision"] = new OptionSetValue(s.Decision),
            ["taz_reasons"] = reasons,
            ["taz_meetingdate"] = now.Date,
            ["taz_memberspresent"] = string.Join("، ", _staff.Committee.Select(m => m.FullName)),
            ["taz_decidedby"] = new EntityReference("systemuser", member.Id),
        };
        var update = new Entity("taz_supportrequest", j.RequestId)
        {
            ["taz_decision"] = new OptionSetValue(s.Decision),
            ["taz_decisionreasons"] = reasons,
            ["statuscode"] = new OptionSetValue(status),
        };
        if (s.Decision != SamplePopulation.RejectedDecision)
        {
            decision["taz_approvedamount"] = new Money(s.ApprovedAmount);
            update["taz_approvedamount"] = new Money(s.ApprovedAmount);
        }
        member.Service.Create(decision);
        member.Service.Update(update);
    }

    /// <summary>S5: the due date the SupportRequestPolicy plugin stamped when the clock started (submission, or the
    /// verification of a portal submission), as the officer's form shows it to tell the beneficiary.</summary>
    private static DateTime CommitteeDueOn(StaffMember officer, State j) =>
        officer.Service.Retrieve("taz_supportrequest", j.RequestId, new Microsoft.Xrm.Sdk.Query.ColumnSet("taz_committeedueon"))
            .GetAttributeValue<DateTime?>("taz_committeedueon")
        ?? throw new CliException(
            $"لم تبدأ مدة لجنة البحث للطلب في رحلة المستفيد رقم {j.Sample.Index}: موعد الرد (taz_committeedueon) فارغ بعد التقديم",
            $"The research committee's period did not start for journey {j.Sample.Index}: taz_committeedueon is empty after submission",
            ExitCodes.JourneyRejected);

    private StaffMember ResearcherOf(State j) =>
        _researchers.TryGetValue(j.ResearcherId, out var researcher) ? researcher
            : throw new InvalidOperationException($"The referral of journey {j.Sample.Index} names no researcher of the directory ({j.ResearcherId}).");

    private void Notify(StaffMember? by, State j, int @event)
    {
        var service = by?.Service ?? _system;
        service.Execute(new OrganizationRequest("taz_NotifyBeneficiary")
        {
            ["Event"] = @event,
            ["SupportRequest"] = j.Request,
        });
    }

    private static Entity Status(State j, int status) =>
        new("taz_supportrequest", j.RequestId) { ["statuscode"] = new OptionSetValue(status) };

    private static string Describe(SampleJourney s)
    {
        var type = s.SupportType - SamplePopulation.OptionBase - 1;
        var governorate = StaffDirectory.Governorates[s.Governorate - SamplePopulation.OptionBase - 1];
        return string.Create(CultureInfo.InvariantCulture,
            $"طلب {SupportTypesAr[type]} لأسرة من {s.HouseholdSize} أفراد في محافظة {governorate} | Request for {SupportTypesEn[type]} for a household of {s.HouseholdSize}");
    }

    private static string Findings(SampleJourney s) => string.Create(CultureInfo.InvariantCulture,
        $"زيارة منزلية: أسرة من {s.HouseholdSize} أفراد، دخل شهري {s.MonthlyIncome:0} ريال{(s.NeedsResearchReferral ? "؛ شرحت الإجراءات للمستفيد (S3)" : "")} | Home visit: household of {s.HouseholdSize}, monthly income SAR {s.MonthlyIncome:0}{(s.NeedsResearchReferral ? "; procedures explained to the beneficiary (S3)" : "")}");

    /// <summary>A deterministic roll in [0, mod) for one journey and purpose (SplitMix64 of seed, index and salt).</summary>
    private int Roll(int index, int salt, int mod)
    {
        var x = ((ulong)(uint)_seed << 32) ^ ((ulong)(uint)index << 4) ^ (ulong)(uint)salt;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x % (ulong)mod);
    }
}
