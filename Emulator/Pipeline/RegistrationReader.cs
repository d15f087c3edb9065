using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>Reads plugin step registrations and Custom APIs from a solution folder or zip. Steps name their message
    /// by SdkMessageId; the ids of the platform messages are the same in every environment.</summary>
    public static class RegistrationReader
    {
        private static readonly Dictionary<Guid, string> WellKnownMessages = new()
        {
            [new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
            [new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
            [new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
            [new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Retrieve",
            [new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveMultiple",
            [new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
            [new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetStateDynamicEntity",
        };

        public static (IReadOnlyList<StepRegistration> Steps, IReadOnlyList<CustomApiRegistration> Apis) FromFolder(string solutionSrc)
        {
            var steps = Files(solutionSrc, "SdkMessageProcessingSteps", "*.xml").Select(f => XDocument.Load(f).Root!);
            var types = PluginTypes(Files(solutionSrc, "PluginAssemblies", "*.data.xml").Select(f => XDocument.Load(f).Root!));
            var apis = Directory.Exists(Path.Combine(solutionSrc, "customapis"))
                ? Directory.GetDirectories(Path.Combine(solutionSrc, "customapis")).OrderBy(d => d, StringComparer.Ordinal).Select(d => ReadApiFolder(d, types))
                : Enumerable.Empty<CustomApiRegistration>();
            return (steps.Select(ReadStep).ToList(), apis.ToList());
        }

        public static (IReadOnlyList<StepRegistration> Steps, IReadOnlyList<CustomApiRegistration> Apis) FromZip(string zipPath)
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var entry = zip.Entries.First(e => e.FullName.Equals("customizations.xml", StringComparison.OrdinalIgnoreCase));
            XElement root;
            using (var stream = entry.Open()) root = XDocument.Load(stream).Root!;
            var types = PluginTypes(root.Descendants("PluginAssembly"));
            var apis = new List<CustomApiRegistration>();
            foreach (var apiEntry in zip.Entries.Where(e => e.FullName.Replace('\\', '/').EndsWith("/customapi.xml", StringComparison.OrdinalIgnoreCase)))
            {
                var folder = apiEntry.FullName.Replace('\\', '/')[..^"customapi.xml".Length];
                XElement Load(ZipArchiveEntry e) { using var s = e.Open(); return XDocument.Load(s).Root!; }
                var parts = zip.Entries.Where(e => e.FullName.Replace('\\', '/').StartsWith(folder, StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)).ToList();
                apis.Add(ReadApi(Load(apiEntry), types,
                    parts.Where(e => e.Name == "customapirequestparameter.xml").Select(Load),
                    parts.Where(e => e.Name == "customapiresponseproperty.xml").Select(Load)));
            }
            return (root.Descendants("SdkMessageProcessingStep").Select(ReadStep).ToList(), apis);
        }

        private static IEnumerable<string> Files(string root, string folder, string pattern)
        {
            var path = Path.Combine(root, folder);
            return Directory.Exists(path)
                ? Directory.GetFiles(path, pattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        }

        private static Dictionary<Guid, string> PluginTypes(IEnumerable<XElement> assemblies) =>
            assemblies.SelectMany(a => a.Descendants("PluginType"))
                .Where(t => t.Attribute("PluginTypeId") != null)
                .GroupBy(t => Guid.Parse((string)t.Attribute("PluginTypeId")!))
                .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("AssemblyQualifiedName") ?? (string)g.First().Attribute("Name")!);

        private static StepRegistration ReadStep(XElement step)
        {
            var name = (string?)step.Attribute("Name") ?? "";
            var messageId = Guid.TryParse((string?)step.Element("SdkMessageId"), out var id) ? id : Guid.Empty;
            var message = WellKnownMessages.TryGetValue(messageId, out var known) ? known : MessageFromName(name)
                ?? throw new InvalidDataException($"Step '{name}': unknown SdkMessageId {messageId} and no 'Type: Message of table' name");
            string? Text(string element) => string.IsNullOrWhiteSpace((string?)step.Element(element)) ? null : ((string)step.Element(element)!).Trim();
            var images = step.Descendants("SdkMessageProcessingStepImage").Select(i => new StepImage(
                (string?)i.Element("EntityAlias") ?? (string?)i.Attribute("Name") ?? "Image",
                int.Parse((string?)i.Element("ImageType") ?? "0", CultureInfo.InvariantCulture),
                List((string?)i.Element("Attributes")))).ToList();
            var primary = Text("PrimaryEntity");
            return new StepRegistration(
                Guid.TryParse((string?)step.Attribute("SdkMessageProcessingStepId"), out var stepId) ? stepId : Guid.Empty,
                name, message, primary is null or "none" ? null : primary.ToLowerInvariant(),
                int.Parse(Text("Stage") ?? "40", CultureInfo.InvariantCulture),
                Text("Mode") == "1",
                int.Parse(Text("Rank") ?? "1", CultureInfo.InvariantCulture),
                new HashSet<string>(List(Text("FilteringAttributes")), StringComparer.Ordinal),
                images,
                Text("PluginTypeName") ?? throw new InvalidDataException($"Step '{name}' has no PluginTypeName"),
                Text("Configuration"),
                Text("SecureConfiguration"));
        }

        /// <summary>The Plugin Registration Tool names steps "Type: Message of table".</summary>
        private static string? MessageFromName(string name)
        {
            var colon = name.IndexOf(": ", StringComparison.Ordinal);
            var of = name.IndexOf(" of ", StringComparison.Ordinal);
            return colon > 0 && of > colon ? name[(colon + 2)..of].Trim() : null;
        }

        private static IReadOnlyList<string> List(string? commaSeparated) =>
            (commaSeparated ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(a => a.ToLowerInvariant()).ToList();

        private static CustomApiRegistration ReadApiFolder(string folder, IReadOnlyDictionary<Guid, string> types)
        {
            IEnumerable<XElement> Parts(string sub, string file) => Directory.Exists(Path.Combine(folder, sub))
                ? Directory.GetFiles(Path.Combine(folder, sub), file, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).Select(f => XDocument.Load(f).Root!)
                : Enumerable.Empty<XElement>();
            return ReadApi(XDocument.Load(Path.Combine(folder, "customapi.xml")).Root!, types,
                Parts("customapirequestparameters", "customapirequestparameter.xml"),
                Parts("customapiresponseproperties", "customapiresponseproperty.xml"));
        }

        private static CustomApiRegistration ReadApi(XElement api, IReadOnlyDictionary<Guid, string> types,
            IEnumerable<XElement> requestParameters, IEnumerable<XElement> responseProperties)
        {
            var typeId = (string?)api.Element("plugintypeid")?.Element("plugintypeid");
            var bound = (string?)api.Element("boundentitylogicalname");
            return new CustomApiRegistration(
                (string)api.Attribute("uniquename")!,
                typeId != null && types.TryGetValue(Guid.Parse(typeId), out var type) ? type : null,
                string.IsNullOrWhiteSpace(bound) ? null : bound,
                requestParameters.Select(p => Parameter(p, (string?)p.Element("isoptional") == "1")).ToList(),
                responseProperties.Select(p => Parameter(p, true)).ToList());
        }

        private static CustomApiParameter Parameter(XElement element, bool optional) =>
            new((string)element.Attribute("uniquename")!, int.Parse((string)element.Element("type")!, CultureInfo.InvariantCulture), optional);
    }
}
