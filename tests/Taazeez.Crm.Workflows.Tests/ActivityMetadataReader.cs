using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Taazeez.Crm.Workflows.Tests
{
    /// <summary>One workflow argument as the compiled activity declares it.</summary>
    public sealed record ActivityArgument(string Property, string Direction, string TypeArgument, string? Label, string? ReferenceTarget, bool Required);

    /// <summary>Reads the net462 activity assembly without loading it (System.Activities is .NET Framework only).</summary>
    public sealed class ActivityMetadataReader
    {
        public ActivityMetadataReader(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var asm = md.GetAssemblyDefinition();
            AssemblyName = md.GetString(asm.Name);
            Version = asm.Version;
            PublicKeyToken = Token(md.GetBlobBytes(asm.PublicKey));
            var types = new Dictionary<string, IReadOnlyList<ActivityArgument>>(StringComparer.Ordinal);
            var bases = new Dictionary<string, string>(StringComparer.Ordinal);
            var sigs = new SignatureNames();
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                var fullName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
                bases[fullName] = TypeName(md, type.BaseType);
                var args = new List<ActivityArgument>();
                foreach (var ph in type.GetProperties())
                {
                    var prop = md.GetPropertyDefinition(ph);
                    var sig = prop.DecodeSignature(sigs, null).ReturnType;
                    string? direction = sig.StartsWith("System.Activities.InArgument<", StringComparison.Ordinal) ? "In"
                        : sig.StartsWith("System.Activities.OutArgument<", StringComparison.Ordinal) ? "Out" : null;
                    if (direction == null) continue;
                    string? label = null, target = null; bool required = false, input = false, output = false;
                    foreach (var ah in prop.GetCustomAttributes())
                    {
                        var attr = md.GetCustomAttribute(ah);
                        var name = AttributeTypeName(md, attr);
                        var value = attr.DecodeValue(new AttributeValues());
                        var first = value.FixedArguments.Length > 0 ? value.FixedArguments[0].Value as string : null;
                        switch (name)
                        {
                            case "Microsoft.Xrm.Sdk.Workflow.InputAttribute": input = true; label = first; break;
                            case "Microsoft.Xrm.Sdk.Workflow.OutputAttribute": output = true; label = first; break;
                            case "Microsoft.Xrm.Sdk.Workflow.ReferenceTargetAttribute": target = first; break;
                            case "System.Activities.RequiredArgumentAttribute": required = true; break;
                        }
                    }
                    if ((direction == "In" && !input) || (direction == "Out" && !output)) label = null;
                    var inner = sig.Substring(sig.IndexOf('<') + 1, sig.Length - sig.IndexOf('<') - 2);
                    args.Add(new ActivityArgument(md.GetString(prop.Name), direction, inner, label, target, required));
                }
                types[fullName] = args;
            }
            Arguments = types;
            BaseTypes = bases;
        }

        public string AssemblyName { get; }
        public Version Version { get; }
        public string PublicKeyToken { get; }
        public IReadOnlyDictionary<string, IReadOnlyList<ActivityArgument>> Arguments { get; }
        public IReadOnlyDictionary<string, string> BaseTypes { get; }

        public bool DerivesFromCodeActivity(string type)
        {
            for (var t = type; t != null && BaseTypes.TryGetValue(t, out var b); t = b)
                if (b == "System.Activities.CodeActivity") return true;
            return false;
        }

        private static string Token(byte[] publicKey)
        {
            if (publicKey.Length == 0) return "null";
            var hash = System.Security.Cryptography.SHA1.HashData(publicKey);
            return string.Concat(hash.Skip(hash.Length - 8).Reverse().Select(b => b.ToString("x2")));
        }

        private static string AttributeTypeName(MetadataReader md, CustomAttribute attr)
        {
            EntityHandle parent = attr.Constructor.Kind == HandleKind.MemberReference
                ? md.GetMemberReference((MemberReferenceHandle)attr.Constructor).Parent
                : md.GetMethodDefinition((MethodDefinitionHandle)attr.Constructor).GetDeclaringType();
            return TypeName(md, parent);
        }

        private static string TypeName(MetadataReader md, EntityHandle handle)
        {
            if (handle.IsNil) return "";
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    var r = md.GetTypeReference((TypeReferenceHandle)handle);
                    return md.GetString(r.Namespace) + "." + md.GetString(r.Name);
                case HandleKind.TypeDefinition:
                    var d = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                    return md.GetString(d.Namespace) + "." + md.GetString(d.Name);
                default:
                    return "";
            }
        }

        /// <summary>Type names as text: enough to compare argument types with the XAML's x:TypeArguments.</summary>
        private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
        {
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
            {
                PrimitiveTypeCode.Boolean => "System.Boolean",
                PrimitiveTypeCode.Int32 => "System.Int32",
                PrimitiveTypeCode.String => "System.String",
                PrimitiveTypeCode.Double => "System.Double",
                PrimitiveTypeCode.Int64 => "System.Int64",
                PrimitiveTypeCode.Object => "System.Object",
                _ => typeCode.ToString(),
            };
            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(reader, handle);
            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle);
            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
                genericType.Substring(0, genericType.IndexOf('`')) + "<" + string.Join(",", typeArguments) + ">";
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[*]";
            public string GetByReferenceType(string elementType) => elementType + "&";
            public string GetPointerType(string elementType) => elementType + "*";
            public string GetPinnedType(string elementType) => elementType;
            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
            public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
            public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
            public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }

        /// <summary>Attribute arguments here are strings and booleans only.</summary>
        private sealed class AttributeValues : ICustomAttributeTypeProvider<string>
        {
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
            public string GetSystemType() => "System.Type";
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(reader, handle);
            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle);
            public string GetTypeFromSerializedName(string name) => name;
            public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
            public bool IsSystemType(string type) => type == "System.Type";
        }
    }
}
