using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;

namespace Taazeez.Crm.Cli.Tests;

/// <summary>A throw-away repository layout with emitted assemblies carrying [PolicyClause], for trace tests.</summary>
internal sealed class FakeRepository : IDisposable
{
    public FakeRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "taazeez-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "Solution", "src", "Other"));
        File.WriteAllText(Path.Combine(Root, "Taazeez.Crm.sln"), "");
    }

    public string Root { get; }

    public void WriteSolutionFile(string relative, string xml)
    {
        var path = Path.Combine(Root, "Solution", "src", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, xml);
    }

    public void WritePlugins(params (string Method, string[] Clauses)[] marked) =>
        EmitAssembly(Path.Combine(Root, "Plugins", "bin", "Release", "net10.0", "Taazeez.Crm.Plugins.dll"), "Taazeez.Crm.Plugins", "Taazeez.Crm.Policy.Rules", marked);

    public void WriteTests(params (string Method, string[] Clauses)[] marked) =>
        EmitAssembly(Path.Combine(Root, "tests", "Fake.Tests", "bin", "Release", "net10.0", "Fake.Tests.dll"), "Fake.Tests", "Fake.Tests.RuleTests", marked);

    /// <summary>Emits an assembly with its own PolicyClauseAttribute(params string[]) and one marked static method per entry.</summary>
    private static void EmitAssembly(string path, string name, string typeName, IEnumerable<(string Method, string[] Clauses)> marked)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(name);
        var attribute = module.DefineType(name + ".PolicyClauseAttribute", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(Attribute));
        var ctor = attribute.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, new[] { typeof(string[]) });
        var il = ctor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(Attribute).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!);
        il.Emit(OpCodes.Ret);
        attribute.CreateType();
        var type = module.DefineType(typeName, TypeAttributes.Public | TypeAttributes.Class);
        foreach (var (method, clauses) in marked)
        {
            var m = type.DefineMethod(method, MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
            m.GetILGenerator().Emit(OpCodes.Ret);
            m.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { clauses }));
        }
        type.CreateType();
        assembly.Save(path);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
