using System.CommandLine;
using Lindung.Core.Demo;
using Lindung.Core.Identity;
using Lindung.Core.MasterData;
using Lindung.Core.Registry.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung seed</c>: master data only (tenant, regions, OPDs, categories), idempotent.
/// <c>--demo</c> adds one demo account per role.
/// </summary>
public static class SeedCommand
{
    public static Command Build(CliIo io)
    {
        var demo = new Option<bool>("--demo") { Description = CliText.SeedDemo };
        var workers = new Option<int?>("--workers") { Description = CliText.SeedWorkers };
        var randomSeed = new Option<int?>("--random-seed") { Description = CliText.SeedRandomSeed };
        var seed = new Command("seed", CliText.SeedDescription) { demo, workers, randomSeed };
        seed.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var tenant = parse.GetValue(GlobalOptions.Of(parse).Tenant) ?? host.ConfiguredTenant ?? MasterDataSeeder.OkuSelatan;
            host.ActFor(tenant);
            SeedResult result;
            try
            {
                result = await MasterDataSeeder.SeedAsync(host.Db, tenant, io.Progress(CliText.ProgressRegions), ct);
            }
            catch (ArgumentException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliMessage.Verbatim(e.Message));
            }

            IReadOnlyList<DemoAccount> accounts = [];
            DemoSeedResult? registry = null;
            DemoBpjsHistoryResult? history = null;
            if (parse.GetValue(demo))
            {
                var admin = host.Services.GetRequiredService<UserAdministration>();
                accounts = await DemoAccounts.EnsureAsync(host.Db, admin, tenant, host.Settings.FullDataDirectory);
                registry = await DemoSeeder.SeedAsync(host.Db, host.Services.GetRequiredService<NikProtector>(),
                    new DemoOptions(parse.GetValue(workers), parse.GetValue(randomSeed) ?? DemoRegistryGenerator.DefaultSeed),
                    io.Progress(CliText.ProgressDemoData), ct);
                history = await DemoBpjsHistory.SeedAsync(host.Db, DateOnly.FromDateTime(host.Db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime), ct);
            }

            return await io.ResultAsync(parse,
                new
                {
                    tenant,
                    regions = result.Regions,
                    tenantCreated = result.TenantCreated,
                    agenciesAdded = result.AgenciesAdded,
                    categoriesAdded = result.CategoriesAdded,
                    demoAccounts = accounts.Select(a => new { username = a.UserName, role = a.Role, password = a.Password }),
                    demoWorkers = registry?.People ?? 0,
                    demoBpjsRows = history?.Rows ?? 0,
                },
                o =>
                {
                    o.WriteLine(result.ChangedAnything
                        ? CliText.SeedAdded(tenant, result.Regions, result.AgenciesAdded, result.CategoriesAdded)
                        : CliText.SeedComplete(tenant));
                    if (registry is { AlreadyPresent: false })
                    {
                        o.WriteLine(CliText.SeedDemoRegistry(registry.People));
                    }

                    if (history is { AlreadyPresent: false })
                    {
                        o.WriteLine(CliText.SeedDemoBpjsHistory(history.Months, history.Rows));
                    }

                    foreach (var a in accounts)
                    {
                        o.WriteLine($"  {a.Role,-14} {a.UserName,-14} {a.Password}");
                    }
                });
        });
        return seed;
    }
}
