using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Emulator.Tests
{
    /// <summary>The emulator reads the solution it must enforce: from our unpacked folder, from a zip, and from
    /// solutions exported by real environments (which carry much it does not need).</summary>
    public class SolutionMetadataTests
    {
        private static readonly string SolutionSrc = Path.Combine(RepoRoot(), "Solution", "src");

        [Fact]
        public void Reads_our_tables_columns_keys_options_lookups_and_status_reasons()
        {
            var metadata = SolutionMetadata.FromFolder(SolutionSrc);
            foreach (var table in new[] { "taz_beneficiary", "taz_householdmember", "taz_supportrequest", "taz_researchreferral",
                         "taz_committeedecision", "taz_servicedelivery", "taz_satisfactionsurvey", "taz_feedback", "taz_branchoffice" })
                Assert.True(metadata.Tables.ContainsKey(table), table);

            var beneficiary = metadata.Tables["taz_beneficiary"];
            Assert.Equal("taz_beneficiaryid", beneficiary.PrimaryIdColumn);
            Assert.Equal(new[] { "taz_nationalid" }, beneficiary.AlternateKeys.Single(k => k.LogicalName == "taz_key_nationalid").Columns);
            Assert.Equal(10, beneficiary.Columns["taz_nationalid"].MaxLength);
            Assert.Equal(1m, beneficiary.Columns["taz_householdsize"].MinValue);
            Assert.Equal(50m, beneficiary.Columns["taz_householdsize"].MaxValue);

            var request = metadata.Tables["taz_supportrequest"];
            Assert.Equal("SR-{DATETIMEUTC:yyyy}-{SEQNUM:6}", request.Columns["taz_name"].AutoNumberFormat);
            Assert.Equal(Enumerable.Range(826000001, 8), request.Columns["taz_channel"].OptionValues.OrderBy(v => v));
            Assert.Equal(new[] { "taz_beneficiary" }, request.Columns["taz_beneficiaryid"].Targets);
            Assert.Equal(0, request.StateOfStatus[826000004]);
            Assert.Equal(1, request.StateOfStatus[826000010]);
            Assert.True(request.Columns["ownerid"].IsSystemRequired);

            var representatives = metadata.Relationships.Single(r => r.SchemaName == "taz_branchoffice_representative");
            Assert.True(representatives.IsManyToMany);
            Assert.Equal("taz_branchoffice_representative", representatives.IntersectEntity);
        }

        [Fact]
        public void A_packed_zip_gives_the_same_metadata_as_the_folder()
        {
            var zip = Path.Combine(Path.GetTempPath(), $"taazeez-{Guid.NewGuid():N}.zip");
            try
            {
                var options = new PackOptions { AllowMissingAssemblies = true };
                SolutionPacker.Pack(SolutionSrc, zip, options);
                Assert.Equal(Describe(SolutionMetadata.FromFolder(SolutionSrc)), Describe(SolutionMetadata.FromZip(zip)));
            }
            finally
            {
                File.Delete(zip);
            }
        }

        [Fact]
        public void Reads_an_exported_solution_with_elements_it_does_not_know()
        {
            var zip = Path.Combine(Path.GetTempPath(), $"exported-{Guid.NewGuid():N}.zip");
            try
            {
                using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
                {
                    using var writer = new StreamWriter(archive.CreateEntry("customizations.xml").Open());
                    writer.Write(ExportedCustomizations);
                }
                var metadata = SolutionMetadata.FromZip(zip);
                var account = metadata.Tables["new_visit"];
                Assert.Equal(100, account.Columns["new_name"].MaxLength);
                Assert.Equal(new[] { 100000000, 100000001 }, account.Columns["new_kind"].OptionValues.OrderBy(v => v));
                Assert.Equal(new[] { "contact" }, account.Columns["new_contactid"].Targets);
                Assert.Equal("Cascade", metadata.Relationships.Single().CascadeDelete);
            }
            finally
            {
                File.Delete(zip);
            }
        }

        [Fact]
        public void A_missing_folder_or_a_zip_without_customizations_is_a_clear_error()
        {
            Assert.Throws<DirectoryNotFoundException>(() => SolutionMetadata.FromFolder(Path.Combine(SolutionSrc, "nope")));
            var zip = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.zip");
            try
            {
                using (ZipFile.Open(zip, ZipArchiveMode.Create)) { }
                var error = Assert.Throws<InvalidDataException>(() => SolutionMetadata.FromZip(zip));
                Assert.Contains("customizations.xml", error.Message);
            }
            finally
            {
                File.Delete(zip);
            }
        }

        private static string Describe(SolutionMetadata metadata) => string.Join("\n",
            metadata.Tables.Values.OrderBy(t => t.LogicalName).SelectMany(t =>
                t.Columns.Values.OrderBy(c => c.LogicalName).Select(c =>
                    $"{t.LogicalName}.{c.LogicalName} {c.Type} {c.RequiredLevel} {c.MaxLength} {c.MinValue} {c.MaxValue} {c.AutoNumberFormat} " +
                    $"[{string.Join(",", c.OptionValues.OrderBy(v => v))}] [{string.Join(",", c.Targets)}]")
                .Concat(t.AlternateKeys.Select(k => $"{t.LogicalName} key {k.LogicalName} {string.Join(",", k.Columns)}"))
                .Concat(t.StateOfStatus.OrderBy(s => s.Key).Select(s => $"{t.LogicalName} status {s.Key}->{s.Value}")))
            .Concat(metadata.Relationships.OrderBy(r => r.SchemaName).Select(r => $"{r.SchemaName} {r.ReferencingEntity} {r.ReferencedEntity} {r.CascadeDelete}")));

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Taazeez.Crm.sln"))) return dir.FullName;
            throw new InvalidOperationException("Taazeez.Crm.sln not found");
        }

        // The shape real environments export: managed flags, another publisher, system columns, unknown elements.
        private const string ExportedCustomizations = """
            <ImportExportXml version="9.2.24084.201" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <Entities>
                <Entity>
                  <Name LocalizedName="Visit" OriginalName="Visit">new_visit</Name>
                  <ObjectTypeCode>10452</ObjectTypeCode>
                  <EntityInfo>
                    <entity Name="new_visit" unmodified="1">
                      <LocalizedNames><LocalizedName description="Visit" languagecode="1033" /></LocalizedNames>
                      <attributes>
                        <attribute PhysicalName="new_visitId"><Type>primarykey</Type><Name>new_visitid</Name><LogicalName>new_visitid</LogicalName><RequiredLevel>systemrequired</RequiredLevel><IsManaged>1</IsManaged></attribute>
                        <attribute PhysicalName="new_Name"><Type>nvarchar</Type><Name>new_name</Name><LogicalName>new_name</LogicalName><RequiredLevel>required</RequiredLevel><MaxLength>100</MaxLength><Length>200</Length><FutureElement>ignored</FutureElement></attribute>
                        <attribute PhysicalName="new_Kind"><Type>picklist</Type><Name>new_kind</Name><LogicalName>new_kind</LogicalName><RequiredLevel>none</RequiredLevel><OptionSetName>new_kind</OptionSetName>
                          <optionset Name="new_kind"><OptionSetType>picklist</OptionSetType><IsGlobal>0</IsGlobal><options><option value="100000000" /><option value="100000001" /></options></optionset></attribute>
                        <attribute PhysicalName="new_ContactId"><Type>lookup</Type><Name>new_contactid</Name><LogicalName>new_contactid</LogicalName><RequiredLevel>none</RequiredLevel><LookupStyle>single</LookupStyle><LookupTypes /></attribute>
                        <attribute PhysicalName="VersionNumber"><Type>timestamp</Type><Name>versionnumber</Name><LogicalName>versionnumber</LogicalName><RequiredLevel>none</RequiredLevel></attribute>
                      </attributes>
                      <IsRetrieveAuditEnabled>0</IsRetrieveAuditEnabled>
                    </entity>
                  </EntityInfo>
                  <FormXml />
                  <SavedQueries />
                </Entity>
              </Entities>
              <Roles />
              <Workflows />
              <EntityRelationships>
                <EntityRelationship Name="new_contact_new_visit">
                  <EntityRelationshipType>OneToMany</EntityRelationshipType>
                  <ReferencingEntityName>new_visit</ReferencingEntityName>
                  <ReferencedEntityName>Contact</ReferencedEntityName>
                  <CascadeDelete>Cascade</CascadeDelete>
                  <ReferencingAttributeName>new_ContactId</ReferencingAttributeName>
                  <IsManaged>1</IsManaged>
                </EntityRelationship>
              </EntityRelationships>
              <optionsets />
              <Languages><Language>1033</Language></Languages>
            </ImportExportXml>
            """;
    }
}
