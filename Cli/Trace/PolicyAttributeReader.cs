using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Taazeez.Crm.Cli.Trace;

/// <summary>A type or method carrying [PolicyClause(...)], with the clause ids it names.</summary>
public sealed record ClauseMarker(string Assembly, string Member, bool IsMethod, IReadOnlyList<string> ClauseIds);

/// <summary>
/// Reads [PolicyClause] from an assembly's metadata without loading it, so net462 plugin assemblies and
/// test assemblies with unresolvable references can be read by the net10.0 CLI. The attribute is matched by
/// its simple name, because plugins and test projects each define their own PolicyClauseAttribute.
/// </summary>
public static class PolicyAttributeReader
{
    public const string AttributeName = "PolicyClauseAttribute";

    public static IReadOnlyList<ClauseMarker> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) return Array.Empty<ClauseMarker>();
        var md = pe.GetMetadataReader();
        var assemblyName = md.IsAssembly ? md.GetString(md.GetAssemblyDefinition().Name) : Path.GetFileNameWithoutExtension(assemblyPath);
        var markers = new List<ClauseMarker>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            var typeName = FullName(md, type);
            var typeIds = ClauseIds(md, type.GetCustomAttributes());
            if (typeIds.Count > 0) markers.Add(new ClauseMarker(assemblyName, typeName, false, typeIds));
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                var ids = ClauseIds(md, method.GetCustomAttributes());
                if (ids.Count > 0) markers.Add(new ClauseMarker(assemblyName, typeName + "." + md.GetString(method.Name), true, ids));
            }
        }
        return markers;
    }

    private static string FullName(MetadataReader md, TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return FullName(md, md.GetTypeDefinition(declaring)) + "+" + name;
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static List<string> ClauseIds(MetadataReader md, CustomAttributeHandleCollection attributes)
    {
        var ids = new List<string>();
        foreach (var handle in attributes)
        {
            var attribute = md.GetCustomAttribute(handle);
            if (AttributeTypeName(md, attribute) != AttributeName) continue;
            var value = attribute.DecodeValue(new StringTypeProvider());
            foreach (var argument in value.FixedArguments) Collect(argument.Value, ids);
        }
        return ids;
    }

    private static void Collect(object? value, List<string> ids)
    {
        switch (value)
        {
            case string s:
                ids.Add(s);
                break;
            case ImmutableArray<CustomAttributeTypedArgument<string>> array:
                foreach (var item in array) Collect(item.Value, ids);
                break;
        }
    }

    private static string? AttributeTypeName(MetadataReader md, CustomAttribute attribute)
    {
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MethodDefinition:
                var definition = md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                return md.GetString(md.GetTypeDefinition(definition.GetDeclaringType()).Name);
            case HandleKind.MemberReference:
                var reference = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                return reference.Parent.Kind switch
                {
                    HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)reference.Parent).Name),
                    HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)reference.Parent).Name),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>Decodes attribute signatures to type names; only string values matter to the trace.</summary>
    private sealed class StringTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSystemType() => "System.Type";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetTypeFromSerializedName(string name) => name;
        // Enum arguments are not used by PolicyClauseAttribute; int is the common underlying type.
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string type) => type == "System.Type" || type == "Type";
    }
}
