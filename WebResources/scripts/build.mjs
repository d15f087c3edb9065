// Compiles each script into one classic script (no modules at runtime: the globals are TypeScript
// namespaces) under dist/. With --publish it also writes the scripts, the static pages and their
// SolutionPackager .data.xml descriptors into Solution/src/WebResources/taz_/<folder>/.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { forms, pages, libraryName } from "./forms.mjs";
import { generateMessages } from "./generate-messages.mjs";
import { webResourcesRoot, distFolder, publishFolder, generatedFolder } from "./paths.mjs";

const compilerOptions = {
  target: ts.ScriptTarget.ES2017,
  lib: ["lib.es2020.d.ts", "lib.dom.d.ts"],
  types: ["xrm"],
  typeRoots: [path.join(webResourcesRoot, "node_modules", "@types")],
  strict: true,
  noUnusedLocals: true,
  noImplicitReturns: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
  module: ts.ModuleKind.None,
};

const sourcesOf = (folder) =>
  fs.readdirSync(path.join(webResourcesRoot, "src", folder))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => path.join(webResourcesRoot, "src", folder, f));

export function compile() {
  fs.rmSync(generatedFolder, { recursive: true, force: true });
  fs.mkdirSync(distFolder, { recursive: true });
  for (const form of forms) {
    const outFile = path.join(distFolder, `${form.name}.js`);
    const sources = [...sourcesOf("common"), ...sourcesOf(form.name)];
    const files = [generateMessages(form.name, sources), ...sources];
    const program = ts.createProgram(files, { ...compilerOptions, outFile });
    const result = program.emit();
    const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
    if (diagnostics.length > 0) {
      const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => webResourcesRoot, getNewLine: () => "\n" };
      throw new Error(ts.formatDiagnostics(diagnostics, host));
    }
    const header = `// ${libraryName(form)}: generated from WebResources/src by \`npm run build\`. Do not edit.\n`;
    fs.writeFileSync(outFile, header + fs.readFileSync(outFile, "utf8"));
  }
}

const xmlEscape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The SolutionPackager descriptor; element order follows CustomizationsSolution.xsd (webresourcetype). */
export function dataXml(form) {
  const type = form.type ?? 3;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<WebResource xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `  <WebResourceId>${form.webResourceId}</WebResourceId>`,
    `  <Name>${libraryName(form)}</Name>`,
    `  <DisplayName>${xmlEscape(form.displayName)}</DisplayName>`,
    `  <Description>${xmlEscape(form.description)}</Description>`,
    `  <WebResourceType>${type}</WebResourceType>`,
    "  <IntroducedVersion>1.0.0.0</IntroducedVersion>",
    "  <IsEnabledForMobileClient>1</IsEnabledForMobileClient>",
    "  <IsAvailableForMobileOffline>0</IsAvailableForMobileOffline>",
    "  <IsCustomizable>1</IsCustomizable>",
    "  <CanBeDeleted>1</CanBeDeleted>",
    "  <IsHidden>0</IsHidden>",
    `  <FileName>/WebResources/${libraryName(form)}</FileName>`,
    "</WebResource>",
    "",
  ].join("\n");
}

export function publish() {
  for (const form of forms) {
    const target = path.join(publishFolder, libraryName(form));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(distFolder, `${form.name}.js`), target);
    fs.writeFileSync(`${target}.data.xml`, dataXml(form));
  }
  for (const page of pages) {
    const target = path.join(publishFolder, libraryName(page));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(webResourcesRoot, page.file), target);
    fs.writeFileSync(`${target}.data.xml`, dataXml(page));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  compile();
  if (process.argv.includes("--publish")) publish();
  console.log(`built ${forms.length} scripts${process.argv.includes("--publish") ? " and published them to Solution/src" : ""}`);
}
