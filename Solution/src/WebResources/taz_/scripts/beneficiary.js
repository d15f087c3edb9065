// taz_/scripts/beneficiary.js: generated from WebResources/src by `npm run build`. Do not edit.
"use strict";
// Generated from Plugins/Messages/policy-messages.json by scripts/generate-messages.mjs. Do not edit.
var Taazeez;
(function (Taazeez) {
    var Messages;
    (function (Messages) {
        Messages.catalog = {
            "P1.ConsentMissing": { field: "taz_pdplconsent", ar: "لم يوافق المستفيد بعد على معالجة بياناته الشخصية (نظام حماية البيانات الشخصية). اطلب موافقته قبل استخدام بياناته.", en: "The beneficiary has not yet consented to the processing of their personal data (PDPL). Ask for consent before using their data." },
            "P1.ConsentRecorded": { field: "taz_pdplconsent", ar: "وافق المستفيد على معالجة بياناته الشخصية بتاريخ {0} (نسخة الإشعار {1}).", en: "The beneficiary consented to the processing of their personal data on {0} (notice version {1})." },
            "S2.DuplicateBeneficiary": { field: "taz_nationalid", ar: "يوجد مستفيد مسجل بنفس رقم الهوية: {0}. افتح ملفه بدلا من إنشاء ملف جديد.", en: "A beneficiary with the same ID number is already registered: {0}. Open that file instead of creating a new one." },
            "S2.HouseholdMismatch": { field: "taz_householdsize", ar: "عدد أفراد الأسرة المدخل ({0}) لا يطابق عدد الأفراد المسجلين في ملف المستفيد ({1} بمن فيهم المستفيد نفسه).", en: "The household size entered ({0}) does not match the people registered in the beneficiary's file ({1}, counting the beneficiary)." },
            "S2.HouseholdSize": { field: "taz_householdsize", ar: "عدد أفراد الأسرة يجب أن يكون 1 على الأقل.", en: "The household size must be at least 1." },
            "S2.IncomeNegative": { field: "taz_monthlyincome", ar: "الدخل الشهري لا يمكن أن يكون سالبا.", en: "The monthly income cannot be negative." },
            "S2.MobileFormat": { field: "taz_mobile", ar: "رقم الجوال يجب أن يكون بالصيغة ‎+9665XXXXXXXX‎ (مثال: ‎+966512345678‎).", en: "The mobile number must be in the form +9665XXXXXXXX (for example +966512345678)." },
            "S2.NationalIdCheckDigit": { field: "taz_nationalid", ar: "رقم الهوية أو الإقامة غير صحيح (رقم التحقق لا يطابق). يرجى مطابقته مع الوثيقة الأصلية.", en: "The national ID or iqama number is not valid (check digit mismatch). Please match it against the original document." },
            "S2.NationalIdFormat": { field: "taz_nationalid", ar: "رقم الهوية أو الإقامة يجب أن يتكون من 10 أرقام ويبدأ بالرقم 1 للهوية الوطنية أو 2 للإقامة.", en: "The national ID or iqama number must be 10 digits starting with 1 (national ID) or 2 (iqama)." },
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
// Beneficiary checks that need the server: duplicate ID (S2) and household size vs registered members.
var Taazeez;
(function (Taazeez) {
    var Beneficiary;
    (function (Beneficiary) {
        var C = Taazeez.Common;
        /** Other beneficiaries already registered with this national ID / iqama number (at most 5 asked for). */
        async function findDuplicates(nationalId, selfId) {
            let filter = `taz_nationalid eq '${nationalId}'`;
            if (selfId)
                filter += ` and taz_beneficiaryid ne ${C.bareId(selfId)}`;
            const result = await Xrm.WebApi.retrieveMultipleRecords("taz_beneficiary", `?$select=taz_beneficiaryid,taz_name&$filter=${filter}&$top=5`);
            return result.entities.map((e) => { var _a; return String((_a = e["taz_name"]) !== null && _a !== void 0 ? _a : e["taz_beneficiaryid"]); });
        }
        Beneficiary.findDuplicates = findDuplicates;
        async function showDuplicateWarning(form) {
            const nationalId = C.value(form, "taz_nationalid");
            if (nationalId === null || C.nationalIdProblem(nationalId) !== null) {
                C.formNotice(form, "taz_duplicate", null, "WARNING");
                return false;
            }
            const selfId = C.isCreate(form) ? null : form.data.entity.getId() || null;
            let names;
            try {
                names = await findDuplicates(nationalId, selfId);
            }
            catch (_a) {
                // A user without read access to the column-secured ID cannot query it; the server's alternate key still refuses duplicates.
                names = [];
            }
            C.formNotice(form, "taz_duplicate", names.length > 0 ? C.message("S2.DuplicateBeneficiary", names.join("، ")) : null, "WARNING");
            return names.length > 0;
        }
        Beneficiary.showDuplicateWarning = showDuplicateWarning;
        /** Members registered in taz_householdmember; the household size counts them plus the beneficiary. */
        async function countMembers(beneficiaryId) {
            const result = await Xrm.WebApi.retrieveMultipleRecords("taz_householdmember", `?$select=taz_householdmemberid&$filter=_taz_beneficiaryid_value eq ${C.bareId(beneficiaryId)}&$top=51`);
            return result.entities.length;
        }
        Beneficiary.countMembers = countMembers;
        async function showHouseholdConsistency(form) {
            const size = C.value(form, "taz_householdsize");
            if (C.isCreate(form) || size === null || size < 1) {
                C.formNotice(form, "taz_household", null, "WARNING");
                return true;
            }
            let expected;
            try {
                expected = (await countMembers(form.data.entity.getId())) + 1;
            }
            catch (_a) {
                // Without read access to household members the comparison cannot be made; it is a notice, never a block.
                C.formNotice(form, "taz_household", null, "WARNING");
                return true;
            }
            const consistent = expected === size;
            C.formNotice(form, "taz_household", consistent ? null : C.message("S2.HouseholdMismatch", size, expected), "WARNING");
            return consistent;
        }
        Beneficiary.showHouseholdConsistency = showHouseholdConsistency;
    })(Beneficiary = Taazeez.Beneficiary || (Taazeez.Beneficiary = {}));
})(Taazeez || (Taazeez = {}));
// P1 personal data consent notice (PDPL): staff see whether the beneficiary consented and to which notice.
var Taazeez;
(function (Taazeez) {
    var Beneficiary;
    (function (Beneficiary) {
        var C = Taazeez.Common;
        function showConsentNotice(form) {
            var _a;
            const consented = C.value(form, "taz_pdplconsent") === true;
            const on = C.value(form, "taz_pdplconsenton");
            const text = consented
                ? C.message("P1.ConsentRecorded", on ? `${C.gregorianDate(on)} / ${C.hijriDate(on)}` : "—", (_a = C.value(form, "taz_pdplconsentversion")) !== null && _a !== void 0 ? _a : "—")
                : C.message("P1.ConsentMissing");
            C.formNotice(form, "taz_consent", text, consented ? "INFO" : "WARNING");
            return consented;
        }
        Beneficiary.showConsentNotice = showConsentNotice;
    })(Beneficiary = Taazeez.Beneficiary || (Taazeez.Beneficiary = {}));
})(Taazeez || (Taazeez = {}));
// Form events of the beneficiary main form (docs/contracts.md, "Form script handlers").
var Taazeez;
(function (Taazeez) {
    var Beneficiary;
    (function (Beneficiary) {
        var C = Taazeez.Common;
        function householdSizeProblem(form) {
            const size = C.value(form, "taz_householdsize");
            return size !== null && size < 1 ? "S2.HouseholdSize" : null;
        }
        function fieldProblems(form) {
            var _a;
            return [
                ["taz_nationalid", C.nationalIdProblem(C.value(form, "taz_nationalid"))],
                ["taz_mobile", C.mobileProblem(C.value(form, "taz_mobile"))],
                ["taz_householdsize", householdSizeProblem(form)],
                ["taz_monthlyincome", ((_a = C.value(form, "taz_monthlyincome")) !== null && _a !== void 0 ? _a : 0) < 0 ? "S2.IncomeNegative" : null],
            ];
        }
        async function onLoad(executionContext) {
            const form = executionContext.getFormContext();
            Beneficiary.showConsentNotice(form);
            await Beneficiary.showHouseholdConsistency(form);
        }
        Beneficiary.onLoad = onLoad;
        async function onNationalIdChange(executionContext) {
            const form = executionContext.getFormContext();
            C.fieldError(form, "taz_nationalid", C.nationalIdProblem(C.value(form, "taz_nationalid")));
            await Beneficiary.showDuplicateWarning(form);
        }
        Beneficiary.onNationalIdChange = onNationalIdChange;
        function onMobileChange(executionContext) {
            const form = executionContext.getFormContext();
            C.fieldError(form, "taz_mobile", C.mobileProblem(C.value(form, "taz_mobile")));
        }
        Beneficiary.onMobileChange = onMobileChange;
        async function onHouseholdSizeChange(executionContext) {
            const form = executionContext.getFormContext();
            C.fieldError(form, "taz_householdsize", householdSizeProblem(form));
            await Beneficiary.showHouseholdConsistency(form);
        }
        Beneficiary.onHouseholdSizeChange = onHouseholdSizeChange;
        /** Blocks the save on the same data errors the server rejects; notices (duplicate, household) do not block. */
        function onSave(executionContext) {
            const form = executionContext.getFormContext();
            let blocked = false;
            for (const [field, key] of fieldProblems(form)) {
                C.fieldError(form, field, key);
                blocked = blocked || key !== null;
            }
            if (blocked)
                executionContext.getEventArgs().preventDefault();
        }
        Beneficiary.onSave = onSave;
    })(Beneficiary = Taazeez.Beneficiary || (Taazeez.Beneficiary = {}));
})(Taazeez || (Taazeez = {}));
