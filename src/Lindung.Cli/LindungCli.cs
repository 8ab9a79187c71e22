using System.CommandLine;
using System.Globalization;
using Lindung.Cli.Commands;

namespace Lindung.Cli;

/// <summary>
/// The <c>lindung</c> command. Exit codes: 0 the command did its work (an import with rejected rows
/// included); 1 the input as a whole is unusable; 2 a usage error. With <c>--json</c>, stdout holds exactly
/// one JSON object; progress and messages go to stderr.
/// </summary>
public static class LindungCli
{
    public const int Ok = 0;
    public const int Unusable = 1;
    public const int Usage = 2;

    /// <summary>Runs in Bahasa Indonesia, whatever the culture of the machine or the caller.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunInLanguageAsync(args, stdout, stderr, CliText.Indonesian);

    /// <summary>
    /// Runs with its texts in <paramref name="culture"/>'s language (Indonesian unless English). The culture is set for
    /// this run only: it flows with the async context, so the caller's is unchanged afterwards. <c>--json</c> output does
    /// not depend on it.
    /// </summary>
    public static async Task<int> RunInLanguageAsync(string[] args, TextWriter stdout, TextWriter stderr, CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var root = BuildRoot(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            await stderr.WriteLineAsync(CliText.SeeHelp);
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new LindungRootCommand(new GlobalOptions());
        var io = new CliIo(stdout, stderr);
        root.Subcommands.Add(DbCommands.Build(io));
        root.Subcommands.Add(TenantCommands.Build(io));
        root.Subcommands.Add(UserCommands.Build(io));
        root.Subcommands.Add(SeedCommand.Build(io));
        root.Subcommands.Add(ImportCommand.Build(io));
        root.Subcommands.Add(IuranCommand.Build(io));
        root.Subcommands.Add(BudgetCommand.Build(io));
        root.Subcommands.Add(BpjsCommand.Build(io));
        root.Subcommands.Add(CoverageCommand.Build(io));
        root.Subcommands.Add(BillCommand.Build(io));
        root.Subcommands.Add(ProyekCommand.Build(io));
        root.Subcommands.Add(RetensiCommand.Build(io));
        foreach (var command in BackupCommands.Build(io))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
