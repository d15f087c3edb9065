// Support request form: lifecycle banner, declaration panel, decided lock, channel and S2/S4 save checks.
import { beforeAll, describe, expect, it } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import { eventContext, fieldError, formNotice, loadScript, newForm, saveContext, stubWebApi } from "./harness";
import { text } from "./messages";

let T: any;
beforeAll(() => { T = loadScript("supportrequest"); });

const statusOptions = [
  { value: 1, text: "Draft" },
  { value: 826000003, text: "Referred to social research" },
  { value: 826000004, text: "Awaiting committee" },
  { value: 826000005, text: "Approved" },
  { value: 826000007, text: "Rejected" },
];
const A = () => XrmMockGenerator.Attribute;

function requestForm(opts: { languageId?: number; formType?: number; status?: number } = {}) {
  const form = newForm({ entityName: "taz_supportrequest", languageId: opts.languageId, formType: opts.formType });
  A().createOptionSet("statuscode", opts.status ?? 1, statusOptions);
  A().createOptionSet("taz_channel", null as any);
  A().createLookup("taz_beneficiaryid", null as any);
  A().createNumber("taz_amountrequested", null as any);
  A().createOptionSet("taz_supporttype", null as any);
  A().createOptionSet("taz_decision", null as any);
  A().createNumber("taz_approvedamount", null as any);
  A().createString("taz_decisionreasons", null as any);
  A().createDate("taz_decidedon", null as any);
  A().createDate("taz_committeedueon", null as any);
  A().createBoolean("taz_declarationsigned", false);
  A().createString("taz_declarationsignedby", null as any);
  A().createDate("taz_declarationsignedon", null as any);
  A().createString("taz_declarationversion", null as any);
  A().createString("taz_declarationhash", null as any);
  A().createString("taz_declarationvoidreason", null as any);
  return form;
}

const due = new Date("2026-12-10T09:00:00Z");

describe("lifecycle banner [S1, S5]", () => {
  it("shows status, next actor and the committee date in Gregorian and Hijri (English)", () => {
    const form = requestForm({ status: 826000004 });
    form.getAttribute("taz_committeedueon")!.setValue(due);
    T.SupportRequest.showLifecycleBanner(form, new Date("2026-12-01T00:00:00Z"));
    expect(formNotice(form, "taz_lifecycle")).toMatchObject({
      level: "INFO",
      message: text("S1.StatusBanner", "en", "Awaiting committee", text("S5.NextActorCommittee", "en")),
    });
    expect(formNotice(form, "taz_committeedue")).toMatchObject({
      level: "INFO", message: text("S5.CommitteeDueOn", "en", "10 December 2026", "Rajab 1, 1448 AH"),
    });
  });

  it("speaks Arabic to an Arabic user, with the Umm al-Qura date", () => {
    const form = requestForm({ status: 826000004, languageId: 1025 });
    form.getAttribute("taz_committeedueon")!.setValue(due);
    T.SupportRequest.showLifecycleBanner(form, new Date("2026-12-01T00:00:00Z"));
    expect(formNotice(form, "taz_lifecycle")!.message).toBe(
      text("S1.StatusBanner", "ar", "Awaiting committee", text("S5.NextActorCommittee", "ar")));
    expect(formNotice(form, "taz_committeedue")!.message).toBe(
      text("S5.CommitteeDueOn", "ar", "10 ديسمبر 2026", "١ رجب ١٤٤٨ هـ"));
  });

  it("warns when the committee date has passed", () => {
    const form = requestForm({ status: 826000004 });
    form.getAttribute("taz_committeedueon")!.setValue(due);
    T.SupportRequest.showLifecycleBanner(form, new Date("2026-12-11T00:00:00Z"));
    expect(formNotice(form, "taz_committeedue")).toMatchObject({
      level: "WARNING", message: text("S5.CommitteeOverdue", "en", "10 December 2026", "Rajab 1, 1448 AH"),
    });
  });

  it("shows no committee date once the request is decided", () => {
    const form = requestForm({ status: 826000005 });
    form.getAttribute("taz_committeedueon")!.setValue(due);
    T.SupportRequest.showLifecycleBanner(form, new Date("2026-12-01T00:00:00Z"));
    expect(formNotice(form, "taz_committeedue")).toBeUndefined();
    expect(formNotice(form, "taz_lifecycle")!.message).toBe(
      text("S1.StatusBanner", "en", "Approved", text("S6.NextActorRegistration", "en")));
  });

  it.each([
    [1, "S2.NextActorOfficer"], [826000003, "S3.NextActorResearcher"], [826000004, "S5.NextActorCommittee"],
    [826000006, "S6.NextActorRegistration"], [826000008, "S7.NextActorDelivery"], [826000007, "S1.NextActorNone"],
    [826000009, "S1.NextActorNone"], [826000010, "S1.NextActorNone"],
  ])("status %i: next actor is %s", (status, key) => {
    expect(T.SupportRequest.nextActorKey(status)).toBe(key);
  });
});

