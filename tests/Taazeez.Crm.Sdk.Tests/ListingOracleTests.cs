using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>Microsoft's listings are the oracle: every public type and member of the net462 stand-in
    /// (what a plugin compiles against and Dataverse replaces with Microsoft's binaries) must appear there verbatim.</summary>
    public class ListingOracleTests
    {
        public static TheoryData<string> Assemblies => new TheoryData<string>
        {
            "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow",
        };

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void Every_public_type_and_member_matches_the_listing(string assemblyName)
        {
            var listing = Listing.Load(Path.Combine(Paths.Listings, assemblyName + ".api.txt"));
            using var context = Paths.NetFxLoadContext();
            var assembly = context.LoadFromAssemblyPath(Paths.StandIn(assemblyName));
            var problems = new List<string>();
            var types = assembly.GetExportedTypes();
            Assert.NotEmpty(types);

            foreach (var type in types)
            {
                var name = ListingRenderer.TypeName(type);
                if (!listing.Types.TryGetValue(name, out var listed))
                {
                    problems.Add($"type not in the listing: {name}");
                    continue;
                }
                CompareHeader(type, listed, problems);
                foreach (var member in ListingRenderer.Members(type))
                    if (!listed.Members.Contains(member))
                        problems.Add($"{name}: member not in the listing: {member}");
            }
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void Stand_in_carries_Microsofts_identity(string assemblyName)
        {
            var name = AssemblyName.GetAssemblyName(Paths.StandIn(assemblyName));
            Assert.Equal(assemblyName, name.Name);
            Assert.Equal(new Version(9, 0, 0, 0), name.Version);
            Assert.Equal("31bf3856ad364e35", Convert.ToHexString(name.GetPublicKeyToken()).ToLowerInvariant());
            var listedKey = File.ReadLines(Path.Combine(Paths.Listings, assemblyName + ".api.txt"))
                .First(l => l.StartsWith("# PublicKey ", StringComparison.Ordinal)).Substring("# PublicKey ".Length).Trim();
            Assert.Equal(listedKey, Convert.ToHexString(name.GetPublicKey()));
        }

        [Fact]
        public void Renderer_finds_a_changed_signature()
        {
            // Guards the oracle itself: a listed member rendered from a type with another signature must not match.
            var listing = Listing.Load(Path.Combine(Paths.Listings, "Microsoft.Xrm.Sdk.api.txt"));
            var entity = listing.Types["Microsoft.Xrm.Sdk.Entity"];
            Assert.Contains("System.Boolean Contains(System.String attributeName)", entity.Members);
            Assert.DoesNotContain("System.Boolean Contains(System.String name)", entity.Members);
            Assert.Equal("class", entity.Kind);
            Assert.Equal(new[] { "System.Runtime.Serialization.IExtensibleDataObject" }, entity.BaseAndInterfaces);
        }

        private static void CompareHeader(Type type, Listing.ListedType listed, List<string> problems)
        {
            var name = listed.Name;
            if (listed.Kind != ListingRenderer.Kind(type)) problems.Add($"{name}: kind {ListingRenderer.Kind(type)}, listing says {listed.Kind}");
            if (listed.Modifiers != ListingRenderer.Modifiers(type))
                problems.Add($"{name}: modifiers '{ListingRenderer.Modifiers(type)}', listing says '{listed.Modifiers}'");
            var rendered = new List<string>();
            var baseType = ListingRenderer.BaseType(type);
            if (baseType != null) rendered.Add(baseType);
            rendered.AddRange(ListingRenderer.Interfaces(type));
            if (baseType != null && (listed.BaseAndInterfaces.Count == 0 || listed.BaseAndInterfaces[0] != baseType))
                problems.Add($"{name}: base {baseType}, listing header: {listed.Header}");
            var missing = listed.BaseAndInterfaces.Except(rendered).ToList();
            var extra = rendered.Except(listed.BaseAndInterfaces).ToList();
            if (missing.Count > 0) problems.Add($"{name}: lacks {string.Join(", ", missing)} from the listing header");
            if (extra.Count > 0) problems.Add($"{name}: has {string.Join(", ", extra)} not in the listing header");
        }

    }
}
