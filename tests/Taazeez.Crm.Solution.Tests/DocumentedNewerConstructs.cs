using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>
    /// The 9.0.0.2090 schemas are older than today's export format. Their README names the newer constructs a
    /// validator must accept; each is listed here with its reason and removed (or reordered) before validation.
    /// Nothing else is tolerated.
    /// </summary>
    internal static class DocumentedNewerConstructs
    {
        public sealed record Construct(string Name, string Reason, Func<XDocument, int> Apply);

        public static readonly IReadOnlyList<Construct> All = new[]
        {
            new Construct("AutoNumberFormat (attribute)",
                "Autonumber columns (taz_supportrequest.taz_name) export AutoNumberFormat inside <attribute>; added to Dataverse after the 9.0 schema.",
                d => RemoveElements(d, "AutoNumberFormat", parent: "attribute")),
            new Construct("IsRetrieveAuditEnabled (entity)",
                "Read auditing flag exported on <entity>; added after the 9.0 schema.",
                d => RemoveElements(d, "IsRetrieveAuditEnabled", parent: "entity")),
            new Construct("headerdensity (form)",
                "Unified Interface header density attribute on <form>; added after the 9.0 schema.",
                d => RemoveAttributes(d, "form", "headerdensity")),
            new Construct("SdkMessageId first in SdkMessageProcessingStep",
                "Real exports write SdkMessageId first where the schema expects it after Rank; moved back after Rank before validating.",
                MoveSdkMessageIdAfterRank),
            new Construct("IsCustomProcessingStepAllowedForOtherPublishers (workflow)",
                "Current exports write this process flag on every <Workflow> (Workflows/*.xaml.data.xml); it postdates the 9.0 schema. "
                + "Not in the schema README's examples: named here so the lead can confirm it.",
                d => RemoveElements(d, "IsCustomProcessingStepAllowedForOtherPublishers", parent: "Workflow")),
        };

        public static void Remove(XDocument document)
        {
            foreach (var construct in All) construct.Apply(document);
        }

        private static int RemoveElements(XDocument d, string name, string parent)
        {
            var found = d.Descendants(name).Where(e => e.Parent?.Name.LocalName == parent).ToList();
            found.ForEach(e => e.Remove());
            return found.Count;
        }

        private static int RemoveAttributes(XDocument d, string element, string attribute)
        {
            var found = d.Root!.DescendantsAndSelf(element).Select(e => e.Attribute(attribute)).Where(a => a != null).ToList();
            found.ForEach(a => a!.Remove());
            return found.Count;
        }

        private static int MoveSdkMessageIdAfterRank(XDocument d)
        {
            var moved = 0;
            foreach (var step in d.Descendants("SdkMessageProcessingStep").ToList())
            {
                var id = step.Element("SdkMessageId");
                var rank = step.Element("Rank");
                if (id == null || rank == null || id.IsAfter(rank)) continue;
                id.Remove();
                rank.AddAfterSelf(id);
                moved++;
            }
            return moved;
        }
    }
}
