using System.IO;
using Spectre.Console;

namespace Taazeez.Crm.Cli;

/// <summary>Where a command writes: plain writers for tests, a Spectre console for tables and progress bars.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, string? workingDirectory = null)
    {
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
        var interactive = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public string WorkingDirectory { get; }
    public IAnsiConsole Console { get; }
}
