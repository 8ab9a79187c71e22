using System.CommandLine;

namespace Lindung.Cli;

/// <summary>
/// Options every command accepts (placed before or after the command name). A new set for each command line, as their
/// descriptions are in the run's language; <see cref="Of"/> finds the set a parse result came from.
/// </summary>
public sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = CliText.GlobalJson,
        Recursive = true,
    };

    public Option<string?> Db { get; } = new("--db")
    {
        Description = CliText.GlobalDb,
        Recursive = true,
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "sqlite | postgres",
        Recursive = true,
    };

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = CliText.GlobalDataDir,
        Recursive = true,
    };

    public Option<string?> Tenant { get; } = new("--tenant")
    {
        Description = CliText.GlobalTenant,
        Recursive = true,
    };

    public IEnumerable<Option> All => [Json, Db, Provider, DataDir, Tenant];

    /// <summary>The global options of the command line <paramref name="parse"/> was parsed with.</summary>
    public static GlobalOptions Of(ParseResult parse) => ((LindungRootCommand)parse.RootCommandResult.Command).Global;

    /// <summary>Whether <c>--json</c> was given.</summary>
    public static bool WantsJson(ParseResult parse) => parse.GetValue(Of(parse).Json);
}

/// <summary>The <c>lindung</c> root command, carrying its <see cref="GlobalOptions"/>.</summary>
internal sealed class LindungRootCommand : RootCommand
{
    public LindungRootCommand(GlobalOptions global)
        : base(CliText.RootDescription)
    {
        Global = global;
        foreach (var option in global.All)
        {
            Options.Add(option);
        }
    }

    public GlobalOptions Global { get; }
}
