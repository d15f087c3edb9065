using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Pipeline;
using Taazeez.Crm.Emulator.Service;

namespace Taazeez.Crm.Emulator
{
    /// <summary>An embedded Dataverse organization built from our solution: its tables, step registrations, Custom
    /// APIs, security roles and environment variables, running our real plugin assemblies.</summary>
    public sealed class DataverseEmulator
    {
        private static readonly DateTime DefaultStart = new(2026, 1, 4, 7, 0, 0, DateTimeKind.Utc);
        private readonly Organization _org;

        private DataverseEmulator(SolutionMetadata metadata, IReadOnlyList<StepRegistration> steps, IReadOnlyList<CustomApiRegistration> apis,
            IEnumerable<XElement> roles, IEnumerable<(string Schema, string? Default)> variables, Assembly[] assemblies, int seed)
        {
            Metadata = SystemTables.AddTo(metadata);
            Steps = steps;
            CustomApis = apis;
            _org = new Organization(Metadata, steps, apis, assemblies, DefaultStart, seed);
            foreach (var role in roles)
            {
                // the solution's roles are the root business unit's: their parentrootroleid is their own id
                var roleId = Guid.Parse((string)role.Attribute("id")!);
                _org.Seed(new Entity("role", roleId)
                {
                    ["name"] = (string)role.Attribute("name")!,
                    ["businessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId),
                });
                _org.Locked(() =>
                {
                    var seeded = _org.Store.Find("role", roleId)!;
                    var draft = _org.Store.Draft("role", roleId, from: seeded);
                    draft["parentrootroleid"] = _org.Store.Values.Reference("role", roleId);
                    _org.Store.Update(seeded, draft);
                    return roleId;
                });
            }
            foreach (var (schema, defaultValue) in variables)
                _org.Seed(new Entity("environmentvariabledefinition", _org.NewId()) { ["schemaname"] = schema, ["defaultvalue"] = defaultValue });
            foreach (var step in steps)
                if (assemblies.Length > 0 && !_org.Plugins.CanLoad(step.PluginTypeName)
                    && assemblies.Any(a => step.PluginTypeName.Contains(", " + a.GetName().Name + ",", StringComparison.Ordinal)))
                    throw new InvalidOperationException($"Step '{step.Name}' names {step.PluginTypeName}, which its assembly does not define.");
        }

        /// <param name="pluginAssemblies">The assemblies whose registered steps run; steps of other assemblies are skipped.</param>
        public static DataverseEmulator FromSolutionFolder(string solutionSrcFolder, params Assembly[] pluginAssemblies) =>
            FromSolutionFolder(solutionSrcFolder, seed: 1, pluginAssemblies);

        public static DataverseEmulator FromSolutionFolder(string solutionSrcFolder, int seed, params Assembly[] pluginAssemblies)
        {
            var (steps, apis) = RegistrationReader.FromFolder(solutionSrcFolder);
            var roles = Directory.Exists(Path.Combine(solutionSrcFolder, "Roles"))
                ? Directory.GetFiles(Path.Combine(solutionSrcFolder, "Roles"), "*.xml").OrderBy(f => f, StringComparer.Ordinal).Select(f => XDocument.Load(f).Root!)
                : Enumerable.Empty<XElement>();
            var variablesFolder = Path.Combine(solutionSrcFolder, "environmentvariabledefinitions");
            var variables = Directory.Exists(variablesFolder)
                ? Directory.GetFiles(variablesFolder, "environmentvariabledefinition.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => XDocument.Load(f).Root!)
                : Enumerable.Empty<XElement>();
            return new DataverseEmulator(SolutionMetadata.FromFolder(solutionSrcFolder), Loadable(steps, pluginAssemblies), Loadable(apis, pluginAssemblies),
                roles.ToList(), variables.Select(Variable).ToList(), pluginAssemblies, seed);
        }

        public static DataverseEmulator FromSolutionZip(string zipPath, params Assembly[] pluginAssemblies) => FromSolutionZip(zipPath, seed: 1, pluginAssemblies);

        public static DataverseEmulator FromSolutionZip(string zipPath, int seed, params Assembly[] pluginAssemblies)
        {
            var (steps, apis) = RegistrationReader.FromZip(zipPath);
            using var zip = System.IO.Compression.ZipFile.OpenRead(zipPath);
            XElement customizations;
            using (var stream = zip.GetEntry("customizations.xml")!.Open()) customizations = XDocument.Load(stream).Root!;
            var variables = zip.Entries.Where(e => e.Name == "environmentvariabledefinition.xml").Select(e =>
            {
                using var s = e.Open();
                return XDocument.Load(s).Root!;
            }).ToList();
            return new DataverseEmulator(SolutionMetadata.FromZip(zipPath), Loadable(steps, pluginAssemblies), Loadable(apis, pluginAssemblies),
                (customizations.Element("Roles")?.Elements("Role") ?? Enumerable.Empty<XElement>()).ToList(), variables.Select(Variable).ToList(), pluginAssemblies, seed);
        }

        /// <summary>Walks up from the current directory (then from this assembly) to the repository's Solution/src.</summary>
        public static string FindSolutionFolder()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "Solution", "src");
                    if (File.Exists(Path.Combine(candidate, "Other", "Solution.xml"))) return candidate;
                }
            throw new DirectoryNotFoundException("Solution/src (with Other/Solution.xml) was not found above " + Directory.GetCurrentDirectory());
        }

