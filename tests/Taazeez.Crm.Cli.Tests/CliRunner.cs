using System.IO;

namespace Taazeez.Crm.Cli.Tests;

/// <summary>Runs the CLI in process and captures both streams.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, workingDirectory);
        return (exit, output.ToString(), error.ToString());
    }
}
