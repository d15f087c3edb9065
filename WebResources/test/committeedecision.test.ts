// Committee decision form: every decision needs its reasons, as the plugin requires [S5].
import { beforeAll, describe, expect, it } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import { eventContext, fieldError, loadScript, newForm, saveContext } from "./harness";
import { text } from "./messages";

let T: any;
beforeAll(() => { T = loadScript("committeedecision"); });

const Approved = 826000001, Partial = 826000002, Rejected = 826000003;

function decisionForm(decision: number | null, reasons: string | null, languageId = 1033) {
  const form = newForm({ entityName: "taz_committeedecision", languageId });
  XrmMockGenerator.Attribute.createOptionSet("taz_decision", decision as any);
  XrmMockGenerator.Attribute.createString("taz_reasons", reasons as any);
  return form;
}

describe("committee decision reasons [S5]", () => {
  it.each([[Approved], [Rejected], [Partial]])("decision %i requires reasons on load", (decision) => {
    const form = decisionForm(decision, null);
    T.CommitteeDecision.onLoad(eventContext());
    expect(form.getAttribute("taz_reasons")!.getRequiredLevel()).toBe("required");
  });

  it("no decision yet does not require reasons", () => {
    const form = decisionForm(null, null);
    T.CommitteeDecision.onLoad(eventContext());
    expect(form.getAttribute("taz_reasons")!.getRequiredLevel()).toBe("none");
    const ctx = saveContext();
    T.CommitteeDecision.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(false);
  });

  it.each([[Rejected, null], [Partial, "   "], [Approved, null]])("blocks saving decision %i with reasons %j", (decision, reasons) => {
    const form = decisionForm(decision, reasons, 1025);
    const ctx = saveContext();
    T.CommitteeDecision.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(true);
    expect(fieldError(form, "taz_reasons")).toBe(text("S5.DecisionRecordReasonsRequired", "ar"));
  });

  it("accepts a rejection with reasons", () => {
    const form = decisionForm(Rejected, "Income above the support policy threshold.");
    const ctx = saveContext();
    T.CommitteeDecision.onSave(ctx);
    expect(ctx.args.isDefaultPrevented()).toBe(false);
    expect(fieldError(form, "taz_reasons")).toBeNull();
  });

  it("clearing the decision drops the requirement and the error", () => {
    const form = decisionForm(Rejected, null);
    const ctx = saveContext();
    T.CommitteeDecision.onSave(ctx);
    expect(fieldError(form, "taz_reasons")).not.toBeNull();
    form.getAttribute("taz_decision")!.setValue(null as any);
    T.CommitteeDecision.onDecisionChange(eventContext());
    expect(form.getAttribute("taz_reasons")!.getRequiredLevel()).toBe("none");
    expect(fieldError(form, "taz_reasons")).toBeNull();
  });

  it("choosing a decision makes the reasons required", () => {
    const form = decisionForm(null, null);
    form.getAttribute("taz_decision")!.setValue(Rejected);
    T.CommitteeDecision.onDecisionChange(eventContext());
    expect(form.getAttribute("taz_reasons")!.getRequiredLevel()).toBe("required");
  });
});
