using System;
using System.IO;

namespace Taazeez.Crm.Packer
{
    /// <summary>
    /// taazeez-pack [--src Solution/src] [--out artifacts/solution/Taazeez_&lt;version&gt;.zip] [--version a.b.c.d]
    ///              [--configuration Release] [--assemblies &lt;folder&gt;]... [--allow-missing-assemblies]
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string? src = null, output = null, version = null;
            var configuration = "Release";
            var allowMissing = false;
            var extraFolders = new System.Collections.Generic.List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--src": src = Next(); break;
                    case "--out": output = Next(); break;
                    case "--version": version = Next(); break;
                    case "--configuration": configuration = Next(); break;
                    case "--assemblies": extraFolders.Add(Next()); break;
                    case "--allow-missing-assemblies": allowMissing = true; break;
                    case "-h":
                    case "--help":
                        Console.WriteLine("Packs Solution/src into artifacts/solution/Taazeez_<version>.zip | يحزم الحل في ملف مضغوط قابل للاستيراد");
                        Console.WriteLine("options: --src --out --version --configuration --assemblies <folder> --allow-missing-assemblies");
                        return 0;
                    default:
                        Console.Error.WriteLine($"خيار غير معروف | Unknown option: {args[i]}");
                        return 2;
                }
            }
            try
            {
                src ??= FindSolutionFolder(Directory.GetCurrentDirectory());
                var options = PackOptions.ForConfiguration(configuration);
                foreach (var folder in extraFolders) options.AssemblyFolders.Add(Path.GetFullPath(folder));
                options.Version = version;
                options.AllowMissingAssemblies = allowMissing;
                output ??= Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(src)))!, "artifacts", "solution",
                    SolutionPacker.ZipFileName(version ?? SolutionPacker.ReadVersion(src)));
                var result = SolutionPacker.Pack(src, output, options);
                Console.WriteLine($"{result.ZipPath} ({result.Entries.Count} entries, version {result.Version})");
                foreach (var file in result.UnpackedFiles)
                    Console.WriteLine($"ملف لم يُحزم | file not packed: {file}");
                foreach (var skipped in result.SkippedAssemblies)
                    Console.WriteLine($"تم تخطي التجميع غير المبني | skipped assembly not built: {skipped}");
                return 0;
            }
            catch (PackException ex)
            {
                Console.Error.WriteLine($"تعذر حزم الحل | Packing failed: {ex.Message}");
                return 1;
            }
        }

        private static string FindSolutionFolder(string start)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "Solution", "src");
                if (Directory.Exists(Path.Combine(candidate, "Other"))) return candidate;
            }
            throw new PackException($"No Solution/src above {start}; pass --src");
        }
    }
}
