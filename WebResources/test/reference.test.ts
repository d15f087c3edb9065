// T1–T3 reference page: the link comes from the environment variable (value over default), in the user's language.
import { beforeAll, describe, expect, it } from "vitest";
import { loadScript, newForm, stubWebApi } from "./harness";
import { text } from "./messages";

let T: any;
beforeAll(() => { T = loadScript("reference"); });

const definition = (schemaname: string, defaultvalue: string | null, value?: string) => ({
  schemaname, defaultvalue,
  environmentvariabledefinition_environmentvariablevalue: value === undefined ? [] : [{ value }],
});

function fakePage() {
  const el = () => ({ textContent: "", hidden: false, href: "" });
  const elements: Record<string, any> = { title: el(), note: el(), link: el() };
  return { documentElement: { lang: "", dir: "" }, title: "", getElementById: (id: string) => elements[id], elements };
}

describe("reference page [T1, T2, T3]", () => {
  it("links the bylaws from the environment variable's value, over its default", async () => {
    newForm({ entityName: "none" });
    const api = stubWebApi({ environmentvariabledefinition: [definition("taz_BylawsUrl", "https://example.org/default.pdf", "https://example.org/bylaws.pdf")] });
    const view = await T.ReferencePage.describe("?data=T1");
    expect(api.mock.calls[0][1]).toContain("$filter=schemaname eq 'taz_BylawsUrl'");
    expect(view).toEqual({ title: text("T1.BylawsTitle", "en"), url: "https://example.org/bylaws.pdf", note: null, linkText: text("T.OpenDocument", "en") });
  });

  it("falls back to the default and renders right to left for an Arabic user", async () => {
    newForm({ entityName: "none", languageId: 1025 });
    stubWebApi({ environmentvariabledefinition: [definition("taz_ResearchGuideUrl", "https://example.org/research.pdf")] });
    const page = fakePage();
    T.ReferencePage.render(await T.ReferencePage.describe("?data=t2"), page);
    expect(page.documentElement).toEqual({ lang: "ar", dir: "rtl" });
    expect(page.elements.title.textContent).toBe(text("T2.ResearchGuideTitle", "ar"));
    expect(page.elements.link).toMatchObject({ hidden: false, href: "https://example.org/research.pdf", textContent: text("T.OpenDocument", "ar") });
  });

  it("says which variable to fill when no address is set, and shows no link", async () => {
    newForm({ entityName: "none" });
    stubWebApi({ environmentvariabledefinition: [definition("taz_SupportPolicyGuideUrl", null)] });
    const page = fakePage();
    T.ReferencePage.render(await T.ReferencePage.describe("?data=T3"), page);
    expect(page.elements.note.textContent).toBe(text("T.DocumentNotSet", "en", "taz_SupportPolicyGuideUrl"));
    expect(page.elements.link.hidden).toBe(true);
  });

  it("never turns a non-web address into a link", async () => {
    newForm({ entityName: "none" });
    stubWebApi({ environmentvariabledefinition: [definition("taz_BylawsUrl", "javascript:alert(1)")] });
    const view = await T.ReferencePage.describe("?data=T1");
    expect(view.url).toBeNull();
    expect(view.note).toBe(text("T.DocumentNotSet", "en", "taz_BylawsUrl"));
  });

  it("rejects an unknown document without asking the server", async () => {
    newForm({ entityName: "none" });
    const api = stubWebApi({});
    const view = await T.ReferencePage.describe("?data=T9");
    expect(api).not.toHaveBeenCalled();
    expect(view.title).toBe(text("T.UnknownDocument", "en"));
  });
});
