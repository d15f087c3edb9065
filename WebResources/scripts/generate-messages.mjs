// Generates src/generated/<bundle>.messages.ts from Plugins/Messages/policy-messages.json, the one source of
// every policy message shared with the plugins, so no message is ever copied by hand.
// Only the keys the form scripts name are emitted: a message added for the plugins alone leaves the
// published scripts unchanged, while any key the scripts use but the JSON lacks fails the type check.
import fs from "node:fs";
import path from "node:path";
import { messagesJson, generatedFolder } from "./paths.mjs";

const placeholders = (text) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort().join(",");

/**
 * Writes src/generated/<bundle>.messages.ts holding the catalog keys that the given sources name as
 * string literals (the code names keys only that way) and returns its path.
 */
export function generateMessages(bundle, sourceFiles) {
  const catalog = JSON.parse(fs.readFileSync(messagesJson, "utf8"));
  for (const key of Object.keys(catalog)) {
    const m = catalog[key];
    for (const lang of ["ar", "en"]) {
      if (typeof m[lang] !== "string" || m[lang].trim() === "") throw new Error(`${key}: missing "${lang}" text`);
    }
    if (placeholders(m.ar) !== placeholders(m.en)) throw new Error(`${key}: Arabic and English placeholders differ`);
  }
  const text = sourceFiles.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  const keys = Object.keys(catalog).filter((key) => text.includes(JSON.stringify(key))).sort();
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
  const file = path.join(generatedFolder, `${bundle}.messages.ts`);
  fs.mkdirSync(generatedFolder, { recursive: true });
  fs.writeFileSync(file, source);
  return file;
}

