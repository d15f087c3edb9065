// taz_/scripts/supportrequest.js: generated from WebResources/src by `npm run build`. Do not edit.
"use strict";
// Generated from Plugins/Messages/policy-messages.json by scripts/generate-messages.mjs. Do not edit.
var Taazeez;
(function (Taazeez) {
    var Messages;
    (function (Messages) {
        Messages.catalog = {
            "C.ChannelRequired": { field: "taz_channel", ar: "يجب تحديد قناة التواصل التي ورد منها الطلب (إحدى القنوات الثماني المعتمدة).", en: "Choose the channel the request came through (one of the eight approved channels)." },
            "S1.NextActorNone": { ar: "لا يوجد إجراء آخر", en: "No further action" },
            "S1.StatusBanner": { ar: "حالة الطلب: {0} — الإجراء التالي: {1}", en: "Request status: {0} — next: {1}" },
            "S2.AmountNegative": { field: "taz_amountrequested", ar: "المبلغ المطلوب لا يمكن أن يكون سالبا.", en: "The requested amount cannot be negative." },
            "S2.MobileFormat": { field: "taz_mobile", ar: "رقم الجوال يجب أن يكون بالصيغة ‎+9665XXXXXXXX‎ (مثال: ‎+966512345678‎).", en: "The mobile number must be in the form +9665XXXXXXXX (for example +966512345678)." },
            "S2.NationalIdCheckDigit": { field: "taz_nationalid", ar: "رقم الهوية أو الإقامة غير صحيح (رقم التحقق لا يطابق). يرجى مطابقته مع الوثيقة الأصلية.", en: "The national ID or iqama number is not valid (check digit mismatch). Please match it against the original document." },
            "S2.NationalIdFormat": { field: "taz_nationalid", ar: "رقم الهوية أو الإقامة يجب أن يتكون من 10 أرقام ويبدأ بالرقم 1 للهوية الوطنية أو 2 للإقامة.", en: "The national ID or iqama number must be 10 digits starting with 1 (national ID) or 2 (iqama)." },
            "S2.NextActorOfficer": { ar: "مسؤول علاقات المستفيدين (مطابقة البيانات والتحقق منها)", en: "Beneficiary relations officer (match and verify the data)" },
            "S3.NextActorResearcher": { ar: "الباحث الاجتماعي (البحث الاجتماعي)", en: "Social researcher (social research)" },
            "S4.BeneficiaryRequired": { field: "taz_beneficiaryid", ar: "يجب ربط طلب الدعم بملف المستفيد قبل الحفظ.", en: "Link the support request to the beneficiary's file before saving." },
            "S4.DeclarationNotSigned": { field: "taz_declarationsigned", ar: "لم يوقع مقدم الطلب الإقرار بصحة البيانات بعد.", en: "The applicant has not yet signed the declaration that the data is correct." },
            "S4.DeclarationOutdated": { field: "taz_declarationversion", ar: "وقع مقدم الطلب نص الإقرار {0} بينما النص المعتمد حاليا هو {1}. يجب أن يوقع على النص المعتمد.", en: "The applicant signed declaration text {0}, but the text in force is {1}. The applicant must sign the text in force." },
            "S4.DeclarationValid": { field: "taz_declarationsigned", ar: "الإقرار موقع من {0} بتاريخ {1} (نص الإقرار {2}) وهو ساري.", en: "The declaration was signed by {0} on {1} (declaration text {2}) and is valid." },
            "S4.DeclarationVoided": { field: "taz_declarationvoidreason", ar: "تم إبطال توقيع الإقرار: {0} يجب أن يوقع مقدم الطلب الإقرار من جديد.", en: "The declaration signature was voided: {0} The applicant must sign the declaration again." },
            "S5.CommitteeDueOn": { field: "taz_committeedueon", ar: "موعد رد لجنة البحث: {0} م الموافق {1}", en: "Research committee answer due: {0} ({1})" },
            "S5.CommitteeOverdue": { field: "taz_committeedueon", ar: "تجاوز الطلب موعد رد لجنة البحث ({0} م الموافق {1}).", en: "The request is past the research committee's answer date ({0}, {1})." },
            "S5.DecisionLocked": { field: "taz_decision", ar: "صدر قرار لجنة البحث في هذا الطلب؛ حقول القرار والبيانات المقررة مقفلة.", en: "The research committee has decided this request; the decision and the decided data are locked." },
            "S5.NextActorCommittee": { ar: "لجنة البحث (دراسة الطلب والرد)", en: "Research committee (study the request and answer)" },
            "S6.NextActorRegistration": { ar: "مسؤول علاقات المستفيدين (استكمال إجراءات التسجيل)", en: "Beneficiary relations officer (complete the registration)" },
            "S7.NextActorDelivery": { ar: "مسؤول تقديم الخدمة (تقديم الخدمة المطلوبة)", en: "Service delivery (provide the required service)" },
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
// S4 declaration panel: is the applicant's signature in force, and if it was voided, why.
var Taazeez;
(function (Taazeez) {
    var SupportRequest;
    (function (SupportRequest) {
        var C = Taazeez.Common;
        /** A signature counts only with its name, its date and the server's hash of the declared data. */
        function declarationState(form) {
            const signed = C.value(form, "taz_declarationsigned") === true;
            const complete = !C.blank(C.value(form, "taz_declarationsignedby"))
                && C.value(form, "taz_declarationsignedon") !== null
                && !C.blank(C.value(form, "taz_declarationhash"));
            if (signed && complete)
                return "valid";
            return C.blank(C.value(form, "taz_declarationvoidreason")) ? "unsigned" : "voided";
        }
        SupportRequest.declarationState = declarationState;
        function showDeclarationPanel(form) {
            var _a;
            const state = declarationState(form);
            let text;
            let level;
            if (state === "valid") {
                const on = C.value(form, "taz_declarationsignedon");
                text = C.message("S4.DeclarationValid", C.value(form, "taz_declarationsignedby"), `${C.gregorianDate(on)} / ${C.hijriDate(on)}`, (_a = C.value(form, "taz_declarationversion")) !== null && _a !== void 0 ? _a : "—");
                level = "INFO";
            }
            else if (state === "voided") {
                text = C.message("S4.DeclarationVoided", C.value(form, "taz_declarationvoidreason").trim());
                level = "ERROR";
            }
            else {
                text = C.message("S4.DeclarationNotSigned");
                level = "WARNING";
            }
            C.formNotice(form, "taz_declaration", text, level);
            return state;
        }
        SupportRequest.showDeclarationPanel = showDeclarationPanel;
        /**
         * A valid signature on another declaration text than the one in force (taz_DeclarationTextVersion)
         * must be signed again; shown over the panel. An unreadable variable leaves the panel as it is.
         */
        async function checkDeclarationVersion(form) {
            var _a;
            if (declarationState(form) !== "valid")
                return true;
            const signed = ((_a = C.value(form, "taz_declarationversion")) !== null && _a !== void 0 ? _a : "").trim();
            let current;
            try {
                current = await C.environmentValue("taz_DeclarationTextVersion");
            }
            catch (_b) {
                return true;
            }
            if (current === null || current === signed)
                return true;
            C.formNotice(form, "taz_declaration", C.message("S4.DeclarationOutdated", signed || "—", current), "WARNING");
            return false;
        }
        SupportRequest.checkDeclarationVersion = checkDeclarationVersion;
    })(SupportRequest = Taazeez.SupportRequest || (Taazeez.SupportRequest = {}));
})(Taazeez || (Taazeez = {}));
// Form events of the support request main form (docs/contracts.md, "Form script handlers").
var Taazeez;
(function (Taazeez) {
    var SupportRequest;
    (function (SupportRequest) {
        var C = Taazeez.Common;
        /** Decision fields and the data the decision was taken on: read-only once the committee decided. */
        SupportRequest.lockedAfterDecision = [
            "taz_decision", "taz_approvedamount", "taz_decisionreasons", "taz_decidedon",
            "taz_beneficiaryid", "taz_supporttype", "taz_amountrequested", "taz_channel",
        ];
        const channels = [826000001, 826000002, 826000003, 826000004, 826000005, 826000006, 826000007, 826000008];
        function isDecided(form) {
            const status = C.value(form, "statuscode");
            return (status !== null && SupportRequest.decidedStatuses.indexOf(status) >= 0) || C.value(form, "taz_decision") !== null;
        }
        SupportRequest.isDecided = isDecided;
        function channelProblem(form) {
            const channel = C.value(form, "taz_channel");
            if (channel === null)
                return C.isCreate(form) ? "C.ChannelRequired" : null;
            return channels.indexOf(channel) >= 0 ? null : "C.ChannelRequired";
        }
        async function onLoad(executionContext) {
            var _a;
            const form = executionContext.getFormContext();
            if (C.isCreate(form))
                (_a = C.attribute(form, "taz_channel")) === null || _a === void 0 ? void 0 : _a.setRequiredLevel("required");
            SupportRequest.showLifecycleBanner(form, new Date());
            if (!C.isCreate(form))
                SupportRequest.showDeclarationPanel(form);
            const decided = isDecided(form);
            C.setDisabled(form, SupportRequest.lockedAfterDecision, decided);
            C.formNotice(form, "taz_decided", decided ? C.message("S5.DecisionLocked") : null, "INFO");
            if (!C.isCreate(form))
                await SupportRequest.checkDeclarationVersion(form);
        }
        SupportRequest.onLoad = onLoad;
        function onChannelChange(executionContext) {
            const form = executionContext.getFormContext();
            C.fieldError(form, "taz_channel", channelProblem(form));
        }
        SupportRequest.onChannelChange = onChannelChange;
        function onSave(executionContext) {
            var _a, _b;
            const form = executionContext.getFormContext();
            const problems = [
                ["taz_channel", channelProblem(form)],
                ["taz_beneficiaryid", ((_a = C.value(form, "taz_beneficiaryid")) === null || _a === void 0 ? void 0 : _a.length) ? null : "S4.BeneficiaryRequired"],
                ["taz_amountrequested", ((_b = C.value(form, "taz_amountrequested")) !== null && _b !== void 0 ? _b : 0) < 0 ? "S2.AmountNegative" : null],
            ];
            let blocked = false;
            for (const [field, key] of problems) {
                C.fieldError(form, field, key);
                blocked = blocked || key !== null;
            }
            if (blocked)
                executionContext.getEventArgs().preventDefault();
        }
        SupportRequest.onSave = onSave;
    })(SupportRequest = Taazeez.SupportRequest || (Taazeez.SupportRequest = {}));
})(Taazeez || (Taazeez = {}));
// S1–S7 lifecycle banner: status, who acts next, and the S5 committee answer date.
var Taazeez;
(function (Taazeez) {
    var SupportRequest;
    (function (SupportRequest) {
        var C = Taazeez.Common;
        SupportRequest.Status = {
            Draft: 1,
            Submitted: 826000001,
            UnderVerification: 826000002,
            ReferredToResearch: 826000003,
            AwaitingCommittee: 826000004,
            Approved: 826000005,
            PartiallyApproved: 826000006,
            Rejected: 826000007,
            RegistrationCompleted: 826000008,
            ServiceDelivered: 826000009,
            Closed: 2,
            Withdrawn: 826000010,
        };
        /** Statuses after the research committee has decided (S5): the decision is final on the form. */
        SupportRequest.decidedStatuses = [
            SupportRequest.Status.Approved, SupportRequest.Status.PartiallyApproved, SupportRequest.Status.Rejected, SupportRequest.Status.RegistrationCompleted, SupportRequest.Status.ServiceDelivered,
        ];
        function nextActorKey(status) {
            switch (status) {
                case null:
                case SupportRequest.Status.Draft:
                case SupportRequest.Status.Submitted:
                case SupportRequest.Status.UnderVerification:
                    return "S2.NextActorOfficer";
                case SupportRequest.Status.ReferredToResearch:
                    return "S3.NextActorResearcher";
                case SupportRequest.Status.AwaitingCommittee:
                    return "S5.NextActorCommittee";
                case SupportRequest.Status.Approved:
                case SupportRequest.Status.PartiallyApproved:
                    return "S6.NextActorRegistration";
                case SupportRequest.Status.RegistrationCompleted:
                    return "S7.NextActorDelivery";
                default:
                    return "S1.NextActorNone";
            }
        }
        SupportRequest.nextActorKey = nextActorKey;
        function showLifecycleBanner(form, now) {
            const statusAttribute = C.attribute(form, "statuscode");
            const status = statusAttribute ? statusAttribute.getValue() : null;
            const statusText = (statusAttribute && statusAttribute.getText()) || "—";
            C.formNotice(form, "taz_lifecycle", C.message("S1.StatusBanner", statusText, C.message(nextActorKey(status))), "INFO");
            // The committee date matters only while the committee still has to answer.
            const due = C.value(form, "taz_committeedueon");
            const waiting = status === SupportRequest.Status.AwaitingCommittee || status === SupportRequest.Status.ReferredToResearch;
            let dueText = null;
            let level = "INFO";
            if (due && waiting) {
                const overdue = due.getTime() < now.getTime();
                dueText = C.message(overdue ? "S5.CommitteeOverdue" : "S5.CommitteeDueOn", C.gregorianDate(due), C.hijriDate(due));
                level = overdue ? "WARNING" : "INFO";
            }
            C.formNotice(form, "taz_committeedue", dueText, level);
        }
        SupportRequest.showLifecycleBanner = showLifecycleBanner;
    })(SupportRequest = Taazeez.SupportRequest || (Taazeez.SupportRequest = {}));
})(Taazeez || (Taazeez = {}));
