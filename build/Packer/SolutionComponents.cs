using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Packer
{
    /// <summary>
    /// Lists a solution's components as "Kind:key" strings, once from a packed zip (merged customizations.xml) and once,
    /// independently, from the unpacked folder, so a round trip can be checked component by component.
    /// </summary>
    public static class SolutionComponents
    {
        public static IReadOnlyCollection<string> FromPackage(SolutionPackage package)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            var root = package.Customizations.Root ?? throw new PackException("customizations.xml is empty");
            foreach (var entity in Section(root, "Entities").Elements("Entity")) AddEntity(set, entity, entity);
            foreach (var role in Section(root, "Roles").Elements("Role")) set.Add("Role:" + Id(role.Attribute("id")?.Value));
            foreach (var w in Section(root, "Workflows").Elements("Workflow")) set.Add("Workflow:" + Id(w.Attribute("WorkflowId")?.Value));
            foreach (var p in Section(root, "FieldSecurityProfiles").Elements("FieldSecurityProfile"))
                set.Add("FieldSecurityProfile:" + Id(p.Attribute("fieldsecurityprofileid")?.Value));
            foreach (var r in Section(root, "EntityRelationships").Elements("EntityRelationship")) set.Add("Relationship:" + r.Attribute("Name")?.Value);
            foreach (var o in Section(root, "optionsets").Elements("optionset")) set.Add("OptionSet:" + o.Attribute("Name")?.Value);
            foreach (var d in Section(root, "Dashboards").Elements("Dashboard")) set.Add("Dashboard:" + Id(d.Element("FormId")?.Value));
            foreach (var w in Section(root, "WebResources").Elements("WebResource")) set.Add("WebResource:" + w.Element("Name")?.Value);
            foreach (var a in Section(root, "SolutionPluginAssemblies").Elements("PluginAssembly")) AddAssembly(set, a);
            foreach (var s in Section(root, "SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep"))
                set.Add("Step:" + Id(s.Attribute("SdkMessageProcessingStepId")?.Value));
            foreach (var m in Section(root, "AppModuleSiteMaps").Elements("AppModuleSiteMap")) set.Add("SiteMap:" + m.Element("SiteMapUniqueName")?.Value);
            foreach (var m in Section(root, "AppModules").Elements("AppModule")) set.Add("AppModule:" + m.Element("UniqueName")?.Value);
            foreach (var name in package.Entries.Keys) AddLooseFile(set, name);
            AddRootComponents(set, package.Solution);
            return set;
        }

        public static IReadOnlyCollection<string> FromFolder(string src)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Files(src, "Entities", "Entity.xml"))
            {
                var folder = Path.GetDirectoryName(file)!;
                var entity = XmlFiles.Load(file).Root!;
                // Forms, views and charts live in sub-folders of the entity; gather them into one element to reuse AddEntity.
                var parts = new XElement("parts");
                foreach (var form in Files(folder, "FormXml", "*.xml"))
                {
                    var type = Path.GetFileName(Path.GetDirectoryName(form)!);
                    foreach (var systemform in XmlFiles.Load(form).Root!.DescendantsAndSelf("systemform"))
                        parts.Add(new XElement("forms", new XAttribute("type", type), new XElement(systemform)));
                }
                foreach (var view in Files(folder, "SavedQueries", "*.xml")) parts.Add(new XElement(XmlFiles.Load(view).Root!));
                foreach (var chart in Files(folder, "Visualizations", "*.xml")) parts.Add(new XElement(XmlFiles.Load(chart).Root!));
                AddEntity(set, entity, parts);
            }
            foreach (var f in Files(src, "Roles", "*.xml")) set.Add("Role:" + Id(XmlFiles.Load(f).Root!.Attribute("id")?.Value));
            foreach (var f in Files(src, "Workflows", "*.xaml.data.xml")) set.Add("Workflow:" + Id(XmlFiles.Load(f).Root!.Attribute("WorkflowId")?.Value));
            var customizations = XmlFiles.Load(Path.Combine(src, "Other", "Customizations.xml")).Root!;
            foreach (var p in customizations.Descendants("FieldSecurityProfile")) set.Add("FieldSecurityProfile:" + Id(p.Attribute("fieldsecurityprofileid")?.Value));
            foreach (var f in Files(src, Path.Combine("Other", "Relationships"), "*.xml"))
                foreach (var r in XmlFiles.Load(f).Root!.Elements("EntityRelationship")) set.Add("Relationship:" + r.Attribute("Name")?.Value);
            foreach (var f in Files(src, "OptionSets", "*.xml")) set.Add("OptionSet:" + XmlFiles.Load(f).Root!.Attribute("Name")?.Value);
            foreach (var f in Files(src, "Dashboards", "*.xml")) set.Add("Dashboard:" + Id(XmlFiles.Load(f).Root!.Element("FormId")?.Value));
            foreach (var f in Files(src, "WebResources", "*.data.xml")) set.Add("WebResource:" + XmlFiles.Load(f).Root!.Element("Name")?.Value);
            foreach (var f in Files(src, "PluginAssemblies", "*.dll.data.xml")) AddAssembly(set, XmlFiles.Load(f).Root!);
            foreach (var f in Files(src, "SdkMessageProcessingSteps", "*.xml")) set.Add("Step:" + Id(XmlFiles.Load(f).Root!.Attribute("SdkMessageProcessingStepId")?.Value));
            foreach (var f in Files(src, "AppModuleSiteMaps", "AppModuleSiteMap.xml")) set.Add("SiteMap:" + XmlFiles.Load(f).Root!.Element("SiteMapUniqueName")?.Value);
            foreach (var f in Files(src, "AppModules", "AppModule.xml")) set.Add("AppModule:" + XmlFiles.Load(f).Root!.Element("UniqueName")?.Value);
            foreach (var folder in new[] { "environmentvariabledefinitions", "customapis" })
                foreach (var f in Files(src, folder, "*")) AddLooseFile(set, Path.GetRelativePath(src, f).Replace('\\', '/'));
            AddRootComponents(set, XmlFiles.Load(Path.Combine(src, "Other", "Solution.xml")));
            return set;
        }

        private static void AddEntity(SortedSet<string> set, XElement entity, XElement parts)
        {
            var name = entity.Element("Name")?.Value ?? throw new PackException("Entity without Name");
            set.Add("Entity:" + name);
            foreach (var attribute in entity.Descendants("attributes").Elements("attribute"))
                set.Add($"Attribute:{name}.{attribute.Element("LogicalName")?.Value ?? attribute.Attribute("PhysicalName")?.Value}");
            foreach (var key in entity.Descendants("EntityKey")) set.Add($"Key:{name}.{key.Element("LogicalName")?.Value ?? key.Element("Name")?.Value}");
            foreach (var forms in parts.Descendants("forms"))
                foreach (var form in forms.Elements("systemform"))
                    set.Add($"Form:{name}:{forms.Attribute("type")?.Value}:{Id(form.Element("formid")?.Value)}");
            foreach (var view in parts.Descendants("savedquery")) set.Add($"View:{name}:{Id(view.Element("savedqueryid")?.Value)}");
            foreach (var chart in parts.Descendants("visualization")) set.Add($"Chart:{name}:{Id(chart.Element("savedqueryvisualizationid")?.Value)}");
        }

        private static void AddAssembly(SortedSet<string> set, XElement assembly)
        {
            set.Add("PluginAssembly:" + assembly.Attribute("FullName")?.Value);
            foreach (var type in assembly.Descendants("PluginType")) set.Add("PluginType:" + type.Attribute("Name")?.Value);
        }

        // Environment variables and custom APIs keep their folders in the zip; list their definition files.
        private static void AddLooseFile(SortedSet<string> set, string entry)
        {
            var parts = entry.Split('/');
            if (parts.Length == 3 && parts[0] == "environmentvariabledefinitions" && parts[2] == "environmentvariabledefinition.xml")
                set.Add("EnvironmentVariable:" + parts[1]);
            else if (parts.Length == 3 && parts[0] == "customapis" && parts[2] == "customapi.xml")
                set.Add("CustomApi:" + parts[1]);
            else if (parts.Length > 3 && parts[0] == "customapis")
                set.Add($"CustomApiPart:{parts[1]}/{parts[2]}/{parts[3]}");
        }

        private static void AddRootComponents(SortedSet<string> set, XDocument solution)
        {
            foreach (var rc in solution.Descendants("RootComponent"))
                set.Add($"RootComponent:{rc.Attribute("type")?.Value}:{rc.Attribute("schemaName")?.Value ?? Id(rc.Attribute("id")?.Value)}");
        }

        private static XElement Section(XElement root, string name) => root.Element(name) ?? new XElement(name);

        private static string Id(string? value) => value == null ? "" : XmlFiles.NormalizeGuid(value);

        private static IEnumerable<string> Files(string root, string folder, string pattern)
        {
            var path = Path.Combine(root, folder);
            return Directory.Exists(path)
                ? Directory.GetFiles(path, pattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();
        }
    }
}
