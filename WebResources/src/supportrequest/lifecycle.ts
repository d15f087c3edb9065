// S1–S7 lifecycle banner: status, who acts next, and the S5 committee answer date.
namespace Taazeez.SupportRequest {
  import C = Taazeez.Common;

  export const Status = {
    Draft: 1,
    Submitted: 826000001,
    UnderVerification: 826000002,
    ReferredToResearch: 826000003,
    AwaitingCommittee: 826000004,
    Approved: 826000005,
    PartiallyApproved: 826000006,
    Rejected: 826000007,
    RegistrationCompleted: 826000008,
    ServiceDelivered: 826000009,
    Closed: 2,
    Withdrawn: 826000010,
  } as const;

  /** Statuses after the research committee has decided (S5): the decision is final on the form. */
  export const decidedStatuses: ReadonlyArray<number> = [
    Status.Approved, Status.PartiallyApproved, Status.Rejected, Status.RegistrationCompleted, Status.ServiceDelivered,
  ];

  export function nextActorKey(status: number | null): Messages.Key {
    switch (status) {
      case null:
      case Status.Draft:
      case Status.Submitted:
      case Status.UnderVerification:
        return "S2.NextActorOfficer";
      case Status.ReferredToResearch:
        return "S3.NextActorResearcher";
      case Status.AwaitingCommittee:
        return "S5.NextActorCommittee";
      case Status.Approved:
      case Status.PartiallyApproved:
        return "S6.NextActorRegistration";
      case Status.RegistrationCompleted:
        return "S7.NextActorDelivery";
      default:
        return "S1.NextActorNone";
    }
  }

  export function showLifecycleBanner(form: Xrm.FormContext, now: Date): void {
    const statusAttribute = C.attribute<Xrm.Attributes.OptionSetAttribute>(form, "statuscode");
    const status = statusAttribute ? statusAttribute.getValue() : null;
    const statusText = (statusAttribute && statusAttribute.getText()) || "—";
    C.formNotice(form, "taz_lifecycle", C.message("S1.StatusBanner", statusText, C.message(nextActorKey(status))), "INFO");

    // The committee date matters only while the committee still has to answer.
    const due = C.value<Date>(form, "taz_committeedueon");
    const waiting = status === Status.AwaitingCommittee || status === Status.ReferredToResearch;
    let dueText: string | null = null;
    let level: Xrm.FormNotificationLevel = "INFO";
    if (due && waiting) {
      const overdue = due.getTime() < now.getTime();
      dueText = C.message(overdue ? "S5.CommitteeOverdue" : "S5.CommitteeDueOn", C.gregorianDate(due), C.hijriDate(due));
      level = overdue ? "WARNING" : "INFO";
    }
    C.formNotice(form, "taz_committeedue", dueText, level);
  }
}
