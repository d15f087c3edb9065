using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Taazeez.Crm.Cli.Trace;

namespace Taazeez.Crm.Cli;

/// <summary>The `taazeez` root command; <see cref="Run"/> is the in-process entry point used by Program and tests.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error, string? workingDirectory = null)
    {
        var context = new CliContext(output, error, workingDirectory);
        var root = new RootCommand("تعزيز: حزم الحل وتشغيله ونشره وتتبع السياسة | Taazeez: pack, run, deploy and trace the beneficiary-relations solution")
        {
            TraceCommand.Create(context),
        };
        foreach (var command in Commands.Extra(context)) root.Add(command);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                error.WriteLine($"خطأ في الوسائط: {e.Message} (استخدم --help) | Error: invalid arguments: {e.Message} (see --help)");
            return ExitCodes.BadArguments;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            error.WriteLine(ex.OneLine);
            return ex.ExitCode;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1 && ex.InnerException is CliException cli)
        {
            error.WriteLine(cli.OneLine);
            return cli.ExitCode;
        }
    }
}
