// taz_/scripts/committeedecision.js: generated from WebResources/src by `npm run build`. Do not edit.
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
            "S5.DecisionRecordReasonsRequired": { field: "taz_reasons", ar: "اكتب أسباب قرار اللجنة (قبولا أو رفضا) قبل حفظ القرار.", en: "Write the reasons for the committee's decision (acceptance or rejection) before saving it." },
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
// Form events of the committee decision main form: S5 every decision (acceptance or rejection) is recorded with its
// reasons, as the CommitteeDecisionValidation plugin enforces on save.
var Taazeez;
(function (Taazeez) {
    var CommitteeDecision;
    (function (CommitteeDecision) {
        var C = Taazeez.Common;
        CommitteeDecision.Outcome = { Approved: 826000001, PartiallyApproved: 826000002, Rejected: 826000003 };
        function reasonsRequired(form) {
            return C.value(form, "taz_decision") != null;
        }
        CommitteeDecision.reasonsRequired = reasonsRequired;
        function applyRequirement(form) {
            var _a;
            (_a = C.attribute(form, "taz_reasons")) === null || _a === void 0 ? void 0 : _a.setRequiredLevel(reasonsRequired(form) ? "required" : "none");
        }
        function reasonsProblem(form) {
            return reasonsRequired(form) && C.blank(C.value(form, "taz_reasons")) ? "S5.DecisionRecordReasonsRequired" : null;
        }
        function onLoad(executionContext) {
            applyRequirement(executionContext.getFormContext());
        }
        CommitteeDecision.onLoad = onLoad;
        function onDecisionChange(executionContext) {
            const form = executionContext.getFormContext();
            applyRequirement(form);
            // Only take the error away here; it is raised on save, when the reasons had their chance.
            if (reasonsProblem(form) === null)
                C.fieldError(form, "taz_reasons", null);
        }
        CommitteeDecision.onDecisionChange = onDecisionChange;
        function onSave(executionContext) {
            const form = executionContext.getFormContext();
            const problem = reasonsProblem(form);
            C.fieldError(form, "taz_reasons", problem);
            if (problem)
                executionContext.getEventArgs().preventDefault();
        }
        CommitteeDecision.onSave = onSave;
    })(CommitteeDecision = Taazeez.CommitteeDecision || (Taazeez.CommitteeDecision = {}));
})(Taazeez || (Taazeez = {}));
