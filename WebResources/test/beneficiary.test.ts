// Beneficiary form: S2 ID/mobile checks, duplicate warning, household consistency, P1 consent notice.
import { beforeAll, describe, expect, it } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import { eventContext, fieldError, formNotice, loadScript, newForm, recordId, saveContext, stubWebApi } from "./harness";
import { text } from "./messages";

let T: any;
beforeAll(() => { T = loadScript("beneficiary"); });

const A = () => XrmMockGenerator.Attribute;

function beneficiaryForm(opts: { languageId?: number; formType?: number } = {}) {
  const form = newForm({ entityName: "taz_beneficiary", languageId: opts.languageId, formType: opts.formType });
  A().createString("taz_nationalid", null as any);
  A().createString("taz_mobile", null as any);
  A().createNumber("taz_householdsize", null as any);
  A().createNumber("taz_monthlyincome", null as any);
  A().createBoolean("taz_pdplconsent", false);
  A().createDate("taz_pdplconsenton", null as any);
  A().createString("taz_pdplconsentversion", null as any);
  return form;
}

describe("national ID / iqama check digit [S2]", () => {
  it.each(["1000000008", "2000000006", "1234567897"])("accepts %s", (id) => {
    expect(T.Common.nationalIdProblem(id)).toBeNull();
  });
  it.each([["1000000009", "S2.NationalIdCheckDigit"], ["2000000001", "S2.NationalIdCheckDigit"],
    ["3000000004", "S2.NationalIdFormat"], ["100000000", "S2.NationalIdFormat"], ["10000000x8", "S2.NationalIdFormat"],
    [" 1000000008", "S2.NationalIdFormat"]])("rejects %s with %s", (id, key) => {
    expect(T.Common.nationalIdProblem(id)).toBe(key);
  });
});

describe("mobile format [S2]", () => {
  it.each(["+966512345678", "+966599999999"])("accepts %s", (m) => expect(T.Common.mobileProblem(m)).toBeNull());
  it.each(["0512345678", "+96651234567", "+966412345678", "+9665123456789", "966512345678"])("rejects %s", (m) =>
    expect(T.Common.mobileProblem(m)).toBe("S2.MobileFormat"));

  it("shows the plugins' message on change and clears it when corrected", () => {
    const form = beneficiaryForm({ languageId: 1025 });
    form.getAttribute("taz_mobile")!.setValue("0512345678");
    T.Beneficiary.onMobileChange(eventContext());
    expect(fieldError(form, "taz_mobile")).toBe(text("S2.MobileFormat", "ar"));
    form.getAttribute("taz_mobile")!.setValue("+966512345678");
    T.Beneficiary.onMobileChange(eventContext());
    expect(fieldError(form, "taz_mobile")).toBeNull();
  });
});

describe("onNationalIdChange: duplicate warning [S2]", () => {
  it("warns about another beneficiary with the same ID, excluding this record", async () => {
    const form = beneficiaryForm();
    const api = stubWebApi({ taz_beneficiary: [{ taz_beneficiaryid: "b2", taz_name: "Ahmed Hakami" }] });
    form.getAttribute("taz_nationalid")!.setValue("1000000008");
    await T.Beneficiary.onNationalIdChange(eventContext());
    expect(fieldError(form, "taz_nationalid")).toBeNull();
    expect(api).toHaveBeenCalledTimes(1);
    const [entity, query] = api.mock.calls[0];
    expect(entity).toBe("taz_beneficiary");
    expect(query).toContain("$filter=taz_nationalid eq '1000000008'");
    expect(query).toContain(`taz_beneficiaryid ne ${recordId.replace(/[{}]/g, "")}`);
    expect(query).toContain("$top=5");
    expect(formNotice(form, "taz_duplicate")).toMatchObject({ level: "WARNING", message: text("S2.DuplicateBeneficiary", "en", "Ahmed Hakami") });
  });

  it("shows no warning when the ID is unique, and does not exclude an unsaved record", async () => {
    const form = beneficiaryForm({ formType: 1 });
    const api = stubWebApi({ taz_beneficiary: [] });
    form.getAttribute("taz_nationalid")!.setValue("2000000006");
    await T.Beneficiary.onNationalIdChange(eventContext());
    expect(api.mock.calls[0][1]).not.toContain("taz_beneficiaryid ne");
    expect(formNotice(form, "taz_duplicate")).toBeUndefined();
  });

  it("does not query for an invalid ID and shows the check digit error instead", async () => {
    const form = beneficiaryForm();
    const api = stubWebApi({ taz_beneficiary: [{ taz_name: "x" }] });
    form.getAttribute("taz_nationalid")!.setValue("1000000009");
    await T.Beneficiary.onNationalIdChange(eventContext());
    expect(api).not.toHaveBeenCalled();
    expect(fieldError(form, "taz_nationalid")).toBe(text("S2.NationalIdCheckDigit", "en"));
    expect(formNotice(form, "taz_duplicate")).toBeUndefined();
  });
});

