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
        var userName = new Option<string>("--username") { Description = CliText.UserAddUserName, Required = true };
        var role = new Option<string>("--role")
        {
            Description = string.Join(" | ", Roles.All),
            Required = true,
        };
        var displayName = new Option<string?>("--name") { Description = CliText.UserAddName };
        var opd = new Option<string?>("--opd") { Description = CliText.UserAddOpd };
        var passwordFile = new Option<FileInfo?>("--password-file")
        {
            Description = CliText.UserAddPasswordFile,
        };

        var add = new Command("add", CliText.UserAddDescription) { userName, role, displayName, opd, passwordFile };
        add.SetAction(async (parse, ct) =>
        {
            if (Roles.Parse(parse.GetValue(role)!) is not { } roleName)
            {
                await io.Err.WriteLineAsync(CliText.UserAddUnknownRole(parse.GetValue(role), string.Join(", ", Roles.All)));
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
                    return await io.FailAsync(parse, LindungCli.Unusable, CliText.OpdMissing(opdCode, tenant));
                }
            }

            string? password = null;
            if (parse.GetValue(passwordFile) is { } file)
            {
                if (!file.Exists)
                {
                    return await io.FailAsync(parse, LindungCli.Unusable, CliText.UserAddPasswordFileMissing(file.FullName));
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
                        ? CliText.UserAddCreated(created.User.UserName, roleName, tenant)
                        : CliText.UserAddCreatedTemporary(created.User.UserName, roleName, tenant, temporary)));
            }
            catch (UserAdministrationException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliMessage.From(e.Text));
            }
        });

        var resetUser = new Option<string>("--username") { Description = CliText.UserResetUserName, Required = true };
        var reset = new Command("reset", CliText.UserResetDescription) { resetUser };
        reset.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var users = host.Services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(parse.GetValue(resetUser)!.Trim().ToLowerInvariant());
            if (user is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliText.UserResetMissing(parse.GetValue(resetUser)));
            }

            host.ActFor(user.TenantCode);
            var password = await host.Services.GetRequiredService<UserAdministration>().ResetPasswordAsync(user);
            return await io.ResultAsync(parse, new { username = user.UserName, temporaryPassword = password },
                o => o.WriteLine(CliText.UserResetDone(user.UserName, password)));
        });

        var user = new Command("user", CliText.UserDescription);
        user.Subcommands.Add(add);
        user.Subcommands.Add(reset);
        return user;
    }
}
