// Form events of the support request main form (docs/contracts.md, "Form script handlers").
namespace Taazeez.SupportRequest {
  import C = Taazeez.Common;

  /** Decision fields and the data the decision was taken on: read-only once the committee decided. */
  export const lockedAfterDecision: ReadonlyArray<string> = [
    "taz_decision", "taz_approvedamount", "taz_decisionreasons", "taz_decidedon",
    "taz_beneficiaryid", "taz_supporttype", "taz_amountrequested", "taz_channel",
  ];

  const channels: ReadonlyArray<number> = [826000001, 826000002, 826000003, 826000004, 826000005, 826000006, 826000007, 826000008];

  export function isDecided(form: Xrm.FormContext): boolean {
    const status = C.value<number>(form, "statuscode");
    return (status !== null && decidedStatuses.indexOf(status) >= 0) || C.value<number>(form, "taz_decision") !== null;
  }

  function channelProblem(form: Xrm.FormContext): Messages.Key | null {
    const channel = C.value<number>(form, "taz_channel");
    if (channel === null) return C.isCreate(form) ? "C.ChannelRequired" : null;
    return channels.indexOf(channel) >= 0 ? null : "C.ChannelRequired";
  }

  export async function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
    const form = executionContext.getFormContext();
    if (C.isCreate(form)) C.attribute(form, "taz_channel")?.setRequiredLevel("required");
    showLifecycleBanner(form, new Date());
    if (!C.isCreate(form)) showDeclarationPanel(form);
    const decided = isDecided(form);
    C.setDisabled(form, lockedAfterDecision, decided);
    C.formNotice(form, "taz_decided", decided ? C.message("S5.DecisionLocked") : null, "INFO");
    if (!C.isCreate(form)) await checkDeclarationVersion(form);
  }

  export function onChannelChange(executionContext: Xrm.Events.EventContext): void {
    const form = executionContext.getFormContext();
    C.fieldError(form, "taz_channel", channelProblem(form));
  }

  export function onSave(executionContext: Xrm.Events.SaveEventContext): void {
    const form = executionContext.getFormContext();
    const problems: Array<[string, Messages.Key | null]> = [
      ["taz_channel", channelProblem(form)],
      ["taz_beneficiaryid", C.value<Xrm.LookupValue[]>(form, "taz_beneficiaryid")?.length ? null : "S4.BeneficiaryRequired"],
      ["taz_amountrequested", (C.value<number>(form, "taz_amountrequested") ?? 0) < 0 ? "S2.AmountNegative" : null],
    ];
    let blocked = false;
    for (const [field, key] of problems) {
      C.fieldError(form, field, key);
      blocked = blocked || key !== null;
    }
    if (blocked) executionContext.getEventArgs().preventDefault();
  }
}
