// Loads a built classic script into the global scope, as the form does, over an xrm-mock form.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { XrmMockGenerator, SaveEventArgumentsMock } from "xrm-mock";
import { vi } from "vitest";

export const distFolder = path.resolve(__dirname, "..", "dist");

/** Runs dist/<name>.js in this realm and returns the Taazeez global it defines. */
export function loadScript(name: string): any {
  vm.runInThisContext(fs.readFileSync(path.join(distFolder, `${name}.js`), "utf8"), { filename: `${name}.js` });
  return (globalThis as any).Taazeez;
}

export interface FormSetup {
  entityName: string;
  languageId?: number;
  formType?: number; // 1 create, 2 update
  id?: string;
}

export const recordId = "{5a1f0c1e-0b8e-4f52-9a55-0f4e2a7b9c10}";

/** A fresh Xrm with the user's language and the form type; add attributes with XrmMockGenerator.Attribute. */
export function newForm(setup: FormSetup): Xrm.FormContext {
  XrmMockGenerator.initialise({ entity: { entityName: setup.entityName, id: setup.id ?? recordId } });
  (XrmMockGenerator.context.userSettings as any).languageId = setup.languageId ?? 1033;
  const form = XrmMockGenerator.getFormContext() as unknown as Xrm.FormContext;
  vi.spyOn(form.ui, "getFormType").mockReturnValue((setup.formType ?? 2) as XrmEnum.FormType);
  return form;
}

export function eventContext(): Xrm.Events.EventContext {
  return XrmMockGenerator.getEventContext() as unknown as Xrm.Events.EventContext;
}

export function saveContext(): Xrm.Events.SaveEventContext & { args: SaveEventArgumentsMock } {
  const args = new SaveEventArgumentsMock(1 as XrmEnum.SaveMode);
  return {
    args,
    getFormContext: () => XrmMockGenerator.getFormContext(),
    getEventArgs: () => args,
  } as any;
}

/** Text of the field-level error on a control, or null. */
export function fieldError(form: Xrm.FormContext, name: string): string | null {
  const notes = (form.getControl(name) as any).getNotifications() as Array<{ messages: string[] }>;
  return notes.length > 0 ? notes[0].messages[0] : null;
}

export function formNotices(form: Xrm.FormContext): Array<{ message: string; level: string; uniqueId: string }> {
  return ((form.ui as any).formNotifications ?? []) as any[];
}

export function formNotice(form: Xrm.FormContext, id: string): { message: string; level: string } | undefined {
  return formNotices(form).find((n) => n.uniqueId === id);
}

/** Stubs Xrm.WebApi.retrieveMultipleRecords with rows per entity; records every query asked. */
export function stubWebApi(rows: Record<string, Array<Record<string, unknown>>>) {
  const spy = vi.fn(async (entity: string, _options?: string) => ({ entities: rows[entity] ?? [] }));
  (Xrm.WebApi as any).retrieveMultipleRecords = spy;
  return spy;
}
