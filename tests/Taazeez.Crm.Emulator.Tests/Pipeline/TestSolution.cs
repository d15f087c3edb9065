using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Emulator.Tests.Pipeline
{
    /// <summary>A copy of our solution with steps for the test plugins added in the exported step format, so the
    /// emulator reads registrations the way it reads the real ones.</summary>
    public static class TestSolution
    {
        private static readonly Lazy<string> Folder = new(Build);

        public static string Path => Folder.Value;

        public static DataverseEmulator Emulator() =>
            DataverseEmulator.FromSolutionFolder(Path, typeof(TestSolution).Assembly);

        private static string Build()
        {
            var source = DataverseEmulator.FindSolutionFolder();
            var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "taazeez-emulator-" + Guid.NewGuid().ToString("N"));
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
            // An exported solution marks some columns system-required; ours has none beyond the platform's, so the
            // copy makes one so to prove the emulator enforces the level.
            var survey = System.IO.Path.Combine(target, "Entities", "taz_satisfactionsurvey", "Entity.xml");
            var document = XDocument.Load(survey);
            document.Descendants("attribute").Single(a => (string?)a.Attribute("PhysicalName") == "taz_overallscore")
                .Element("RequiredLevel")!.Value = "systemrequired";
            document.Save(survey);
            var steps = System.IO.Path.Combine(target, "SdkMessageProcessingSteps");
            foreach (var file in Directory.GetFiles(steps)) File.Delete(file); // only the test plugins run here
            Step(steps, "ContextProbe", "Update", "taz_beneficiary", 10, filtering: "taz_mobile", preImage: "taz_mobile", config: "unsecure-text", secure: "secure-text");
            Step(steps, "ContextProbe", "Update", "taz_beneficiary", 20, filtering: "taz_mobile", preImage: "taz_mobile");
            Step(steps, "ContextProbe", "Update", "taz_beneficiary", 40, filtering: "taz_mobile", preImage: "", postImage: "taz_mobile");
            Step(steps, "ContextProbe", "Create", "taz_beneficiary", 40);
            Step(steps, "FailAfterRelatedWrite", "Create", "taz_feedback", 40);
            Step(steps, "SelfTrigger", "Update", "taz_branchoffice", 40, filtering: "taz_address");
            Step(steps, "UppercaseAddress", "Create", "taz_branchoffice", 20);
            Step(steps, "AsyncNote", "Create", "taz_householdmember", 40, isAsync: true);
            return target;
        }

        private static void Step(string folder, string type, string message, string entity, int stage, string? filtering = null,
            string? preImage = null, string? postImage = null, string? config = null, string? secure = null, bool isAsync = false)
        {
            var messageId = message == "Create" ? "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8" : "20bebb1b-ea3e-db11-86a7-000a3a5473e8";
            var id = Guid.NewGuid();
            var typeName = $"Taazeez.Crm.Emulator.Tests.Pipeline.{type}, Taazeez.Crm.Emulator.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
            var images = new XElement("SdkMessageProcessingStepImages",
                new[] { (Alias: "Before", Type: 0, Columns: preImage), (Alias: "After", Type: 1, Columns: postImage) }
                    .Where(i => i.Columns != null)
                    .Select(i => new XElement("SdkMessageProcessingStepImage", new XAttribute("Name", i.Alias),
                        new XElement("Attributes", i.Columns), new XElement("EntityAlias", i.Alias),
                        new XElement("ImageType", i.Type), new XElement("MessagePropertyName", "Target"))));
            new XElement("SdkMessageProcessingStep",
                new XAttribute("Name", $"{type}: {message} of {entity}"),
                new XAttribute("SdkMessageProcessingStepId", "{" + id + "}"),
                new XElement("SdkMessageId", messageId),
                new XElement("PluginTypeName", typeName),
                new XElement("PrimaryEntity", entity),
                new XElement("Configuration", config),
                new XElement("SecureConfiguration", secure),
                new XElement("FilteringAttributes", filtering),
                new XElement("Mode", isAsync ? 1 : 0),
                new XElement("Rank", 1),
                new XElement("Stage", stage),
                images).Save(System.IO.Path.Combine(folder, "{" + id + "}.xml"));
        }
    }
}