describe("declaration panel [S4]", () => {
  function sign(form: Xrm.FormContext, hash: string | null) {
    form.getAttribute("taz_declarationsigned")!.setValue(true);
    form.getAttribute("taz_declarationsignedby")!.setValue("فاطمة علي");
    form.getAttribute("taz_declarationsignedon")!.setValue(due);
    form.getAttribute("taz_declarationversion")!.setValue("2024.1");
    form.getAttribute("taz_declarationhash")!.setValue(hash);
  }

  it("shows a complete signature as valid", () => {
    const form = requestForm();
    sign(form, "a".repeat(64));
    expect(T.SupportRequest.showDeclarationPanel(form)).toBe("valid");
    expect(formNotice(form, "taz_declaration")).toMatchObject({
      level: "INFO",
      message: text("S4.DeclarationValid", "en", "فاطمة علي", "10 December 2026 / Rajab 1, 1448 AH", "2024.1"),
    });
  });

  it("does not accept a signature without the server's hash", () => {
    const form = requestForm();
    sign(form, null);
    expect(T.SupportRequest.showDeclarationPanel(form)).toBe("unsigned");
    expect(formNotice(form, "taz_declaration")).toMatchObject({ level: "WARNING", message: text("S4.DeclarationNotSigned", "en") });
  });

  it("shows why a signature was voided", () => {
    const form = requestForm({ languageId: 1025 });
    form.getAttribute("taz_declarationvoidreason")!.setValue("Amount changed after signing.");
    expect(T.SupportRequest.showDeclarationPanel(form)).toBe("voided");
    expect(formNotice(form, "taz_declaration")).toMatchObject({
      level: "ERROR", message: text("S4.DeclarationVoided", "ar", "Amount changed after signing."),
    });
  });
});

describe("declaration text in force [S4]", () => {
  const signedForm = (version: string) => {
    const form = requestForm();
    form.getAttribute("taz_declarationsigned")!.setValue(true);
    form.getAttribute("taz_declarationsignedby")!.setValue("Fatimah Ali");
    form.getAttribute("taz_declarationsignedon")!.setValue(due);
    form.getAttribute("taz_declarationversion")!.setValue(version);
    form.getAttribute("taz_declarationhash")!.setValue("b".repeat(64));
    return form;
  };
  const variable = (value: string) => ({ environmentvariabledefinition: [{ schemaname: "taz_DeclarationTextVersion", defaultvalue: "2024.1",
    environmentvariabledefinition_environmentvariablevalue: [{ value }] }] });

  it("keeps a signature on the text in force valid", async () => {
    const form = signedForm("2025.2");
    const api = stubWebApi(variable("2025.2"));
    await T.SupportRequest.onLoad(eventContext());
    expect(api.mock.calls[0][1]).toContain("schemaname eq 'taz_DeclarationTextVersion'");
    expect(formNotice(form, "taz_declaration")!.level).toBe("INFO");
  });

  it("asks for a new signature when the text in force changed", async () => {
    const form = signedForm("2024.1");
    stubWebApi(variable("2025.2"));
    await T.SupportRequest.onLoad(eventContext());
    expect(formNotice(form, "taz_declaration")).toMatchObject({
      level: "WARNING", message: text("S4.DeclarationOutdated", "en", "2024.1", "2025.2"),
    });
  });

  it("leaves the panel as it is when the variable cannot be read", async () => {
    const form = signedForm("2024.1");
    (Xrm.WebApi as any).retrieveMultipleRecords = async () => { throw new Error("no privilege"); };
    await T.SupportRequest.onLoad(eventContext());
    expect(formNotice(form, "taz_declaration")!.level).toBe("INFO");
  });
});

