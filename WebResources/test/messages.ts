// The policy messages as the plugins read them, to check the forms show the same texts.
import fs from "node:fs";
import path from "node:path";

export const catalog: Record<string, { field?: string; ar: string; en: string }> = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "..", "..", "Plugins", "Messages", "policy-messages.json"), "utf8"));

export function text(key: string, lang: "ar" | "en", ...args: Array<string | number>): string {
  return catalog[key][lang].replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}
