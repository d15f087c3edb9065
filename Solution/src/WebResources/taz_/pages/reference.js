// taz_/pages/reference.js: generated from WebResources/src by `npm run build`. Do not edit.
"use strict";
// Generated from Plugins/Messages/policy-messages.json by scripts/generate-messages.mjs. Do not edit.
var Taazeez;
(function (Taazeez) {
    var Messages;
    (function (Messages) {
        Messages.catalog = {
            "S2.MobileFormat": { field: "taz_mobile", ar: "رقم الجوال يجب أن يكون بالصيغة ‎+9665XXXXXXXX‎ (مثال: ‎+966512345678‎).", en: "The mobile number must be in the form +9665XXXXXXXX (for example +966512345678)." },
            "S2.NationalIdCheckDigit": { field: "taz_nationalid", ar: "رقم الهوية أو الإقامة غير صحيح (رقم التحقق لا يطابق). يرجى مطابقته مع الوثيقة الأصلية.", en: "The national ID or iqama number is not valid (check digit mismatch). Please match it against the original document." },
            "S2.NationalIdFormat": { field: "taz_nationalid", ar: "رقم الهوية أو الإقامة يجب أن يتكون من 10 أرقام ويبدأ بالرقم 1 للهوية الوطنية أو 2 للإقامة.", en: "The national ID or iqama number must be 10 digits starting with 1 (national ID) or 2 (iqama)." },
            "T.DocumentNotSet": { ar: "لم يحدد رابط هذا المستند بعد. يرجى من مسؤول النظام تعبئة متغير البيئة {0}.", en: "The link to this document has not been set yet. Ask the system administrator to fill in the environment variable {0}." },
            "T.OpenDocument": { ar: "فتح المستند", en: "Open the document" },
            "T.UnknownDocument": { ar: "المستند المطلوب غير معروف. اختر أحد أدوات المرجع من القائمة.", en: "Unknown document. Choose one of the reference tools from the menu." },
            "T1.BylawsTitle": { ar: "اللائحة الأساسية للجمعية", en: "The association's bylaws" },
            "T2.ResearchGuideTitle": { ar: "دليل خدمات البحث الاجتماعي", en: "Social research services guide" },
            "T3.SupportPolicyGuideTitle": { ar: "دليل سياسة الدعم للمستفيدين", en: "Beneficiary support policy guide" },
        };
    })(Messages = Taazeez.Messages || (Taazeez.Messages = {}));
})(Taazeez || (Taazeez = {}));
// Dates shown to staff in Saudi time, Gregorian and Umm al-Qura Hijri, in the user's language.
var Taazeez;
(function (Taazeez) {
    var Common;
    (function (Common) {
        const timeZone = "Asia/Riyadh";
        function gregorianDate(date, lang = Common.userLanguage()) {
            const locale = lang === "ar" ? "ar-SA-u-ca-gregory-nu-latn" : "en-GB-u-ca-gregory";
            return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone }).format(date);
        }
        Common.gregorianDate = gregorianDate;
        function hijriDate(date, lang = Common.userLanguage()) {
            const locale = lang === "ar" ? "ar-SA-u-ca-islamic-umalqura" : "en-SA-u-ca-islamic-umalqura";
            return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone }).format(date);
        }
        Common.hijriDate = hijriDate;
    })(Common = Taazeez.Common || (Taazeez.Common = {}));
})(Taazeez || (Taazeez = {}));
// Environment variables (docs/data-model.md): the current value overrides the definition's default.
var Taazeez;
(function (Taazeez) {
    var Common;
    (function (Common) {
        async function environmentValue(schemaName) {
            var _a, _b;
            const result = await Xrm.WebApi.retrieveMultipleRecords("environmentvariabledefinition", `?$select=schemaname,defaultvalue&$filter=schemaname eq '${schemaName}'`
                + "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)");
            const definition = result.entities[0];
            if (!definition)
                return null;
            const values = ((_a = definition["environmentvariabledefinition_environmentvariablevalue"]) !== null && _a !== void 0 ? _a : []);
            const value = values.length > 0 ? (_b = values[0].value) !== null && _b !== void 0 ? _b : null : null;
            if (!Common.blank(value))
                return value.trim();
            const fallback = definition["defaultvalue"];
            return Common.blank(fallback !== null && fallback !== void 0 ? fallback : null) ? null : fallback.trim();
        }
        Common.environmentValue = environmentValue;
    })(Common = Taazeez.Common || (Taazeez.Common = {}));
})(Taazeez || (Taazeez = {}));
// Small null-safe helpers over the form context: a column may be left off a form by a customizer.
var Taazeez;
(function (Taazeez) {
    var Common;
    (function (Common) {
        function attribute(form, name) {
            var _a;
            return (_a = form.getAttribute(name)) !== null && _a !== void 0 ? _a : null;
        }
        Common.attribute = attribute;
        function value(form, name) {
            var _a;
            const a = form.getAttribute(name);
            return a ? ((_a = a.getValue()) !== null && _a !== void 0 ? _a : null) : null;
        }
        Common.value = value;
        function control(form, name) {
            var _a;
            return (_a = form.getControl(name)) !== null && _a !== void 0 ? _a : null;
        }
        Common.control = control;
        /** Shows (or clears, when key is null) the field-level error with the policy message. */
        function fieldError(form, name, key) {
            const c = control(form, name);
            if (!c)
                return;
            const id = `taz_${name}_error`;
            if (key)
                c.setNotification(Common.message(key), id);
            else
                c.clearNotification(id);
        }
        Common.fieldError = fieldError;
        /** Replaces a form notification with the same id (Dataverse keeps the first one otherwise). */
        function formNotice(form, id, text, level) {
            form.ui.clearFormNotification(id);
            if (text)
                form.ui.setFormNotification(text, level, id);
        }
        Common.formNotice = formNotice;
        function setDisabled(form, names, disabled) {
            var _a;
            for (const name of names)
                (_a = control(form, name)) === null || _a === void 0 ? void 0 : _a.setDisabled(disabled);
        }
        Common.setDisabled = setDisabled;
        function isCreate(form) {
            return form.ui.getFormType() === 1 /* XrmEnum.FormType.Create */;
        }
        Common.isCreate = isCreate;
        function blank(text) {
            return text === null || text.trim() === "";
        }
        Common.blank = blank;
    })(Common = Taazeez.Common || (Taazeez.Common = {}));
})(Taazeez || (Taazeez = {}));
// The user's language and the bilingual policy messages (generated from policy-messages.json).
var Taazeez;
(function (Taazeez) {
    var Common;
    (function (Common) {
        /** Arabic for 1025, English otherwise (1033 and any language the solution has no labels for). */
        function userLanguage() {
            return Xrm.Utility.getGlobalContext().userSettings.languageId === 1025 ? "ar" : "en";
        }
        Common.userLanguage = userLanguage;
        /** Replaces {0}, {1}... with the arguments, as the plugins' string.Format does. */
        function format(text, args) {
            return text.replace(/\{(\d+)\}/g, (whole, index) => {
                const value = args[Number(index)];
                return value === undefined ? whole : String(value);
            });
        }
        Common.format = format;
        /** A policy message in the user's language. */
        function message(key, ...args) {
            return format(Taazeez.Messages.catalog[key][userLanguage()], args);
        }
        Common.message = message;
    })(Common = Taazeez.Common || (Taazeez.Common = {}));
})(Taazeez || (Taazeez = {}));
// Client-side mirrors of the server's S2 data checks; they return the key of the same message.
var Taazeez;
(function (Taazeez) {
    var Common;
    (function (Common) {
        /** National ID (starts with 1) or iqama (starts with 2): 10 digits whose last is a Luhn check digit. */
        function nationalIdProblem(value) {
            if (value === null || value === "")
                return null;
            if (!/^[12]\d{9}$/.test(value))
                return "S2.NationalIdFormat";
            return luhnValid(value) ? null : "S2.NationalIdCheckDigit";
        }
        Common.nationalIdProblem = nationalIdProblem;
        function luhnValid(digits) {
            let sum = 0;
            for (let i = 0; i < digits.length; i++) {
                let d = digits.charCodeAt(digits.length - 1 - i) - 48;
                if (i % 2 === 1) {
                    d *= 2;
                    if (d > 9)
                        d -= 9;
                }
                sum += d;
            }
            return sum % 10 === 0;
        }
        Common.luhnValid = luhnValid;
        /** Saudi mobile in international form: +9665 followed by 8 digits. */
        function mobileProblem(value) {
            if (value === null || value === "")
                return null;
            return /^\+9665\d{8}$/.test(value) ? null : "S2.MobileFormat";
        }
        Common.mobileProblem = mobileProblem;
        /** Guid without braces, lower case, as OData filters want it. */
        function bareId(id) {
            return id.replace(/[{}]/g, "").toLowerCase();
        }
        Common.bareId = bareId;
    })(Common = Taazeez.Common || (Taazeez.Common = {}));
})(Taazeez || (Taazeez = {}));
// T1–T3 reference page: the site map opens taz_/pages/reference.html?data=T1|T2|T3 and the page links
// the document whose address the association keeps in an environment variable (changed without code).
var Taazeez;
(function (Taazeez) {
    var ReferencePage;
    (function (ReferencePage) {
        var C = Taazeez.Common;
        ReferencePage.documents = {
            T1: { variable: "taz_BylawsUrl", title: "T1.BylawsTitle" },
            T2: { variable: "taz_ResearchGuideUrl", title: "T2.ResearchGuideTitle" },
            T3: { variable: "taz_SupportPolicyGuideUrl", title: "T3.SupportPolicyGuideTitle" },
        };
        /** What to show for the page's query string; only http(s) addresses become links. */
        async function describe(search) {
            var _a, _b;
            const id = ((_b = (_a = /[?&]data=([^&]*)/.exec(search)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : "").toUpperCase();
            const document = ReferencePage.documents[id];
            const linkText = C.message("T.OpenDocument");
            if (!document)
                return { title: C.message("T.UnknownDocument"), url: null, note: null, linkText };
            const url = await C.environmentValue(document.variable);
            const usable = url !== null && /^https?:\/\//i.test(url);
            return { title: C.message(document.title), url: usable ? url : null, note: usable ? null : C.message("T.DocumentNotSet", document.variable), linkText };
        }
        ReferencePage.describe = describe;
        function render(view, page) {
            var _a;
            const lang = C.userLanguage();
            page.documentElement.lang = lang;
            page.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
            page.title = view.title;
            page.getElementById("title").textContent = view.title;
            page.getElementById("note").textContent = (_a = view.note) !== null && _a !== void 0 ? _a : "";
            const link = page.getElementById("link");
            link.hidden = view.url === null;
            if (view.url !== null) {
                link.href = view.url;
                link.textContent = view.linkText;
            }
        }
        ReferencePage.render = render;
        /** Body onload: an HTML web resource reaches the client API through its parent window. */
        async function onLoad() {
            const host = window;
            if (!host.Xrm)
                host.Xrm = host.parent.Xrm;
            render(await describe(window.location.search), window.document);
        }
        ReferencePage.onLoad = onLoad;
    })(ReferencePage = Taazeez.ReferencePage || (Taazeez.ReferencePage = {}));
})(Taazeez || (Taazeez = {}));