describe("server queries that fail", () => {
  it("leave the form usable: no warning, no exception", async () => {
    const form = beneficiaryForm();
    (Xrm.WebApi as any).retrieveMultipleRecords = async () => { throw new Error("no privilege"); };
    form.getAttribute("taz_nationalid")!.setValue("1000000008");
    form.getAttribute("taz_householdsize")!.setValue(9);
    await expect(T.Beneficiary.onNationalIdChange(eventContext())).resolves.toBeUndefined();
    await expect(T.Beneficiary.onHouseholdSizeChange(eventContext())).resolves.toBeUndefined();
    expect(formNotice(form, "taz_duplicate")).toBeUndefined();
    expect(formNotice(form, "taz_household")).toBeUndefined();
  });
});

describe("household size consistency [S2]", () => {
  it("accepts a size equal to the registered members plus the beneficiary", async () => {
    const form = beneficiaryForm();
    const api = stubWebApi({ taz_householdmember: [{}, {}, {}] });
    form.getAttribute("taz_householdsize")!.setValue(4);
    await T.Beneficiary.onHouseholdSizeChange(eventContext());
    expect(api.mock.calls[0][1]).toContain(`_taz_beneficiaryid_value eq ${recordId.replace(/[{}]/g, "")}`);
    expect(formNotice(form, "taz_household")).toBeUndefined();
    expect(fieldError(form, "taz_householdsize")).toBeNull();
  });

  it("warns when the size does not match the registered members", async () => {
    const form = beneficiaryForm({ languageId: 1025 });
    stubWebApi({ taz_householdmember: [{}] });
    form.getAttribute("taz_householdsize")!.setValue(6);
    await T.Beneficiary.onHouseholdSizeChange(eventContext());
    expect(formNotice(form, "taz_household")).toMatchObject({ level: "WARNING", message: text("S2.HouseholdMismatch", "ar", 6, 2) });
  });

  it("rejects a size below 1 without asking the server", async () => {
    const form = beneficiaryForm();
    const api = stubWebApi({});
    form.getAttribute("taz_householdsize")!.setValue(0);
    await T.Beneficiary.onHouseholdSizeChange(eventContext());
    expect(api).not.toHaveBeenCalled();
    expect(fieldError(form, "taz_householdsize")).toBe(text("S2.HouseholdSize", "en"));
  });
});

describe("onLoad: consent notice [P1]", () => {
  it("warns when the beneficiary has not consented", async () => {
    const form = beneficiaryForm();
    stubWebApi({});
    await T.Beneficiary.onLoad(eventContext());
    expect(formNotice(form, "taz_consent")).toMatchObject({ level: "WARNING", message: text("P1.ConsentMissing", "en") });
  });

  it("shows when and to which notice version the beneficiary consented", async () => {
    const form = beneficiaryForm();
    stubWebApi({});
    form.getAttribute("taz_pdplconsent")!.setValue(true);
    form.getAttribute("taz_pdplconsenton")!.setValue(new Date("2026-12-10T09:00:00Z"));
    form.getAttribute("taz_pdplconsentversion")!.setValue("2024.1");
    await T.Beneficiary.onLoad(eventContext());
    expect(formNotice(form, "taz_consent")).toMatchObject({
      level: "INFO", message: text("P1.ConsentRecorded", "en", "10 December 2026 / Rajab 1, 1448 AH", "2024.1"),
    });
  });
});

describe("onSave [S2]", () => {
  function validBeneficiary() {
    const form = beneficiaryForm();
    form.getAttribute("taz_nationalid")!.setValue("1000000008");
    form.getAttribute("taz_mobile")!.setValue("+966512345678");
    form.getAttribute("taz_householdsize")!.setValue(3);
    form.getAttribute("taz_monthlyincome")!.setValue(0);
    return form;
  }

  it("accepts valid data", () => {
    validBeneficiary();
    const ctx = saveContext();
    T.Beneficiary.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(false);
  });

  it.each([
    ["taz_nationalid", "1000000009", "S2.NationalIdCheckDigit"],
    ["taz_nationalid", "12345", "S2.NationalIdFormat"],
    ["taz_mobile", "+96655", "S2.MobileFormat"],
    ["taz_householdsize", 0, "S2.HouseholdSize"],
    ["taz_monthlyincome", -100, "S2.IncomeNegative"],
  ])("blocks %s = %s with %s", (field, value, key) => {
    const form = validBeneficiary();
    form.getAttribute(field)!.setValue(value as any);
    const ctx = saveContext();
    T.Beneficiary.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(true);
    expect(fieldError(form, field)).toBe(text(key, "en"));
  });
});
