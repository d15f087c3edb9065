// The scripts committed in Solution/src are exactly a fresh build, so the solution folder stays packable
// without running npm; and each is declared as a bilingual web resource and a root component.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { forms, pages, libraryName } from "../scripts/forms.mjs";
import { dataXml } from "../scripts/build.mjs";
import { distFolder } from "./harness";
import { catalog } from "./messages";

const solutionSrc = path.resolve(__dirname, "..", "..", "Solution", "src");
const published = (item: { name: string; folder: string; type?: number }) => path.join(solutionSrc, "WebResources", libraryName(item));
const stale = "run `npm run build` in WebResources and commit Solution/src/WebResources";

describe.each(forms)("web resource $name", (form) => {
  it("the committed script equals a fresh build", () => {
    expect(fs.existsSync(published(form)), stale).toBe(true);
    expect(fs.readFileSync(published(form), "utf8"), stale)
      .toBe(fs.readFileSync(path.join(distFolder, `${form.name}.js`), "utf8"));
  });

  it("has its .data.xml with Arabic and English display names", () => {
    const xml = fs.readFileSync(`${published(form)}.data.xml`, "utf8");
    expect(xml, stale).toBe(dataXml(form));
    const displayName = xml.match(/<DisplayName>([^<]*)<\/DisplayName>/)![1];
    expect(displayName).toMatch(/[\u0600-\u06FF]/);
    expect(displayName).toMatch(/[A-Za-z]{3,}/);
    expect(xml).toContain(`<FileName>/WebResources/${libraryName(form)}</FileName>`);
    expect(xml).toContain("<WebResourceType>3</WebResourceType>");
  });

  it("is a root component of the solution", () => {
    const solutionXml = fs.readFileSync(path.join(solutionSrc, "Other", "Solution.xml"), "utf8");
    expect(solutionXml).toContain(`<RootComponent type="61" schemaName="${libraryName(form)}" behavior="0" />`);
  });

  it("carries no Arabic text outside the catalog generated from policy-messages.json", () => {
    const script = fs.readFileSync(path.join(distFolder, `${form.name}.js`), "utf8");
    const start = script.indexOf("Messages.catalog = {");
    expect(start).toBeGreaterThan(0);
    const rest = script.slice(0, start) + script.slice(script.indexOf("};", start));
    expect(rest.match(/[\u0621-\u064A]+/g) ?? []).toEqual([]);
  });
});

describe.each(pages)("static page $file", (page) => {
  it("is published unchanged with a bilingual descriptor and a root component", () => {
    expect(fs.readFileSync(published(page), "utf8"), stale).toBe(fs.readFileSync(path.resolve(__dirname, "..", page.file), "utf8"));
    const xml = fs.readFileSync(`${published(page)}.data.xml`, "utf8");
    expect(xml, stale).toBe(dataXml(page));
    expect(xml).toContain(`<WebResourceType>${page.type}</WebResourceType>`);
    const solutionXml = fs.readFileSync(path.join(solutionSrc, "Other", "Solution.xml"), "utf8");
    expect(solutionXml).toContain(`<RootComponent type="61" schemaName="${libraryName(page)}" behavior="0" />`);
  });

  it("loads its script from beside it and calls a function the script exports", () => {
    const html = fs.readFileSync(path.resolve(__dirname, "..", page.file), "utf8");
    const script = html.match(/<script src="([^"]+)"/)![1];
    const owner = forms.find((f) => libraryName(f) === `taz_/${page.folder}/${script}`);
    expect(owner, script).toBeDefined();
    const call = html.match(/onload="([\w.]+)\(\)"/)![1];
    const sandbox = vm.createContext({});
    vm.runInContext(fs.readFileSync(path.join(distFolder, `${owner!.name}.js`), "utf8"), sandbox);
    expect(vm.runInContext(`typeof ${call}`, sandbox)).toBe("function");
  });
});

describe("messages shared with the plugins", () => {
  it.each(forms)("$name shows the texts of policy-messages.json, unchanged", (form) => {
    const sandbox = vm.createContext({});
    vm.runInContext(fs.readFileSync(path.join(distFolder, `${form.name}.js`), "utf8"), sandbox);
    const built = vm.runInContext("Taazeez.Messages.catalog", sandbox) as Record<string, { ar: string; en: string }>;
    expect(Object.keys(built).length).toBeGreaterThan(0);
    for (const [key, m] of Object.entries(built)) {
      expect(catalog[key], key).toBeDefined();
      expect([m.ar, m.en], key).toEqual([catalog[key].ar, catalog[key].en]);
    }
  });
});