describe("onLoad", () => {
  it("locks the decided fields once the committee decided [S5]", async () => {
    const form = requestForm({ status: 826000007 });
    await T.SupportRequest.onLoad(eventContext());
    for (const name of T.SupportRequest.lockedAfterDecision) {
      expect((form.getControl(name) as Xrm.Controls.StandardControl).getDisabled(), name).toBe(true);
    }
    expect(formNotice(form, "taz_decided")!.message).toBe(text("S5.DecisionLocked", "en"));
  });

  it("leaves an undecided request editable", async () => {
    const form = requestForm({ status: 826000004 });
    await T.SupportRequest.onLoad(eventContext());
    expect((form.getControl("taz_amountrequested") as Xrm.Controls.StandardControl).getDisabled()).toBe(false);
    expect(formNotice(form, "taz_decided")).toBeUndefined();
    expect(formNotice(form, "taz_declaration")!.message).toBe(text("S4.DeclarationNotSigned", "en"));
  });

  it("makes the channel required on create [C1-C8]", async () => {
    const form = requestForm({ formType: 1 });
    await T.SupportRequest.onLoad(eventContext());
    expect(form.getAttribute("taz_channel")!.getRequiredLevel()).toBe("required");
  });

  it("does not force the channel on an existing request", async () => {
    const form = requestForm({ formType: 2 });
    await T.SupportRequest.onLoad(eventContext());
    expect(form.getAttribute("taz_channel")!.getRequiredLevel()).toBe("none");
  });
});

describe("onChannelChange and onSave [C1-C8, S2, S4]", () => {
  function validRequest(formType: number) {
    const form = requestForm({ formType });
    form.getAttribute("taz_channel")!.setValue(826000005);
    form.getAttribute("taz_beneficiaryid")!.setValue([{ id: "{11111111-1111-1111-1111-111111111111}", entityType: "taz_beneficiary", name: "x" }]);
    form.getAttribute("taz_amountrequested")!.setValue(1500);
    return form;
  }

  it("accepts a complete request", () => {
    const form = validRequest(1);
    const ctx = saveContext();
    T.SupportRequest.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(false);
    expect(fieldError(form, "taz_channel")).toBeNull();
  });

  it("blocks a new request without a channel, with the plugins' message", () => {
    const form = validRequest(1);
    form.getAttribute("taz_channel")!.setValue(null);
    const ctx = saveContext();
    T.SupportRequest.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(true);
    expect(fieldError(form, "taz_channel")).toBe(text("C.ChannelRequired", "en"));
  });

  it("rejects a channel outside the eight approved ones and clears the error when fixed", () => {
    const form = validRequest(2);
    form.getAttribute("taz_channel")!.setValue(999);
    T.SupportRequest.onChannelChange(eventContext());
    expect(fieldError(form, "taz_channel")).toBe(text("C.ChannelRequired", "en"));
    form.getAttribute("taz_channel")!.setValue(826000008);
    T.SupportRequest.onChannelChange(eventContext());
    expect(fieldError(form, "taz_channel")).toBeNull();
  });

  it("blocks a request without a beneficiary", () => {
    const form = validRequest(2);
    form.getAttribute("taz_beneficiaryid")!.setValue(null);
    const ctx = saveContext();
    T.SupportRequest.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(true);
    expect(fieldError(form, "taz_beneficiaryid")).toBe(text("S4.BeneficiaryRequired", "en"));
  });

  it("blocks a negative requested amount, in Arabic for an Arabic user", () => {
    validRequest(2);
    (XrmMockGenerator.context.userSettings as any).languageId = 1025;
    const form = XrmMockGenerator.getFormContext() as unknown as Xrm.FormContext;
    form.getAttribute("taz_amountrequested")!.setValue(-1);
    const ctx = saveContext();
    T.SupportRequest.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(true);
    expect(fieldError(form, "taz_amountrequested")).toBe(text("S2.AmountNegative", "ar"));
  });
});
