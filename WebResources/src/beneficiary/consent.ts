// P1 personal data consent notice (PDPL): staff see whether the beneficiary consented and to which notice.
namespace Taazeez.Beneficiary {
  import C = Taazeez.Common;

  export function showConsentNotice(form: Xrm.FormContext): boolean {
    const consented = C.value<boolean>(form, "taz_pdplconsent") === true;
    const on = C.value<Date>(form, "taz_pdplconsenton");
    const text = consented
      ? C.message("P1.ConsentRecorded", on ? `${C.gregorianDate(on)} / ${C.hijriDate(on)}` : "—", C.value<string>(form, "taz_pdplconsentversion") ?? "—")
      : C.message("P1.ConsentMissing");
    C.formNotice(form, "taz_consent", text, consented ? "INFO" : "WARNING");
    return consented;
  }
}
