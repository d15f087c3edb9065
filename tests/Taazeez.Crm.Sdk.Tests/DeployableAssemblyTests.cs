using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>The net462 assemblies a charity imports: strong-named with our key, and bound to exactly
    /// the Microsoft SDK identity that Dataverse loads.</summary>
    public class DeployableAssemblyTests
    {
        private const string MicrosoftToken = "31bf3856ad364e35";

        [Theory]
        [InlineData("Plugins", "Taazeez.Crm.Plugins", new[] { "Microsoft.Xrm.Sdk" })]
        [InlineData("WorkflowActivities", "Taazeez.Crm.WorkflowActivities", new[] { "Microsoft.Xrm.Sdk", "Microsoft.Xrm.Sdk.Workflow" })]
        public void Deployable_assembly_references_Microsofts_sdk_and_is_signed_with_our_key(string folder, string assembly, string[] sdkAssemblies)
        {
            var path = Paths.Deployable(folder, assembly);
            Assert.True(File.Exists(path), $"not built: {path}");
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();

            var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).ToList();
            foreach (var sdk in sdkAssemblies)
            {
                var reference = references.SingleOrDefault(r => metadata.GetString(r.Name) == sdk);
                Assert.True(!reference.Name.IsNil, $"{assembly} does not reference {sdk}");
                Assert.Equal(new Version(9, 0, 0, 0), reference.Version);
                Assert.True(reference.Culture.IsNil, $"{sdk} reference must be culture neutral");
                Assert.Equal(MicrosoftToken, Hex(metadata.GetBlobBytes(reference.PublicKeyOrToken)));
            }
            Assert.Equal(".NETFramework,Version=v4.6.2", TargetFramework(metadata));

            var definition = metadata.GetAssemblyDefinition();
            var publicKey = metadata.GetBlobBytes(definition.PublicKey);
            Assert.Equal(Token(OurPublicKey()), Token(publicKey));
            Assert.True(pe.PEHeaders.CorHeader.Flags.HasFlag(CorFlags.StrongNameSigned), "fully signed, not only public-signed");
            Assert.True(pe.PEHeaders.CorHeader.StrongNameSignatureDirectory.Size > 0, "strong-name signature present");
        }

        private static string TargetFramework(MetadataReader metadata)
        {
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                var ctor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                var type = metadata.GetTypeReference((TypeReferenceHandle)ctor.Parent);
                if (metadata.GetString(type.Name) != "TargetFrameworkAttribute") continue;
                var blob = metadata.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                return blob.ReadSerializedString();
            }
            return null;
        }

        // The strong-name public key of Taazeez.snk: signature/hash algorithm ids, length, then the CAPI public key blob.
        private static byte[] OurPublicKey()
        {
            using var rsa = new RSACryptoServiceProvider();
            rsa.ImportCspBlob(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "Taazeez.snk")));
            var keyBlob = rsa.ExportCspBlob(false);
            keyBlob[5] = 0x24; // aiKeyAlg CALG_RSA_SIGN, as strong-name keys record it (the CSP exports CALG_RSA_KEYX)
            var header = new byte[] { 0x00, 0x24, 0x00, 0x00, 0x04, 0x80, 0x00, 0x00 };
            var length = BitConverter.GetBytes(keyBlob.Length);
            return header.Concat(length).Concat(keyBlob).ToArray();
        }

        private static string Token(byte[] publicKey) =>
            Hex(SHA1.HashData(publicKey).Reverse().Take(8).ToArray());

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
