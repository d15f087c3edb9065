// Form events of the committee decision main form: S5 every decision (acceptance or rejection) is recorded with its
// reasons, as the CommitteeDecisionValidation plugin enforces on save.
namespace Taazeez.CommitteeDecision {
  import C = Taazeez.Common;

  export const Outcome = { Approved: 826000001, PartiallyApproved: 826000002, Rejected: 826000003 } as const;

  export function reasonsRequired(form: Xrm.FormContext): boolean {
    return C.value<number>(form, "taz_decision") != null;
  }

  function applyRequirement(form: Xrm.FormContext): void {
    C.attribute(form, "taz_reasons")?.setRequiredLevel(reasonsRequired(form) ? "required" : "none");
  }

  function reasonsProblem(form: Xrm.FormContext): Messages.Key | null {
    return reasonsRequired(form) && C.blank(C.value<string>(form, "taz_reasons")) ? "S5.DecisionRecordReasonsRequired" : null;
  }

  export function onLoad(executionContext: Xrm.Events.EventContext): void {
    applyRequirement(executionContext.getFormContext());
  }

  export function onDecisionChange(executionContext: Xrm.Events.EventContext): void {
    const form = executionContext.getFormContext();
    applyRequirement(form);
    // Only take the error away here; it is raised on save, when the reasons had their chance.
    if (reasonsProblem(form) === null) C.fieldError(form, "taz_reasons", null);
  }

  export function onSave(executionContext: Xrm.Events.SaveEventContext): void {
    const form = executionContext.getFormContext();
    const problem = reasonsProblem(form);
    C.fieldError(form, "taz_reasons", problem);
    if (problem) executionContext.getEventArgs().preventDefault();
  }
}
