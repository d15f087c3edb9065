using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>taz_supportrequest status reasons (docs/data-model.md, "Lifecycle").</summary>
    internal static class RequestStatus
    {
        public const int Draft = 1;
        public const int Submitted = 826000001;
        public const int UnderVerification = 826000002;
        public const int ReferredToResearch = 826000003;
        public const int AwaitingCommittee = 826000004;
        public const int Approved = 826000005;
        public const int PartiallyApproved = 826000006;
        public const int Rejected = 826000007;
        public const int RegistrationCompleted = 826000008;
        public const int ServiceDelivered = 826000009;
        public const int Closed = 2;
        public const int Withdrawn = 826000010;

        public static readonly IReadOnlyList<int> All = Array.AsReadOnly(new[]
        {
            Draft, Submitted, UnderVerification, ReferredToResearch, AwaitingCommittee, Approved, PartiallyApproved,
            Rejected, RegistrationCompleted, ServiceDelivered, Closed, Withdrawn,
        });

        /// <summary>Statuses in which a request is still being handled: a second request of the same support type
        /// for the same beneficiary is refused while one of these exists.</summary>
        public static readonly IReadOnlyList<int> Open = Array.AsReadOnly(new[]
        {
            Draft, Submitted, UnderVerification, ReferredToResearch, AwaitingCommittee, Approved, PartiallyApproved, RegistrationCompleted,
        });

        /// <summary>Statuses reached only after the research committee decided (S5).</summary>
        public static bool IsDecided(int status) =>
            status == Approved || status == PartiallyApproved || status == Rejected || status == RegistrationCompleted || status == ServiceDelivered;

        public static bool IsKnown(int status)
        {
            foreach (var known in All)
                if (known == status) return true;
            return false;
        }

        public static bool IsOpen(int status)
        {
            foreach (var open in Open)
                if (open == status) return true;
            return false;
        }

        /// <summary>statecode of a status reason: Closed and Withdrawn are Inactive (1), every other one Active (0).</summary>
        public static int StateOf(int status) => status == Closed || status == Withdrawn ? 1 : 0;

        /// <summary>The status the platform gives a statecode when the caller sets no status reason.</summary>
        public static int DefaultFor(int state) => state == 1 ? Closed : Draft;

        public static string Arabic(int status) => status switch
        {
            Draft => "مسودة",
            Submitted => "مقدم",
            UnderVerification => "قيد التحقق",
            ReferredToResearch => "محال للبحث الاجتماعي",
            AwaitingCommittee => "بانتظار اللجنة",
            Approved => "موافق عليه",
            PartiallyApproved => "موافق عليه جزئيا",
            Rejected => "مرفوض",
            RegistrationCompleted => "اكتمل التسجيل",
            ServiceDelivered => "تم تقديم الخدمة",
            Closed => "مغلق",
            Withdrawn => "مسحوب",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        public static string English(int status) => status switch
        {
            Draft => "Draft",
            Submitted => "Submitted",
            UnderVerification => "Under verification",
            ReferredToResearch => "Referred to social research",
            AwaitingCommittee => "Awaiting committee",
            Approved => "Approved",
            PartiallyApproved => "Partially approved",
            Rejected => "Rejected",
            RegistrationCompleted => "Registration completed",
            ServiceDelivered => "Service delivered",
            Closed => "Closed",
            Withdrawn => "Withdrawn",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Logical names and option values the request rules read (docs/data-model.md).</summary>
    internal static class RequestColumns
    {
        public const string Entity = "taz_supportrequest";
        public const string Id = "taz_supportrequestid";
        public const string Name = "taz_name";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string Beneficiary = "taz_beneficiaryid";
        public const string SupportType = "taz_supporttype";
        public const string AmountRequested = "taz_amountrequested";
        public const string Description = "taz_description";
        public const string Channel = "taz_channel";
        public const string DataVerified = "taz_dataverified";
        public const string VerifiedBy = "taz_verifiedby";
        public const string VerifiedOn = "taz_verifiedon";
        public const string DeclarationSigned = "taz_declarationsigned";
        public const string DeclarationSignedBy = "taz_declarationsignedby";
        public const string DeclarationSignedOn = "taz_declarationsignedon";
        public const string DeclarationVersion = "taz_declarationversion";
        public const string DeclarationHash = "taz_declarationhash";
        public const string DeclarationVoidReason = "taz_declarationvoidreason";
        public const string SubmittedOn = "taz_submittedon";
        public const string CommitteeDueOn = "taz_committeedueon";
        public const string Decision = "taz_decision";
        public const string ApprovedAmount = "taz_approvedamount";
        public const string DecisionReasons = "taz_decisionreasons";
        public const string DecidedOn = "taz_decidedon";
        public const string DecidedWithinPeriod = "taz_decidedwithinperiod";
        public const string RegistrationCompletedOn = "taz_registrationcompletedon";
        public const string DeliveredOn = "taz_deliveredon";

        /// <summary>The data the applicant declares correct and signs (S4): its SHA-256 is the declaration hash.</summary>
        public static readonly IReadOnlyList<string> Declared = Array.AsReadOnly(new[] { Beneficiary, SupportType, AmountRequested, Description });

        /// <summary>The committee's decision (S5), locked once recorded.</summary>
        public static readonly IReadOnlyList<string> DecisionFields = Array.AsReadOnly(new[] { Decision, ApprovedAmount, DecisionReasons });

        /// <summary>The applicant's signature, locked once the committee decided.</summary>
        public static readonly IReadOnlyList<string> SignatureFields = Array.AsReadOnly(new[] { DeclarationSigned, DeclarationSignedBy, DeclarationVersion });

        /// <summary>Columns only the system writes: a value the client types is discarded before the rules run.</summary>
        public static readonly IReadOnlyList<string> SystemOwned = Array.AsReadOnly(new[]
        {
            VerifiedBy, VerifiedOn, DeclarationSignedOn, DeclarationHash, DeclarationVoidReason, SubmittedOn, CommitteeDueOn,
            DecidedOn, DecidedWithinPeriod, RegistrationCompletedOn, DeliveredOn,
        });

        /// <summary>Everything the request rules read from the row before the change (the step's pre-image).</summary>
        public static readonly IReadOnlyList<string> PreImage = Array.AsReadOnly(new[]
        {
            Name, StateCode, StatusCode, Beneficiary, SupportType, AmountRequested, Description, Channel, DataVerified, VerifiedBy,
            DeclarationSigned, DeclarationSignedBy, DeclarationSignedOn, DeclarationVersion, DeclarationHash, SubmittedOn, CommitteeDueOn,
            Decision, ApprovedAmount, DecisionReasons,
        });
    }

    /// <summary>taz_decisionoutcome values.</summary>
    internal static class DecisionOutcome
    {
        public const int Approved = 826000001;
        public const int PartiallyApproved = 826000002;
        public const int Rejected = 826000003;

        public static int? StatusFor(int outcome) => outcome switch
        {
            Approved => RequestStatus.Approved,
            PartiallyApproved => RequestStatus.PartiallyApproved,
            Rejected => RequestStatus.Rejected,
            _ => (int?)null,
        };
    }

    /// <summary>taz_supporttype values, and which of them are asked for as an amount of money.</summary>
    internal static class SupportType
    {
        public const int FinancialAid = 826000001;
        public const int FoodBasket = 826000002;
        public const int RentAssistance = 826000003;
        public const int HomeRepair = 826000004;
        public const int MedicalSupport = 826000005;
        public const int EducationSupport = 826000006;
        public const int HomeAppliances = 826000007;

        public static bool IsKnown(int value) => value >= FinancialAid && value <= HomeAppliances;

        /// <summary>Food baskets and home appliances are given in kind; every other type is an amount of money.</summary>
        public static bool NeedsAmount(int value) => value != FoodBasket && value != HomeAppliances;
    }

    /// <summary>Fixed security role ids (docs/data-model.md, "Security roles").</summary>
    internal static class PolicyRoles
    {
        public static readonly Guid CommitteeMember = new Guid("66e5a571-44fe-4473-af39-b181ca8496bb");
    }
}
