using System;
using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>
    /// Two portal contacts, each with a beneficiary file and everything a beneficiary owns (household, requests,
    /// request documents, surveys, notifications, feedback), plus an orphan feedback from an anonymous visitor.
    /// Rows are table → columns with ids and lookups as Guid; <see cref="EmulatedPortal"/> creates them in the Dataverse emulator.
    /// </summary>
    public sealed class TwoFamilies
    {
        public static readonly string[] Tables = { "contact", "taz_beneficiary", "taz_householdmember", "taz_supportrequest", "annotation", "taz_servicedelivery", "taz_satisfactionsurvey", "taz_portalnotification", "taz_feedback" };

        private readonly Dictionary<string, List<Dictionary<string, object?>>> rows = Tables.ToDictionary(t => t, _ => new List<Dictionary<string, object?>>());
        private readonly Dictionary<Guid, Guid> ownerContact = new();

        public TwoFamilies()
        {
            ContactA = AddFamily("A");
            ContactB = AddFamily("B");
            Add("taz_feedback", null, ("taz_name", "Anonymous suggestion"), ("taz_feedbacktype", 826000002));
        }

        public Guid ContactA { get; }

        public Guid ContactB { get; }

        /// <summary>Rows in the order they must be created (parents first).</summary>
        public IReadOnlyDictionary<string, List<Dictionary<string, object?>>> Rows => rows;

        /// <summary>The ids of <paramref name="table"/> rows that belong to the contact's family.</summary>
        public ISet<Guid> IdsOf(string table, Guid contact) =>
            rows[table].Select(r => (Guid)r[table + "id"]!).Where(id => ownerContact.TryGetValue(id, out var c) && c == contact).ToHashSet();

        private Guid AddFamily(string tag)
        {
            var contact = Guid.NewGuid();
            Add("contact", contact, ("contactid", contact), ("lastname", "Family " + tag));
            var beneficiary = Add("taz_beneficiary", contact, ("taz_name", "Beneficiary " + tag), ("taz_portalcontactid", contact), ("taz_pdplconsent", true));
            Add("taz_householdmember", contact, ("taz_name", "Child " + tag), ("taz_beneficiaryid", beneficiary), ("taz_relationship", 826000002));
            Add("taz_householdmember", contact, ("taz_name", "Spouse " + tag), ("taz_beneficiaryid", beneficiary), ("taz_relationship", 826000001));
            var request = Add("taz_supportrequest", contact, ("taz_beneficiaryid", beneficiary), ("taz_supporttype", 826000002), ("taz_channel", 826000007), ("taz_description", "Need " + tag));
            Add("taz_supportrequest", contact, ("taz_beneficiaryid", beneficiary), ("taz_supporttype", 826000003), ("taz_channel", 826000007), ("taz_description", "Rent " + tag));
            Add("annotation", contact, ("subject", "ID copy " + tag), ("filename", "id-" + tag + ".pdf"), ("mimetype", "application/pdf"), ("documentbody", "JVBERi0xLjQK"), ("objectid", request), ("objecttypecode", "taz_supportrequest"));
            var delivery = Add("taz_servicedelivery", contact, ("taz_name", "Delivery " + tag), ("taz_supportrequestid", request), ("taz_beneficiaryid", beneficiary));
            Add("taz_satisfactionsurvey", contact, ("taz_name", "Survey " + tag), ("taz_servicedeliveryid", delivery), ("taz_supportrequestid", request), ("taz_beneficiaryid", beneficiary));
            Add("taz_portalnotification", contact, ("taz_name", "Update " + tag), ("taz_beneficiaryid", beneficiary), ("taz_supportrequestid", request));
            Add("taz_feedback", contact, ("taz_name", "Complaint " + tag), ("taz_feedbacktype", 826000003), ("taz_beneficiaryid", beneficiary));
            return contact;
        }

        private Guid Add(string table, Guid? contact, params (string Column, object Value)[] values)
        {
            var row = values.ToDictionary(v => v.Column, v => (object?)v.Value);
            if (!row.TryGetValue(table + "id", out var existing) || existing is not Guid id)
            {
                id = Guid.NewGuid();
                row[table + "id"] = id;
            }

            rows[table].Add(row);
            if (contact is Guid owner)
            {
                ownerContact[id] = owner;
            }

            return id;
        }
    }
}
