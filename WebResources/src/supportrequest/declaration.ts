// S4 declaration panel: is the applicant's signature in force, and if it was voided, why.
namespace Taazeez.SupportRequest {
  import C = Taazeez.Common;

  export type DeclarationState = "valid" | "voided" | "unsigned";

  /** A signature counts only with its name, its date and the server's hash of the declared data. */
  export function declarationState(form: Xrm.FormContext): DeclarationState {
    const signed = C.value<boolean>(form, "taz_declarationsigned") === true;
    const complete = !C.blank(C.value<string>(form, "taz_declarationsignedby"))
      && C.value<Date>(form, "taz_declarationsignedon") !== null
      && !C.blank(C.value<string>(form, "taz_declarationhash"));
    if (signed && complete) return "valid";
    return C.blank(C.value<string>(form, "taz_declarationvoidreason")) ? "unsigned" : "voided";
  }

  export function showDeclarationPanel(form: Xrm.FormContext): DeclarationState {
    const state = declarationState(form);
    let text: string;
    let level: Xrm.FormNotificationLevel;
    if (state === "valid") {
      const on = C.value<Date>(form, "taz_declarationsignedon") as Date;
      text = C.message("S4.DeclarationValid", C.value<string>(form, "taz_declarationsignedby") as string,
        `${C.gregorianDate(on)} / ${C.hijriDate(on)}`, C.value<string>(form, "taz_declarationversion") ?? "—");
      level = "INFO";
    } else if (state === "voided") {
      text = C.message("S4.DeclarationVoided", (C.value<string>(form, "taz_declarationvoidreason") as string).trim());
      level = "ERROR";
    } else {
      text = C.message("S4.DeclarationNotSigned");
      level = "WARNING";
    }
    C.formNotice(form, "taz_declaration", text, level);
    return state;
  }

  /**
   * A valid signature on another declaration text than the one in force (taz_DeclarationTextVersion)
   * must be signed again; shown over the panel. An unreadable variable leaves the panel as it is.
   */
  export async function checkDeclarationVersion(form: Xrm.FormContext): Promise<boolean> {
    if (declarationState(form) !== "valid") return true;
    const signed = (C.value<string>(form, "taz_declarationversion") ?? "").trim();
    let current: string | null;
    try {
      current = await C.environmentValue("taz_DeclarationTextVersion");
    } catch {
      return true;
    }
    if (current === null || current === signed) return true;
    C.formNotice(form, "taz_declaration", C.message("S4.DeclarationOutdated", signed || "—", current), "WARNING");
    return false;
  }
}
