// Form events of the beneficiary main form (docs/contracts.md, "Form script handlers").
namespace Taazeez.Beneficiary {
  import C = Taazeez.Common;

  function householdSizeProblem(form: Xrm.FormContext): Messages.Key | null {
    const size = C.value<number>(form, "taz_householdsize");
    return size !== null && size < 1 ? "S2.HouseholdSize" : null;
  }

  function fieldProblems(form: Xrm.FormContext): Array<[string, Messages.Key | null]> {
    return [
      ["taz_nationalid", C.nationalIdProblem(C.value<string>(form, "taz_nationalid"))],
      ["taz_mobile", C.mobileProblem(C.value<string>(form, "taz_mobile"))],
      ["taz_householdsize", householdSizeProblem(form)],
      ["taz_monthlyincome", (C.value<number>(form, "taz_monthlyincome") ?? 0) < 0 ? "S2.IncomeNegative" : null],
    ];
  }

  export async function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
    const form = executionContext.getFormContext();
    showConsentNotice(form);
    await showHouseholdConsistency(form);
  }

  export async function onNationalIdChange(executionContext: Xrm.Events.EventContext): Promise<void> {
    const form = executionContext.getFormContext();
    C.fieldError(form, "taz_nationalid", C.nationalIdProblem(C.value<string>(form, "taz_nationalid")));
    await showDuplicateWarning(form);
  }

  export function onMobileChange(executionContext: Xrm.Events.EventContext): void {
    const form = executionContext.getFormContext();
    C.fieldError(form, "taz_mobile", C.mobileProblem(C.value<string>(form, "taz_mobile")));
  }

  export async function onHouseholdSizeChange(executionContext: Xrm.Events.EventContext): Promise<void> {
    const form = executionContext.getFormContext();
    C.fieldError(form, "taz_householdsize", householdSizeProblem(form));
    await showHouseholdConsistency(form);
  }

  /** Blocks the save on the same data errors the server rejects; notices (duplicate, household) do not block. */
  export function onSave(executionContext: Xrm.Events.SaveEventContext): void {
    const form = executionContext.getFormContext();
    let blocked = false;
    for (const [field, key] of fieldProblems(form)) {
      C.fieldError(form, field, key);
      blocked = blocked || key !== null;
    }
    if (blocked) executionContext.getEventArgs().preventDefault();
  }
}
