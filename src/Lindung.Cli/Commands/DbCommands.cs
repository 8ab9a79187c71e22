using System.CommandLine;
using Lindung.Core.Data;

namespace Lindung.Cli.Commands;

public static class DbCommands
{
    public static Command Build(CliIo io)
    {
        var migrate = new Command("migrate", CliText.DbMigrateDescription);
        migrate.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create(parse);
            host.ActFor(null);
            var applied = await DatabaseBootstrap.MigrateAsync(host.Db, host.Settings, ct);
            return await io.ResultAsync(parse,
                new { provider = host.Settings.Provider.ToString().ToLowerInvariant(), applied },
                o => o.WriteLine(applied.Count == 0
                    ? CliText.DbMigrateUpToDate
                    : CliText.DbMigrateApplied(applied.Count, string.Join(", ", applied))));
        });

        var db = new Command("db", CliText.DbDescription);
        db.Subcommands.Add(migrate);
        return db;
    }
}
