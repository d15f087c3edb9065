// FormXml ↔ built scripts: every library a form loads is a packed web resource, every handler it calls is a
// function of that library, and the contract's handlers (docs/contracts.md) are all registered.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { distFolder } from "./harness";

const solutionSrc = path.resolve(__dirname, "..", "..", "Solution", "src");
const entitiesFolder = path.join(solutionSrc, "Entities");
const scriptsFolder = path.join(solutionSrc, "WebResources", "taz_", "scripts");

function filesUnder(folder: string, suffix: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(suffix)).map((f) => path.join(folder, f)).sort();
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? null;

interface Registration { file: string; raw: string; event: string; attribute: string | null; functionName: string; libraryName: string; }
interface Form { file: string; entity: string; libraries: string[]; handlers: Registration[]; }

function readForms(): Form[] {
  const forms: Form[] = [];
  for (const file of filesUnder(entitiesFolder, ".xml").filter((f) => path.relative(entitiesFolder, f).split(path.sep)[1] === "FormXml")) {
    const xml = fs.readFileSync(file, "utf8");
    const entity = path.relative(entitiesFolder, file).split(path.sep)[0];
    const libraries = [...xml.matchAll(/<Library\b[^>]*>/g)].map((m) => attr(m[0], "name") as string);
    const handlers: Registration[] = [];
    for (const ev of xml.matchAll(/<event\b([^>]*)>([\s\S]*?)<\/event>/g)) {
      for (const h of ev[2].matchAll(/<Handler\b[^>]*>/g)) {
        handlers.push({
          file, raw: h[0], event: attr(ev[1], "name") as string, attribute: attr(ev[1], "attribute"),
          functionName: attr(h[0], "functionName") as string, libraryName: attr(h[0], "libraryName") as string,
        });
      }
    }
    forms.push({ file, entity, libraries, handlers });
  }
  return forms;
}

/** Functions reachable from the globals of a built script, each evaluated in its own realm. */
function exportedFunctions(library: string): Set<string> {
  const file = path.join(distFolder, path.basename(library));
  const names = new Set<string>();
  if (!fs.existsSync(file)) return names;
  const sandbox = vm.createContext({});
  vm.runInContext(fs.readFileSync(file, "utf8"), sandbox);
  const walk = (value: unknown, prefix: string, depth: number) => {
    if (typeof value === "function") names.add(prefix);
    if (value && typeof value === "object" && depth < 4) {
      for (const [k, v] of Object.entries(value)) walk(v, `${prefix}.${k}`, depth + 1);
    }
  };
  walk(vm.runInContext("typeof Taazeez === 'undefined' ? undefined : Taazeez", sandbox), "Taazeez", 0);
  return names;
}

const contract: Array<{ entity: string; library: string; handlers: Array<[string, string | null, string]> }> = [
  { entity: "taz_supportrequest", library: "taz_/scripts/supportrequest.js", handlers: [
    ["onload", null, "Taazeez.SupportRequest.onLoad"], ["onsave", null, "Taazeez.SupportRequest.onSave"],
    ["onchange", "taz_channel", "Taazeez.SupportRequest.onChannelChange"]] },
  { entity: "taz_beneficiary", library: "taz_/scripts/beneficiary.js", handlers: [
    ["onload", null, "Taazeez.Beneficiary.onLoad"], ["onsave", null, "Taazeez.Beneficiary.onSave"],
    ["onchange", "taz_nationalid", "Taazeez.Beneficiary.onNationalIdChange"],
    ["onchange", "taz_mobile", "Taazeez.Beneficiary.onMobileChange"],
    ["onchange", "taz_householdsize", "Taazeez.Beneficiary.onHouseholdSizeChange"]] },
  { entity: "taz_committeedecision", library: "taz_/scripts/committeedecision.js", handlers: [
    ["onload", null, "Taazeez.CommitteeDecision.onLoad"], ["onsave", null, "Taazeez.CommitteeDecision.onSave"],
    ["onchange", "taz_decision", "Taazeez.CommitteeDecision.onDecisionChange"]] },
];

describe("FormXml references the built form scripts", () => {
  const forms = readForms();
  const packedResources = new Set(filesUnder(path.join(solutionSrc, "WebResources"), ".data.xml")
    .map((f) => fs.readFileSync(f, "utf8").match(/<Name>([^<]*)<\/Name>/)?.[1]));

  it("finds the forms of the solution", () => {
    expect(forms.length, `no FormXml under ${entitiesFolder}`).toBeGreaterThan(0);
  });

  it("every library a form loads is a web resource of the solution with a built script", () => {
    const problems: string[] = [];
    for (const form of forms) {
      for (const library of form.libraries) {
        if (!packedResources.has(library)) problems.push(`${form.file}: library ${library} has no .data.xml under Solution/src/WebResources`);
        if (!fs.existsSync(path.join(scriptsFolder, path.basename(library)))) problems.push(`${form.file}: ${library} is not in ${scriptsFolder}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every handler names a function its library exports, from a library the form loads", () => {
    const problems: string[] = [];
    for (const form of forms) {
      for (const h of form.handlers) {
        if (!form.libraries.includes(h.libraryName)) problems.push(`${h.file}: ${h.functionName} uses ${h.libraryName}, not in formLibraries`);
        if (!exportedFunctions(h.libraryName).has(h.functionName)) problems.push(`${h.file}: ${h.functionName} is not a function of ${h.libraryName}`);
      }
    }
    expect(problems).toEqual([]);
  });

  for (const c of contract) {
    it(`the ${c.entity} main form registers the contract's handlers`, () => {
      const main = forms.filter((f) => f.entity === c.entity && path.relative(entitiesFolder, f.file).split(path.sep)[2] === "main");
      expect(main.length, `no main form for ${c.entity}`).toBeGreaterThan(0);
      for (const form of main) {
        expect(form.libraries).toContain(c.library);
        const registered = form.handlers.map((h) => [h.event, h.attribute, h.functionName]);
        for (const expected of c.handlers) expect(registered).toContainEqual(expected);
        expect(form.handlers.every((h) => /passExecutionContext="true"/.test(h.raw))).toBe(true);
      }
    });
  }
});
