// Dates shown to staff in Saudi time, Gregorian and Umm al-Qura Hijri, in the user's language.
namespace Taazeez.Common {
  const timeZone = "Asia/Riyadh";

  export function gregorianDate(date: Date, lang: Language = userLanguage()): string {
    const locale = lang === "ar" ? "ar-SA-u-ca-gregory-nu-latn" : "en-GB-u-ca-gregory";
    return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone }).format(date);
  }

  export function hijriDate(date: Date, lang: Language = userLanguage()): string {
    const locale = lang === "ar" ? "ar-SA-u-ca-islamic-umalqura" : "en-SA-u-ca-islamic-umalqura";
    return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone }).format(date);
  }
}
