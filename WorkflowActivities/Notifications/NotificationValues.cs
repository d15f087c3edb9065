using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>Placeholder values read from the support request, so every event's text comes from the record
    /// itself rather than from what a workflow author remembered to pass.</summary>
    public static class NotificationValues
    {
        public static readonly string[] RequestColumns =
        {
            "taz_name", "taz_beneficiaryid", "taz_committeedueon", "taz_decision", "taz_decisionreasons",
            "taz_deliveredon", "taz_researcherid",
        };

        public static void AddRequestValues(IOrganizationService service, Entity request, IDictionary<string, string> values)
        {
            var researcher = request.GetAttributeValue<EntityReference>("taz_researcherid");
            AddRequestValues(request, values, researcher != null ? UserName(service, researcher) : null);
        }

        /// <summary>The same values when the researcher's name was already read (with the request, through a link).</summary>
        public static void AddRequestValues(Entity request, IDictionary<string, string> values, string? researcherName)
        {
            Put(values, "RequestNumber", request.GetAttributeValue<string>("taz_name"));
            var due = request.GetAttributeValue<DateTime?>("taz_committeedueon");
            if (due.HasValue) AddDate(values, "ExpectedDecisionDate", due.Value);
            var decision = request.GetAttributeValue<OptionSetValue>("taz_decision");
            if (decision != null)
            {
                Put(values, "DecisionAr", DecisionLabel(decision.Value, arabic: true));
                Put(values, "DecisionEn", DecisionLabel(decision.Value, arabic: false));
            }
            Put(values, "Reasons", request.GetAttributeValue<string>("taz_decisionreasons"));
            var delivered = request.GetAttributeValue<DateTime?>("taz_deliveredon");
            if (delivered.HasValue) Put(values, "DeliveredOn", CommitteeDueDate.GregorianText(delivered.Value));
            if (request.GetAttributeValue<EntityReference>("taz_researcherid") != null) Put(values, "ResearcherName", researcherName);
        }

        /// <summary>Adds Name (Gregorian), NameHijri (Arabic Umm al-Qura) and NameHijriEn.</summary>
        public static void AddDate(IDictionary<string, string> values, string name, DateTime date)
        {
            values[name] = CommitteeDueDate.GregorianText(date);
            values[name + "Hijri"] = CommitteeDueDate.HijriTextAr(date);
            values[name + "HijriEn"] = CommitteeDueDate.HijriTextEn(date);
        }

        public static string DecisionLabel(int value, bool arabic)
        {
            switch (value)
            {
                case 826000001: return arabic ? "موافقة" : "Approved";
                case 826000002: return arabic ? "موافقة جزئية" : "Partially approved";
                case 826000003: return arabic ? "رفض" : "Rejected";
                default: return value.ToString(CultureInfo.InvariantCulture);
            }
        }

        private static string? UserName(IOrganizationService service, EntityReference user)
        {
            if (!string.IsNullOrWhiteSpace(user.Name)) return user.Name;
            return service.Retrieve(user.LogicalName, user.Id, new ColumnSet("fullname")).GetAttributeValue<string>("fullname");
        }

        private static void Put(IDictionary<string, string> values, string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && !values.ContainsKey(name)) values[name] = value!;
        }
    }
}
