// Client-side mirrors of the server's S2 data checks; they return the key of the same message.
namespace Taazeez.Common {
  /** National ID (starts with 1) or iqama (starts with 2): 10 digits whose last is a Luhn check digit. */
  export function nationalIdProblem(value: string | null): Messages.Key | null {
    if (value === null || value === "") return null;
    if (!/^[12]\d{9}$/.test(value)) return "S2.NationalIdFormat";
    return luhnValid(value) ? null : "S2.NationalIdCheckDigit";
  }

  export function luhnValid(digits: string): boolean {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  /** Saudi mobile in international form: +9665 followed by 8 digits. */
  export function mobileProblem(value: string | null): Messages.Key | null {
    if (value === null || value === "") return null;
    return /^\+9665\d{8}$/.test(value) ? null : "S2.MobileFormat";
  }

  /** Guid without braces, lower case, as OData filters want it. */
  export function bareId(id: string): string {
    return id.replace(/[{}]/g, "").toLowerCase();
  }
}