        public SolutionMetadata Metadata { get; }
        public IReadOnlyList<StepRegistration> Steps { get; }
        public IReadOnlyList<CustomApiRegistration> CustomApis { get; }
        public EmulatorClock Clock => _org.Clock;
        public Guid SystemUserId => _org.SystemUserId;
        public Guid RootBusinessUnitId => _org.RootBusinessUnitId;
        public ServiceCallLog Calls => _org.Calls;
        /// <summary>The latest plugin executions (up to 10,000), oldest first.</summary>
        public IReadOnlyList<PluginTraceRecord> Traces => _org.Traces;

        /// <summary>Which plug-in executions leave a record in <see cref="Traces"/> (the organization's plug-in trace log
        /// setting): every one by default; a long simulation keeps only the failures, as a production organization does.</summary>
        public PluginTraceLogging TraceLogging
        {
            get => _org.TraceLogging;
            set => _org.Locked(() => _org.TraceLogging = value);
        }

        /// <summary>A systemuser in the root business unit holding the given security roles.</summary>
        public Guid AddUser(string fullName, params Guid[] roleIds) => AddUserInBusinessUnit(fullName, _org.RootBusinessUnitId, roleIds);

        /// <summary>Named apart from AddUser: with a (string, Guid, params Guid[]) overload, AddUser(name, roleId) would
        /// silently bind the role id as the business unit.</summary>
        public Guid AddUserInBusinessUnit(string fullName, Guid businessUnitId, params Guid[] roleIds)
        {
            var id = _org.Locked(_org.NewId);
            _org.Seed(new Entity("systemuser", id) { ["fullname"] = fullName, ["businessunitid"] = new EntityReference("businessunit", businessUnitId) });
            foreach (var role in roleIds)
                _org.Seed(new Entity("systemuserroles", _org.Locked(_org.NewId))
                {
                    ["systemuserid"] = id,
                    ["roleid"] = role,
                });
            return id;
        }

        /// <summary>A service calling as a staff user (the model-driven app, an integration).</summary>
        public IOrganizationService CreateService(Guid callerUserId) =>
            new EmulatedService(_org, new Caller(callerUserId, callerUserId, BusinessUnitOf(callerUserId), _org.OrganizationId, null, 1, Guid.NewGuid(), null));

        /// <summary>A service calling as Power Pages does for a signed-in contact: as the portal's application user,
        /// with IsPortalsClientCall and PortalsContactId set on the context.</summary>
        public IOrganizationService CreatePortalService(Guid contactId) =>
            new EmulatedService(_org, new Caller(_org.SystemUserId, _org.SystemUserId, _org.RootBusinessUnitId, _org.OrganizationId, contactId, 1, Guid.NewGuid(), null));

        public IOrganizationServiceFactory ServiceFactory => new Factory(this);

        /// <summary>Sets an environment variable's current value (environmentvariablevalue), as an admin would.</summary>
        public void SetEnvironmentVariable(string schemaName, string value)
        {
            var service = CreateService(SystemUserId);
            var definition = service.RetrieveMultiple(new QueryExpression("environmentvariabledefinition")
            {
                ColumnSet = new ColumnSet("schemaname"),
                Criteria = { Conditions = { new ConditionExpression("schemaname", ConditionOperator.Equal, schemaName) } },
            }).Entities.FirstOrDefault() ?? throw new ArgumentException($"The solution defines no environment variable '{schemaName}'.", nameof(schemaName));
            var current = service.RetrieveMultiple(new QueryExpression("environmentvariablevalue")
            {
                ColumnSet = new ColumnSet("value"),
                Criteria = { Conditions = { new ConditionExpression("environmentvariabledefinitionid", ConditionOperator.Equal, definition.Id) } },
            }).Entities.FirstOrDefault();
            if (current != null) service.Update(new Entity("environmentvariablevalue", current.Id) { ["value"] = value });
            else service.Create(new Entity("environmentvariablevalue")
            {
                ["schemaname"] = schemaName,
                ["value"] = value,
                ["environmentvariabledefinitionid"] = definition.ToEntityReference(),
            });
        }

        /// <summary>Runs queued asynchronous steps (and what they queue); returns how many ran.</summary>
        public int RunAsyncSteps() => _org.RunAsyncSteps();

        /// <summary>Number of rows in a table (for tests and benchmarks; not a Dataverse API).</summary>
        public int Count(string table) => _org.Locked(() => _org.Store.Count(table));

        private Guid BusinessUnitOf(Guid userId) => _org.Locked(() =>
            _org.Store.Find("systemuser", userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? _org.RootBusinessUnitId);

        private static (string, string?) Variable(XElement definition) =>
            ((string)definition.Attribute("schemaname")!, (string?)definition.Element("defaultvalue"));

        /// <summary>Registrations whose assembly is not loaded are left out: a test of the plugins need not load the
        /// workflow activities. Without assemblies the emulator is storage and queries only.</summary>
        private static IReadOnlyList<T> Loadable<T>(IEnumerable<T> registrations, Assembly[] assemblies) =>
            registrations.Where(r => TypeName(r) is { } type && assemblies.Any(a => AssemblyOf(type) == a.GetName().Name)).ToList();

        private static string? TypeName<T>(T registration) => registration switch
        {
            StepRegistration s => s.PluginTypeName,
            CustomApiRegistration a => a.PluginTypeName,
            _ => null,
        };

        private static string? AssemblyOf(string typeName)
        {
            var parts = typeName.Split(',', StringSplitOptions.TrimEntries);
            return parts.Length > 1 ? parts[1] : null;
        }

        private sealed class Factory : IOrganizationServiceFactory
        {
            private readonly DataverseEmulator _emulator;
            public Factory(DataverseEmulator emulator) => _emulator = emulator;
            public IOrganizationService CreateOrganizationService(Guid? userId) => _emulator.CreateService(userId ?? _emulator.SystemUserId);
        }
    }
}
