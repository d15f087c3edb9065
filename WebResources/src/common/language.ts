// The user's language and the bilingual policy messages (generated from policy-messages.json).
namespace Taazeez.Common {
  export type Language = "ar" | "en";

  /** Arabic for 1025, English otherwise (1033 and any language the solution has no labels for). */
  export function userLanguage(): Language {
    return Xrm.Utility.getGlobalContext().userSettings.languageId === 1025 ? "ar" : "en";
  }

  /** Replaces {0}, {1}... with the arguments, as the plugins' string.Format does. */
  export function format(text: string, args: ReadonlyArray<string | number>): string {
    return text.replace(/\{(\d+)\}/g, (whole, index: string) => {
      const value = args[Number(index)];
      return value === undefined ? whole : String(value);
    });
  }

  /** A policy message in the user's language. */
  export function message(key: Messages.Key, ...args: Array<string | number>): string {
    return format(Messages.catalog[key][userLanguage()], args);
  }
}
