using System.Collections.Generic;
using System.CommandLine;
using Taazeez.Crm.Cli.Deploy;
using Taazeez.Crm.Cli.Journeys;
using Taazeez.Crm.Cli.Pack;

namespace Taazeez.Crm.Cli;

/// <summary>The commands beside trace, registered in one place.</summary>
internal static class Commands
{
    public static IEnumerable<Command> Extra(CliContext context)
    {
        yield return JourneyCommands.CreateDemo(context);
        yield return JourneyCommands.CreateSimulate(context);
        yield return PackCommand.Create(context);
        yield return DeployCommand.Create(context);
    }
}
