// Generates src/generated/messages.ts from Plugins/Messages/policy-messages.json, the one source of
// every policy message shared with the plugins, so no message is ever copied by hand.
// Only the keys the form scripts name are emitted: a message added for the plugins alone leaves the
// published scripts unchanged, while any key the scripts use but the JSON lacks fails the type check.
import fs from "node:fs";
import path from "node:path";
import { messagesJson, generatedMessages, webResourcesRoot } from "./paths.mjs";

function scriptSources(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : scriptSources(full);
    return entry.name.endsWith(".ts") ? [fs.readFileSync(full, "utf8")] : [];
  });
}

/** Catalog keys written as string literals in src/ (the code names keys only that way). */
function usedKeys(catalog) {
  const text = scriptSources(path.join(webResourcesRoot, "src")).join("\n");
  return Object.keys(catalog).filter((key) => text.includes(JSON.stringify(key)));
}

const placeholders = (text) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort().join(",");

export function generateMessages() {
  const catalog = JSON.parse(fs.readFileSync(messagesJson, "utf8"));
  for (const key of Object.keys(catalog)) {
    const m = catalog[key];
    for (const lang of ["ar", "en"]) {
      if (typeof m[lang] !== "string" || m[lang].trim() === "") throw new Error(`${key}: missing "${lang}" text`);
    }
    if (placeholders(m.ar) !== placeholders(m.en)) throw new Error(`${key}: Arabic and English placeholders differ`);
  }
  const keys = usedKeys(catalog).sort();
  if (keys.length === 0) throw new Error("the form scripts use no policy message");
  const entries = keys.map((key) => {
    const { field, ar, en } = catalog[key];
    const fieldPart = field ? `field: ${JSON.stringify(field)}, ` : "";
    return `    ${JSON.stringify(key)}: { ${fieldPart}ar: ${JSON.stringify(ar)}, en: ${JSON.stringify(en)} },`;
  });
  const source = [
    "// Generated from Plugins/Messages/policy-messages.json by scripts/generate-messages.mjs. Do not edit.",
    "namespace Taazeez.Messages {",
    "  export interface Message { readonly field?: string; readonly ar: string; readonly en: string; }",
    `  export type Key = ${keys.map((k) => JSON.stringify(k)).join(" | ")};`,
    "  export const catalog: { readonly [K in Key]: Message } = {",
    ...entries,
    "  };",
    "}",
    "",
  ].join("\n");
  fs.mkdirSync(path.dirname(generatedMessages), { recursive: true });
  fs.writeFileSync(generatedMessages, source);
  return keys.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`messages: ${generateMessages()} keys`);
}
