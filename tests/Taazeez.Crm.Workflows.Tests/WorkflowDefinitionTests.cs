using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Workflows.Tests
{
    /// <summary>The classic workflow definitions must reference the compiled (net462) activities exactly:
    /// same assembly identity, argument names, directions, types and lookup targets.</summary>
    public class WorkflowDefinitionTests
    {
        private static readonly XNamespace X = "http://schemas.microsoft.com/winfx/2006/xaml";
        private const string ActivityNamespace = "Taazeez.Crm.WorkflowActivities.Activities.";

        private static readonly Lazy<ActivityMetadataReader> Assembly = new Lazy<ActivityMetadataReader>(() =>
        {
            var path = SolutionPaths.Net462ActivityAssembly;
            Assert.True(File.Exists(path), "The net462 activity assembly was not built: " + path);
            return new ActivityMetadataReader(path);
        });

        // Classic workflows only: a business process flow (Category 4, e.g. the support request process) has stages, not custom steps.
        private static IEnumerable<string> WorkflowFiles() =>
            Directory.GetFiles(Path.Combine(SolutionPaths.SolutionSrc, "Workflows"), "*.xaml")
                .Where(f => XDocument.Load(f + ".data.xml").Root!.Element("Category")?.Value != "4")
                .OrderBy(f => f, StringComparer.Ordinal);

        public static IEnumerable<object[]> Workflows() => WorkflowFiles().Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Workflows))]
        [PolicyClause("S3", "S5", "G0", "G3", "G5")]
        public void Every_custom_step_matches_the_compiled_activity(string fileName)
        {
            var path = Path.Combine(SolutionPaths.SolutionSrc, "Workflows", fileName);
            var xaml = XDocument.Load(path);
            var data = XDocument.Load(path + ".data.xml");
            var primaryEntity = data.Root!.Element("PrimaryEntity")!.Value;
            Assert.Equal("/Workflows/" + fileName, data.Root.Element("XamlFileName")!.Value);
            var asm = Assembly.Value;

            var steps = xaml.Descendants().Where(e => e.Name.LocalName == "ActivityReference"
                && ((string?)e.Attribute("AssemblyQualifiedName") ?? "").StartsWith(ActivityNamespace, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(steps);

            foreach (var step in steps)
            {
                var aqn = ((string)step.Attribute("AssemblyQualifiedName")!).Split(',').Select(p => p.Trim()).ToArray();
                var typeName = aqn[0];
                Assert.Equal(asm.AssemblyName, aqn[1]);
                Assert.Equal("Version=" + asm.Version, aqn[2]);
                Assert.Equal("PublicKeyToken=" + asm.PublicKeyToken, aqn[4]);
                Assert.True(asm.Arguments.ContainsKey(typeName), typeName + " is not in the activity assembly");
                Assert.True(asm.DerivesFromCodeActivity(typeName), typeName + " is not a CodeActivity");
                var declared = asm.Arguments[typeName].ToDictionary(a => a.Property, StringComparer.Ordinal);

                var used = step.Elements().Where(e => e.Name.LocalName == "ActivityReference.Arguments").Elements().ToList();
                foreach (var arg in used)
                {
                    var key = (string)arg.Attribute(X + "Key")!;
                    Assert.True(declared.TryGetValue(key, out var expected), $"{fileName}: {typeName} has no argument {key}");
                    Assert.Equal(expected!.Direction, arg.Name.LocalName == "InArgument" ? "In" : "Out");
                    Assert.NotNull(expected.Label); // [Input]/[Output] present, so the designer shows it
                    Assert.Equal(expected.TypeArgument, ClrType(arg, (string)arg.Attribute(X + "TypeArguments")!));

                    if (expected.TypeArgument == "Microsoft.Xrm.Sdk.EntityReference" && expected.Direction == "In")
                    {
                        var source = LookupSource(step, arg);
                        Assert.Equal(primaryEntity, source.Entity);
                        Assert.Equal(source.Entity + "id", source.Attribute);
                        Assert.Equal(expected.ReferenceTarget, source.Entity);
                    }
                }

                foreach (var required in declared.Values.Where(a => a.Required))
                    Assert.Contains(used, a => (string?)a.Attribute(X + "Key") == required.Property);
            }
        }

        [Fact]
        public void Every_activity_is_used_by_a_workflow_and_registered_in_the_assembly_folder()
        {
            var asm = Assembly.Value;
            var activities = asm.Arguments.Keys.Where(t => t.StartsWith(ActivityNamespace, StringComparison.Ordinal) && asm.DerivesFromCodeActivity(t)
                && asm.Arguments[t].Count > 0).ToList();
            Assert.NotEmpty(activities);
            var allXaml = string.Concat(WorkflowFiles().Select(File.ReadAllText));
            var registration = XDocument.Load(Directory.GetFiles(SolutionPaths.ActivityAssemblyFolder, "*.dll.data.xml").Single());
            var full = $"{asm.AssemblyName}, Version={asm.Version}, Culture=neutral, PublicKeyToken={asm.PublicKeyToken}";
            Assert.Equal(full, (string)registration.Root!.Attribute("FullName")!);
            var registered = registration.Descendants("PluginType").ToDictionary(p => (string)p.Attribute("Name")!, p => p);

            foreach (var type in activities)
            {
                Assert.Contains("\"" + type + ", " + full + "\"", allXaml);
                Assert.True(registered.TryGetValue(type, out var pluginType), type + " is not registered");
                Assert.Equal(type + ", " + full, (string)pluginType!.Attribute("AssemblyQualifiedName")!);
                Assert.False(string.IsNullOrWhiteSpace((string?)pluginType.Element("WorkflowActivityGroupName")));
            }
            foreach (var name in registered.Keys)
                Assert.True(asm.Arguments.ContainsKey(name), name + " is registered but not in the assembly");
        }

        [Fact]
        public void Every_custom_api_points_at_a_registered_plugin_type()
        {
            var registration = XDocument.Load(Directory.GetFiles(SolutionPaths.ActivityAssemblyFolder, "*.dll.data.xml").Single());
            var typeIds = registration.Descendants("PluginType").Select(p => ((string)p.Attribute("PluginTypeId")!).ToLowerInvariant()).ToHashSet();
            var apis = Directory.GetFiles(Path.Combine(SolutionPaths.SolutionSrc, "customapis"), "customapi.xml", SearchOption.AllDirectories);
            Assert.Equal(6, apis.Length);
            foreach (var file in apis)
            {
                var api = XDocument.Load(file).Root!;
                Assert.Equal(Path.GetFileName(Path.GetDirectoryName(file)), (string)api.Attribute("uniquename")!);
                Assert.Contains(api.Element("plugintypeid")!.Element("plugintypeid")!.Value.ToLowerInvariant(), typeIds);
                Assert.Equal(2, api.Element("displayname")!.Elements("label").Count()); // Arabic and English
            }
        }

        private static (string Entity, string Attribute) LookupSource(XElement step, XElement arg)
        {
            // "[DirectCast(CustomActivityStep1_1_converted, Microsoft.Xrm.Sdk.EntityReference)]" ← GetEntityProperty Value="[CustomActivityStep1_1]"
            var value = arg.Value;
            var start = value.IndexOf('(') + 1;
            var variable = value.Substring(start, value.IndexOf(',') - start).Replace("_converted", "", StringComparison.Ordinal);
            var get = step.Parent!.Elements().Single(e => e.Name.LocalName == "GetEntityProperty" && (string?)e.Attribute("Value") == "[" + variable + "]");
            return ((string)get.Attribute("EntityName")!, (string)get.Attribute("Attribute")!);
        }

        private static string ClrType(XElement context, string xamlType)
        {
            var colon = xamlType.IndexOf(':');
            var prefix = xamlType.Substring(0, colon);
            var name = xamlType.Substring(colon + 1);
            var ns = context.GetNamespaceOfPrefix(prefix)!.NamespaceName;
            if (ns == X.NamespaceName) return "System." + name;
            var clr = ns.Substring("clr-namespace:".Length, ns.IndexOf(';') - "clr-namespace:".Length);
            return clr + "." + name;
        }
    }
}
