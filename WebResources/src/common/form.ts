// Small null-safe helpers over the form context: a column may be left off a form by a customizer.
namespace Taazeez.Common {
  export function attribute<T extends Xrm.Attributes.Attribute>(form: Xrm.FormContext, name: string): T | null {
    return (form.getAttribute(name) as T | null) ?? null;
  }

  export function value<V>(form: Xrm.FormContext, name: string): V | null {
    const a = form.getAttribute(name);
    return a ? ((a.getValue() as V | null) ?? null) : null;
  }

  export function control(form: Xrm.FormContext, name: string): Xrm.Controls.StandardControl | null {
    return (form.getControl(name) as Xrm.Controls.StandardControl | null) ?? null;
  }

  /** Shows (or clears, when key is null) the field-level error with the policy message. */
  export function fieldError(form: Xrm.FormContext, name: string, key: Messages.Key | null): void {
    const c = control(form, name);
    if (!c) return;
    const id = `taz_${name}_error`;
    if (key) c.setNotification(message(key), id);
    else c.clearNotification(id);
  }

  /** Replaces a form notification with the same id (Dataverse keeps the first one otherwise). */
  export function formNotice(form: Xrm.FormContext, id: string, text: string | null, level: Xrm.FormNotificationLevel): void {
    form.ui.clearFormNotification(id);
    if (text) form.ui.setFormNotification(text, level, id);
  }

  export function setDisabled(form: Xrm.FormContext, names: ReadonlyArray<string>, disabled: boolean): void {
    for (const name of names) control(form, name)?.setDisabled(disabled);
  }

  export function isCreate(form: Xrm.FormContext): boolean {
    return form.ui.getFormType() === XrmEnum.FormType.Create;
  }

  export function blank(text: string | null): boolean {
    return text === null || text.trim() === "";
  }
}
