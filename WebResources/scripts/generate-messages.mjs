// Generates src/generated/messages.ts from Plugins/Messages/policy-messages.json, the one source of
// every policy message shared with the plugins, so no message is ever copied by hand.
import fs from "node:fs";
import path from "node:path";
import { messagesJson, generatedMessages } from "./paths.mjs";

const placeholders = (text) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort().join(",");

export function generateMessages() {
  const catalog = JSON.parse(fs.readFileSync(messagesJson, "utf8"));
  const keys = Object.keys(catalog).sort();
  for (const key of keys) {
    const m = catalog[key];
    for (const lang of ["ar", "en"]) {
      if (typeof m[lang] !== "string" || m[lang].trim() === "") throw new Error(`${key}: missing "${lang}" text`);
    }
    if (placeholders(m.ar) !== placeholders(m.en)) throw new Error(`${key}: Arabic and English placeholders differ`);
  }
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
