using System;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Pipeline;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Emulator.Tests.Pipeline
{
    /// <summary>Step and Custom API registrations read the same from the unpacked folder and from the packed zip, and
    /// an emulator built from the zip runs the test plugins exactly as one built from the folder.</summary>
    public class RegistrationTests
    {
        [Fact]
        public void Zip_and_folder_give_the_same_steps_and_custom_apis()
        {
            var zip = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"taazeez-steps-{Guid.NewGuid():N}.zip");
            try
            {
                SolutionPacker.Pack(TestSolution.Path, zip, new PackOptions { AllowMissingAssemblies = true });
                var folder = RegistrationReader.FromFolder(TestSolution.Path);
                var packed = RegistrationReader.FromZip(zip);
                Assert.Equal(8, folder.Steps.Count);
                Assert.Equal(folder.Steps.Select(Describe).OrderBy(s => s), packed.Steps.Select(Describe).OrderBy(s => s));
                Assert.NotEmpty(folder.Apis);
                // This zip is packed without the (net462) assemblies, so the Custom APIs' plugin types cannot be resolved
                // from it; everything else about them must match.
                Assert.Equal(folder.Apis.Select(a => Describe(a with { PluginTypeName = null })).OrderBy(s => s),
                    packed.Apis.Select(Describe).OrderBy(s => s));
                Assert.All(folder.Apis, a => Assert.StartsWith("Taazeez.Crm.WorkflowActivities.", a.PluginTypeName));

                var emulator = DataverseEmulator.FromSolutionZip(zip, typeof(TestSolution).Assembly);
                var service = emulator.CreateService(emulator.SystemUserId);
                var id = service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "بيش", ["taz_address"] = "souq" });
                Assert.Equal("SOUQ", service.Retrieve("taz_branchoffice", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("taz_address"))["taz_address"]);
            }
            finally
            {
                File.Delete(zip);
            }
        }

        [Fact]
        public void Steps_name_their_message_by_well_known_id_or_by_the_registration_tools_step_name()
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"taazeez-exported-{Guid.NewGuid():N}");
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "SdkMessageProcessingSteps"));
            try
            {
                // Exported shape: extra elements, a message id we do not know, the tool's "Type: Message of table" name.
                File.WriteAllText(System.IO.Path.Combine(folder, "SdkMessageProcessingSteps", "{0d2f7c4a-0000-4000-8000-000000000001}.xml"), """
                    <SdkMessageProcessingStep Name="Contoso.Plugins.OnAssign: Assign of account" SdkMessageProcessingStepId="{0d2f7c4a-0000-4000-8000-000000000001}">
                      <SdkMessageId>6cbdbb1b-ea3e-db11-86a7-000a3a5473e8</SdkMessageId>
                      <PluginTypeName>Contoso.Plugins.OnAssign, Contoso.Plugins, Version=2.1.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef</PluginTypeName>
                      <PluginTypeId>11111111-2222-4333-8444-555555555555</PluginTypeId>
                      <PrimaryEntity>account</PrimaryEntity>
                      <AsyncAutoDelete>1</AsyncAutoDelete>
                      <InvocationSource>0</InvocationSource>
                      <Mode>1</Mode>
                      <Rank>3</Rank>
                      <EventHandlerTypeCode>4602</EventHandlerTypeCode>
                      <Stage>40</Stage>
                      <IsCustomizable>1</IsCustomizable>
                      <IsHidden>0</IsHidden>
                      <SupportedDeployment>0</SupportedDeployment>
                      <IntroducedVersion>1.0</IntroducedVersion>
                      <SdkMessageProcessingStepImages>
                        <SdkMessageProcessingStepImage Name="Image">
                          <Attributes>ownerid,Name</Attributes>
                          <EntityAlias>PreImage</EntityAlias>
                          <ImageType>2</ImageType>
                          <MessagePropertyName>Target</MessagePropertyName>
                          <IsCustomizable>1</IsCustomizable>
                        </SdkMessageProcessingStepImage>
                      </SdkMessageProcessingStepImages>
                    </SdkMessageProcessingStep>
                    """);
                var step = RegistrationReader.FromFolder(folder).Steps.Single();
                Assert.Equal("Assign", step.Message);
                Assert.Equal("account", step.PrimaryEntity);
                Assert.True(step.IsAsync);
                Assert.Equal(3, step.Rank);
                var image = step.Images.Single();
                Assert.True(image.IsPre && image.IsPost);
                Assert.Equal(new[] { "ownerid", "name" }, image.Attributes);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static string Describe(StepRegistration s) =>
            $"{s.Id}|{s.Message}|{s.PrimaryEntity}|{s.Stage}|{s.IsAsync}|{s.Rank}|{string.Join(",", s.FilteringAttributes.OrderBy(a => a))}|" +
            $"{string.Join(";", s.Images.Select(i => $"{i.Alias}:{i.ImageType}:{string.Join(",", i.Attributes)}"))}|{s.PluginTypeName}|{s.UnsecureConfiguration}|{s.SecureConfiguration}";

        private static string Describe(CustomApiRegistration a) =>
            $"{a.UniqueName}|{a.PluginTypeName}|{a.BoundEntity}|{string.Join(",", a.RequestParameters)}|{string.Join(",", a.ResponseProperties)}";
    }
}
