using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>Renders types and members in the format of Microsoft's API listings
    /// (../shared/reference/dataverse-sdk), so a built assembly can be compared line by line.</summary>
    internal static class ListingRenderer
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public static string TypeName(Type type)
        {
            if (type.IsByRef) return TypeName(type.GetElementType());
            if (type.IsArray) return TypeName(type.GetElementType()) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
            if (type.IsGenericParameter) return type.Name;
            var name = Regex.Replace((type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name, "`[0-9]+", "");
            if (!type.IsGenericType) return name;
            return name + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
        }

        public static string Kind(Type type) =>
            type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : "class";

        public static string Modifiers(Type type)
        {
            if (type.IsInterface || type.IsValueType) return "";
            if (type.IsAbstract && type.IsSealed) return "static ";
            if (type.IsSealed) return "sealed ";
            return type.IsAbstract ? "abstract " : "";
        }

        /// <summary>The base type as the listing shows it (none for object, enums and structs).</summary>
        public static string BaseType(Type type)
        {
            if (type.IsInterface || type.IsValueType || type.BaseType == null) return null;
            return type.BaseType.FullName == "System.Object" ? null : TypeName(type.BaseType);
        }

        public static IEnumerable<string> Interfaces(Type type) => type.GetInterfaces().Select(TypeName);

        public static IEnumerable<string> Members(Type type)
        {
            if (type.IsEnum)
            {
                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                    yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue())}";
                yield break;
            }
            foreach (var ctor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                yield return $".ctor({Parameters(ctor)})";
            foreach (var property in type.GetProperties(Declared))
                yield return Property(property);
            foreach (var method in type.GetMethods(Declared).Where(m => !m.IsSpecialName))
                yield return Method(method);
            foreach (var field in type.GetFields(Declared).Where(f => !f.IsSpecialName))
                yield return $"{(field.IsStatic ? "static " : "")}{TypeName(field.FieldType)} {field.Name}";
        }

        private static string Property(PropertyInfo property)
        {
            var getter = property.GetGetMethod();
            var setter = property.GetSetMethod();
            var accessor = getter ?? setter;
            var accessors = (getter != null ? "get; " : "") + (setter != null ? "set; " : "");
            var index = property.GetIndexParameters();
            var name = index.Length == 0 ? property.Name : $"this[{string.Join(", ", index.Select(Parameter))}]";
            return $"{(accessor.IsStatic ? "static " : "")}{TypeName(property.PropertyType)} {name} {{ {accessors}}}";
        }

        private static string Method(MethodInfo method)
        {
            var generic = method.IsGenericMethodDefinition
                ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">"
                : "";
            var constraints = method.IsGenericMethodDefinition
                ? string.Concat(method.GetGenericArguments()
                    .Where(a => a.GetGenericParameterConstraints().Length > 0)
                    .Select(a => $" where {a.Name} : {string.Join(", ", a.GetGenericParameterConstraints().Select(TypeName))}"))
                : "";
            return $"{(method.IsStatic ? "static " : "")}{TypeName(method.ReturnType)} {method.Name}{generic}({Parameters(method)}){constraints}";
        }

        private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(Parameter));

        private static string Parameter(ParameterInfo parameter)
        {
            var prefix = parameter.ParameterType.IsByRef ? (parameter.IsOut ? "out " : "ref ") : "";
            if (parameter.GetCustomAttributesData().Any(a => a.AttributeType.Name == "ParamArrayAttribute")) prefix += "params ";
            return $"{prefix}{TypeName(parameter.ParameterType)} {parameter.Name}";
        }
    }
}
