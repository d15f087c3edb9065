using System;

namespace Taazeez.Crm.Cli;

/// <summary>Process exit codes, one per failure family, so scripts can tell them apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int TraceGaps = 1;
    public const int BadArguments = 2;
    public const int UnreadableSolution = 3;
    public const int ImportFailed = 4;
    public const int BuildFailed = 5;
    public const int JourneyRejected = 6;
    public const int Unexpected = 70;
}

/// <summary>An expected failure shown to the user as one bilingual line: "خطأ: <ar> | Error: <en>".</summary>
public sealed class CliException : Exception
{
    public CliException(string arabic, string english, int exitCode, Exception? inner = null)
        : base(english, inner)
    {
        Arabic = arabic;
        English = english;
        ExitCode = exitCode;
    }

    public string Arabic { get; }
    public string English { get; }
    public int ExitCode { get; }

    public string OneLine => $"خطأ: {Arabic} | Error: {English}";
}
