using System.CommandLine;
using Lindung.Core.MasterData;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Cli.Commands;

/// <summary>Tenants are created by whoever operates the installation, not by a tenant's administrator.</summary>
public static class TenantCommands
{
    public static Command Build(CliIo io)
    {
        var code = new Argument<string>("KODE") { Description = CliText.TenantAddCode };
        var name = new Option<string?>("--name") { Description = CliText.TenantAddName };
        var add = new Command("add", CliText.TenantAddDescription) { code, name };
        add.SetAction(async (parse, ct) =>
        {
            var tenantCode = parse.GetValue(code)!.Trim();
            if (!System.Text.RegularExpressions.Regex.IsMatch(tenantCode, @"^\d{2}\.\d{2}$"))
            {
                await io.Err.WriteLineAsync(CliText.TenantAddBadCode(tenantCode));
                return LindungCli.Usage;
            }

            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            await RegionLoader.EnsureLoadedAsync(host.Db, io.Progress(CliText.ProgressRegions), ct);
            try
            {
                var (tenant, created) = await MasterDataSeeder.EnsureTenantAsync(host.Db, tenantCode, parse.GetValue(name), ct);
                host.ActFor(tenant.Code);
                var seeded = await MasterDataSeeder.SeedAsync(host.Db, tenant.Code, null, ct);
                return await io.ResultAsync(parse,
                    new { tenant = tenant.Code, name = tenant.Name, created, seeded.AgenciesAdded, seeded.CategoriesAdded },
                    o => o.WriteLine(created
                        ? CliText.TenantAddCreated(tenant.Code, tenant.Name, seeded.AgenciesAdded, seeded.CategoriesAdded)
                        : CliText.TenantAddExists(tenant.Code, tenant.Name)));
            }
            catch (ArgumentException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliMessage.Verbatim(e.Message));
            }
        });

        var list = new Command("list", CliText.TenantListDescription);
        list.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var tenants = await host.Db.Tenants.AsNoTracking().OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync(ct);
            return await io.ResultAsync(parse, new { tenants },
                o => tenants.ForEach(t => o.WriteLine($"{t.Code}  {t.Name}")));
        });

        var tenant = new Command("tenant", CliText.TenantDescription);
        tenant.Subcommands.Add(add);
        tenant.Subcommands.Add(list);
        return tenant;
    }
}
