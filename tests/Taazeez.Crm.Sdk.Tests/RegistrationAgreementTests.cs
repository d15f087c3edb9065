using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>The solution's plugin registrations (PluginAssemblies/*.dll.data.xml, SdkMessageProcessingSteps/*.xml)
    /// and the built net462 assemblies agree: what Dataverse imports is what it can load.</summary>
    public class RegistrationAgreementTests
    {
        private static string SolutionSrc => Path.Combine(Paths.RepoRoot, "Solution", "src");

        public static TheoryData<string> Registrations()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(SolutionSrc, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories))
                data.Add(Path.GetRelativePath(SolutionSrc, file));
            return data;
        }

        [Theory]
        [MemberData(nameof(Registrations))]
        public void Registered_assembly_and_types_exist_in_the_build(string registration)
        {
            var root = XDocument.Load(Path.Combine(SolutionSrc, registration)).Root;
            var fullName = (string)root.Attribute("FullName");
            var assemblyName = new AssemblyName(fullName).Name;
            var folder = assemblyName == "Taazeez.Crm.Plugins" ? "Plugins" : "WorkflowActivities";
            var built = Paths.Deployable(folder, assemblyName);
            Assert.Equal(fullName, AssemblyName.GetAssemblyName(built).FullName);

            using var context = Paths.NetFxLoadContext(built);
            var assembly = context.LoadFromAssemblyPath(built);
            foreach (var type in root.Descendants("PluginType"))
            {
                var typeName = (string)type.Attribute("Name");
                Assert.Equal($"{typeName}, {fullName}", (string)type.Attribute("AssemblyQualifiedName"));
                var found = assembly.GetType(typeName);
                Assert.True(found != null, $"{registration}: {typeName} is not in {built}");
                Assert.True(found.IsPublic && !found.IsAbstract, $"{typeName} must be a public concrete class");
                Assert.True(
                    found.GetInterfaces().Any(i => i.FullName == "Microsoft.Xrm.Sdk.IPlugin") || DerivesFrom(found, "System.Activities.CodeActivity"),
                    $"{typeName} is neither an IPlugin nor a CodeActivity");
            }
        }

        [Fact]
        public void Every_step_names_a_registered_plugin_type_and_a_platform_message()
        {
            var registered = Directory.GetFiles(Path.Combine(SolutionSrc, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories)
                .SelectMany(f => XDocument.Load(f).Descendants("PluginType"))
                .ToDictionary(t => (string)t.Attribute("AssemblyQualifiedName"), t => (string)t.Attribute("PluginTypeId"));
            var steps = Directory.GetFiles(Path.Combine(SolutionSrc, "SdkMessageProcessingSteps"), "*.xml");
            Assert.NotEmpty(steps);
            foreach (var file in steps)
            {
                var step = XDocument.Load(file).Root;
                var type = (string)step.Element("PluginTypeName");
                Assert.True(registered.ContainsKey(type), $"{Path.GetFileName(file)}: {type} is not registered");
                Assert.Equal(registered[type], (string)step.Element("PluginTypeId"));
                Assert.Contains((string)step.Element("Stage"), new[] { "10", "20", "40" });
                Assert.True(Guid.TryParse((string)step.Element("SdkMessageId"), out _), $"{file}: SdkMessageId");
            }
        }

        private static bool DerivesFrom(Type type, string baseName)
        {
            for (var t = type.BaseType; t != null; t = t.BaseType)
                if (t.FullName == baseName) return true;
            return false;
        }

    }
}
