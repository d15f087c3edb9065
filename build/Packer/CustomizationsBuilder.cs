using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Packer
{
    /// <summary>
    /// Merges SolutionPackager's unpacked component files back into one customizations.xml, and collects the
    /// binary/verbatim files (assemblies, web resource contents, workflow XAML) that travel beside it in the zip.
    /// </summary>
    internal sealed class CustomizationsBuilder
    {
        // The xs:sequence order of ImportExportXml in CustomizationsSolution.xsd; import reads sections in this order.
        private static readonly string[] SectionOrder =
        {
            "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "RibbonDiffXml", "IsvConfig",
            "RelationshipRoles", "ConnectionRoles", "SiteMap", "EntityMaps", "EntityRelationships", "OrganizationSettings",
            "optionsets", "Reports", "RoutingRules", "ChannelPropertyGroups", "ConvertRules", "MobileOfflineProfiles", "Slas",
            "ChannelAccessProfiles", "ChannelAccessProfileRules", "Dashboards", "InteractionCentricDashboards", "Dialogs",
            "WebResources", "CustomControls", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "ServiceEndpoints",
            "AppModuleSiteMaps", "AppModules", "EntityDataProviders", "EntityDataSources", "Languages",
            "GlobalSearchConfigurations", "StoredProcedures",
        };

        private readonly string _src;
        private readonly string _repoRoot;
        private readonly PackOptions _options;
        private readonly Dictionary<string, List<XElement>> _sections = new(StringComparer.Ordinal);

        public CustomizationsBuilder(string src, string repoRoot, PackOptions options)
        {
            _src = src;
            _repoRoot = repoRoot;
            _options = options;
        }

        /// <summary>Zip entry name → bytes for every file that is not customizations.xml/solution.xml.</summary>
        public SortedDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

        public List<string> SkippedAssemblies { get; } = new();

        /// <summary>Source files the pack read; anything else under the folder would be silently left out of the zip.</summary>
        public HashSet<string> Consumed { get; } = new(StringComparer.Ordinal);

        /// <summary>Files under the source folder that no rule packed (a component kind this packer does not know yet).</summary>
        public IReadOnlyList<string> Unconsumed() =>
            Directory.GetFiles(_src, "*", SearchOption.AllDirectories).Select(Relative)
                .Where(f => !Consumed.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        public XDocument Build()
        {
            var basePath = Path.Combine(_src, "Other", "Customizations.xml");
            if (!File.Exists(basePath)) throw new PackException($"Missing {basePath}");
            var root = Load(basePath).Root ?? throw new PackException($"Empty {basePath}");
            Consumed.Add("Other/Solution.xml");
            Consumed.Add("Other/Relationships.xml"); // the index of Other/Relationships/*.xml, which hold the definitions

            AddEntities();
            AddEach("Roles", Glob("Roles", "*.xml"));
            AddWorkflows();
            AddEach("EntityRelationships", Glob(Path.Combine("Other", "Relationships"), "*.xml"), fileHoldsMany: true);
            AddEach("optionsets", Glob("OptionSets", "*.xml"));
            AddEach("Dashboards", Glob("Dashboards", "*.xml"));
            AddWebResources();
            AddPluginAssemblies();
            AddEach("SdkMessageProcessingSteps", Glob("SdkMessageProcessingSteps", "*.xml"));
            AddEach("AppModuleSiteMaps", GlobDeep("AppModuleSiteMaps", "AppModuleSiteMap.xml"));
            AddEach("AppModules", GlobDeep("AppModules", "AppModule.xml"));
            CopyVerbatim("environmentvariabledefinitions");
            CopyVerbatim("customapis");

            var merged = new XElement("ImportExportXml", new XAttribute(XNamespace.Xmlns + "xsi", XmlFiles.Xsi.NamespaceName));
            foreach (var attribute in root.Attributes().Where(a => !a.IsNamespaceDeclaration)) merged.Add(new XAttribute(attribute));
            var existing = root.Elements().ToList();
            foreach (var name in SectionOrder)
            {
                var baseSection = existing.FirstOrDefault(e => e.Name.LocalName == name);
                _sections.TryGetValue(name, out var added);
                if (baseSection == null && added == null) continue;
                var section = new XElement(name);
                if (baseSection != null)
                {
                    section.Add(baseSection.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a)));
                    section.Add(baseSection.Elements().Select(XmlFiles.Detach));
                }
                if (added != null) section.Add(added);
                merged.Add(section);
            }
            // Sections newer than the schema keep their place after the known ones rather than being dropped.
            foreach (var unknown in existing.Where(e => Array.IndexOf(SectionOrder, e.Name.LocalName) < 0))
                merged.Add(XmlFiles.Detach(unknown));
            return new XDocument(new XDeclaration("1.0", "utf-8", null), merged);
        }

        private XDocument Load(string path)
        {
            Consumed.Add(Relative(path));
            return XmlFiles.Load(path);
        }

        private byte[] Read(string path)
        {
            if (path.StartsWith(_src, StringComparison.Ordinal)) Consumed.Add(Relative(path));
            return File.ReadAllBytes(path);
        }

        private void Add(string section, XElement element)
        {
            if (!_sections.TryGetValue(section, out var list)) _sections[section] = list = new List<XElement>();
            list.Add(element);
        }

        private void AddEach(string section, IEnumerable<string> files, bool fileHoldsMany = false)
        {
            foreach (var file in files)
            {
                var root = Load(file).Root ?? throw new PackException($"Empty {file}");
                if (fileHoldsMany) foreach (var child in root.Elements()) Add(section, XmlFiles.Detach(child));
                else Add(section, XmlFiles.Detach(root));
            }
        }

        private void AddEntities()
        {
            foreach (var entityFile in GlobDeep("Entities", "Entity.xml"))
            {
                var folder = Path.GetDirectoryName(entityFile)!;
                var entity = XmlFiles.Detach(Load(entityFile).Root ?? throw new PackException($"Empty {entityFile}"));

                var formsRoot = Path.Combine(folder, "FormXml");
                if (Directory.Exists(formsRoot))
                {
                    var formXml = new XElement("FormXml");
                    foreach (var typeFolder in Directory.GetDirectories(formsRoot).OrderBy(d => d, StringComparer.Ordinal))
                    {
                        var forms = new XElement("forms", new XAttribute("type", Path.GetFileName(typeFolder)));
                        foreach (var file in Sorted(Directory.GetFiles(typeFolder, "*.xml")))
                            forms.Add(Children(file, "systemform"));
                        formXml.Add(forms);
                    }
                    entity.Element("FormXml")?.Remove();
                    entity.Add(formXml);
                }

                var queries = Path.Combine(folder, "SavedQueries");
                if (Directory.Exists(queries))
                {
                    var saved = new XElement("savedqueries");
                    foreach (var file in Sorted(Directory.GetFiles(queries, "*.xml"))) saved.Add(Children(file, "savedquery"));
                    entity.Element("SavedQueries")?.Remove();
                    entity.Add(new XElement("SavedQueries", saved));
                }

                var ribbon = Path.Combine(folder, "RibbonDiff.xml");
                if (File.Exists(ribbon) && entity.Element("RibbonDiffXml") == null)
                    entity.Add(XmlFiles.Detach(Load(ribbon).Root!));

                var charts = Path.Combine(folder, "Visualizations");
                if (Directory.Exists(charts))
                {
                    var visualizations = new XElement("Visualizations");
                    foreach (var file in Sorted(Directory.GetFiles(charts, "*.xml")))
                        visualizations.Add(XmlFiles.Detach(Load(file).Root!));
                    entity.Element("Visualizations")?.Remove();
                    entity.Add(visualizations);
                }
                Add("Entities", entity);
            }
        }

        // A form or view file's root is a wrapper (forms / savedqueries); the components are its children.
        private IEnumerable<XElement> Children(string file, string name)
        {
            var root = Load(file).Root ?? throw new PackException($"Empty {file}");
            var items = root.Name.LocalName == name ? new[] { root } : root.Elements(name).ToArray();
            if (items.Length == 0) throw new PackException($"{file} holds no <{name}>");
            return items.Select(XmlFiles.Detach);
        }

        private void AddWorkflows()
        {
            foreach (var dataFile in Glob("Workflows", "*.xaml.data.xml"))
            {
                var workflow = XmlFiles.Detach(Load(dataFile).Root!);
                Add("Workflows", workflow);
                var xaml = dataFile.Substring(0, dataFile.Length - ".data.xml".Length);
                if (!File.Exists(xaml)) throw new PackException($"Workflow definition {xaml} is missing");
                Files[EntryName(workflow.Element("XamlFileName")?.Value, xaml)] = Read(xaml);
            }
        }

        private void AddWebResources()
        {
            foreach (var dataFile in GlobDeep("WebResources", "*.data.xml"))
            {
                var resource = XmlFiles.Detach(Load(dataFile).Root!);
                Add("WebResources", resource);
                var content = dataFile.Substring(0, dataFile.Length - ".data.xml".Length);
                if (!File.Exists(content)) throw new PackException($"Web resource content {content} is missing");
                Files[EntryName(resource.Element("FileName")?.Value, content)] = Read(content);
            }
        }

        private void AddPluginAssemblies()
        {
            foreach (var dataFile in GlobDeep("PluginAssemblies", "*.dll.data.xml"))
            {
                var assembly = XmlFiles.Detach(Load(dataFile).Root!);
                var dllName = Path.GetFileName(dataFile).Substring(0, Path.GetFileName(dataFile).Length - ".data.xml".Length);
                var dll = FindAssembly(Path.GetDirectoryName(dataFile)!, dllName);
                if (dll == null)
                {
                    if (!_options.AllowMissingAssemblies)
                        throw new PackException($"{dllName} is registered by {dataFile} but was not found in its folder or in: "
                            + string.Join(", ", _options.AssemblyFolders) + ". Build the net462 assemblies first.");
                    SkippedAssemblies.Add(dllName);
                    continue;
                }
                Add("SolutionPluginAssemblies", assembly);
                Files[EntryName(assembly.Element("FileName")?.Value, dll)] = Read(dll);
            }
        }

        private string? FindAssembly(string dataFolder, string dllName)
        {
            var beside = Path.Combine(dataFolder, dllName);
            if (File.Exists(beside)) return beside;
            foreach (var folder in _options.AssemblyFolders)
            {
                var candidate = Path.Combine(Path.IsPathRooted(folder) ? folder : Path.Combine(_repoRoot, folder), dllName);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        private void CopyVerbatim(string folder)
        {
            foreach (var file in GlobDeep(folder, "*")) Files[Relative(file)] = Read(file);
        }

        // The data.xml names the path the file must have in the zip (e.g. /WebResources/taz_/scripts/x.js).
        private string EntryName(string? declared, string sourceFile)
        {
            var name = string.IsNullOrWhiteSpace(declared) ? Relative(sourceFile) : declared.Trim().TrimStart('/');
            return name.Replace('\\', '/');
        }

        private string Relative(string file) => Path.GetRelativePath(_src, file).Replace('\\', '/');

        private IEnumerable<string> Glob(string folder, string pattern)
        {
            var path = Path.Combine(_src, folder);
            return Directory.Exists(path) ? Sorted(Directory.GetFiles(path, pattern)) : Array.Empty<string>();
        }

        private IEnumerable<string> GlobDeep(string folder, string pattern)
        {
            var path = Path.Combine(_src, folder);
            return Directory.Exists(path) ? Sorted(Directory.GetFiles(path, pattern, SearchOption.AllDirectories)) : Array.Empty<string>();
        }

        private IEnumerable<string> Sorted(IEnumerable<string> files) =>
            files.OrderBy(f => Relative(f), StringComparer.Ordinal).ToArray();
    }
}
