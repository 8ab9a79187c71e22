using System.Text;
using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Identity;

public sealed record DemoAccount(string UserName, string Role, string Password, string? Agency);

/// <summary>
/// One demo account per role, for demo mode only (Development, or <c>lindung seed --demo</c>). Passwords
/// are random per installation and kept in <c>data/demo-akun.txt</c> so the console can print them again.
/// </summary>
public static class DemoAccounts
{
    public const string FileName = "demo-akun.txt";

    private static readonly (string User, string Role, string Name, string? Agency)[] Plan =
    [
        ("admin", Roles.Administrator, "Admin Disnakertrans (demo)", null),
        ("koordinator", Roles.Koordinator, "Koordinator Disnakertrans (demo)", null),
        ("operator.dlh", Roles.OperatorOpd, "Operator DLH (demo)", "DLH"),
        ("keuangan", Roles.Keuangan, "Staf BPKAD (demo)", null),
        ("perencana", Roles.Perencana, "Staf Bapperida (demo)", null),
        ("pimpinan", Roles.Pimpinan, "Sekda (demo)", null),
        ("auditor", Roles.Auditor, "Auditor Inspektorat (demo)", null),
    ];

    public static async Task<IReadOnlyList<DemoAccount>> EnsureAsync(LindungDbContext db, UserAdministration admin,
        string tenantCode, string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, FileName);
        var known = File.Exists(file)
            ? (await File.ReadAllLinesAsync(file)).Select(l => l.Split('\t')).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        var accounts = new List<DemoAccount>();
        foreach (var (user, role, name, agencyCode) in Plan)
        {
            var exists = await db.Users.AnyAsync(u => u.UserName == user);
            string password;
            if (exists)
            {
                password = known.GetValueOrDefault(user, "(lihat lindung user reset)");
            }
            else
            {
                var agencyId = agencyCode is null
                    ? (Guid?)null
                    : await db.Agencies.Where(a => a.Code == agencyCode).Select(a => (Guid?)a.Id).SingleAsync();
                var created = await admin.CreateAsync(new NewUser(user, name, role, tenantCode, agencyId, null, false));
                password = created.Password;
                known[user] = password;
            }

            accounts.Add(new DemoAccount(user, role, password, agencyCode));
        }

        Directory.CreateDirectory(dataDirectory);
        var sb = new StringBuilder();
        foreach (var (user, password) in known.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            sb.Append(user).Append('\t').Append(password).Append('\n');
        }

        await File.WriteAllTextAsync(file, sb.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return accounts;
    }
}
