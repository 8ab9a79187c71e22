using System.CommandLine;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Cli.Commands;

public static class UserCommands
{
    public static Command Build(CliIo io)
    {
        var userName = new Option<string>("--username") { Description = "Nama pengguna (huruf kecil)", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "Administrator | Koordinator | OperatorOpd | Keuangan | Perencana | Pimpinan | Auditor",
            Required = true,
        };
        var displayName = new Option<string?>("--name") { Description = "Nama lengkap" };
        var opd = new Option<string?>("--opd") { Description = "Kode OPD (wajib untuk Operator OPD), mis. DLH" };
        var passwordFile = new Option<FileInfo?>("--password-file")
        {
            Description = "Baca kata sandi dari berkas; tanpa ini dibuat kata sandi sementara yang wajib diganti",
        };

        var add = new Command("add", "Tambah pengguna") { userName, role, displayName, opd, passwordFile };
        add.SetAction(async (parse, ct) =>
        {
            if (Roles.Parse(parse.GetValue(role)!) is not { } roleName)
            {
                await io.Err.WriteLineAsync($"Peran tidak dikenal: {parse.GetValue(role)}. Pilihan: {string.Join(", ", Roles.All)}");
                return LindungCli.Usage;
            }

            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var (tenant, error) = await host.ResolveTenantAsync(parse, ct);
            if (tenant is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, error!);
            }

            host.ActFor(tenant);
            Guid? agencyId = null;
            if (parse.GetValue(opd) is { Length: > 0 } opdCode)
            {
                agencyId = await host.Db.Agencies.Where(a => a.Code == opdCode).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
                if (agencyId is null)
                {
                    return await io.FailAsync(parse, LindungCli.Unusable, $"OPD {opdCode} tidak ada di tenant {tenant}.");
                }
            }

            string? password = null;
            if (parse.GetValue(passwordFile) is { } file)
            {
                if (!file.Exists)
                {
                    return await io.FailAsync(parse, LindungCli.Unusable, $"Berkas kata sandi {file.FullName} tidak ada.");
                }

                password = (await File.ReadAllTextAsync(file.FullName, ct)).TrimEnd('\r', '\n');
            }

            try
            {
                var admin = host.Services.GetRequiredService<UserAdministration>();
                var created = await admin.CreateAsync(new NewUser(parse.GetValue(userName)!, parse.GetValue(displayName) ?? parse.GetValue(userName)!,
                    roleName, tenant, agencyId, password, MustChangePassword: password is null));
                var temporary = password is null ? created.Password : null;
                return await io.ResultAsync(parse,
                    new { username = created.User.UserName, role = roleName, tenant, temporaryPassword = temporary },
                    o => o.WriteLine(temporary is null
                        ? $"Pengguna {created.User.UserName} ({roleName}) dibuat di tenant {tenant}."
                        : $"Pengguna {created.User.UserName} ({roleName}) dibuat di tenant {tenant}. Kata sandi sementara: {temporary} (wajib diganti saat pertama masuk)."));
            }
            catch (UserAdministrationException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, e.Message);
            }
        });

        var resetUser = new Option<string>("--username") { Description = "Nama pengguna", Required = true };
        var reset = new Command("reset", "Buat kata sandi sementara (pengguna wajib menggantinya)") { resetUser };
        reset.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var users = host.Services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(parse.GetValue(resetUser)!.Trim().ToLowerInvariant());
            if (user is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, $"Pengguna {parse.GetValue(resetUser)} tidak ada.");
            }

            host.ActFor(user.TenantCode);
            var password = await host.Services.GetRequiredService<UserAdministration>().ResetPasswordAsync(user);
            return await io.ResultAsync(parse, new { username = user.UserName, temporaryPassword = password },
                o => o.WriteLine($"Kata sandi sementara untuk {user.UserName}: {password} (wajib diganti saat masuk)."));
        });

        var user = new Command("user", "Pengguna");
        user.Subcommands.Add(add);
        user.Subcommands.Add(reset);
        return user;
    }
}
