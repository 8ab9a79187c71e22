using System.Net;
using System.Text.RegularExpressions;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Web.Setup;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lindung.Web.Tests.Pages;

/// <summary>
/// The test host for sessions: the security stamp is checked on every request (interval zero) so a changed stamp
/// ends other sessions at once, and the idle timeout is set to 5 minutes to prove it is configurable.
/// </summary>
public sealed class SessionLindungFactory : LindungFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Lindung:SecurityStampValidationMinutes"] = "0",
        ["Lindung:SessionIdleMinutes"] = "5",
    };
}

/// <summary>Second factor (TOTP), sessions and account locking (issue 7).</summary>
public partial class AccountSecurityTests(SessionLindungFactory factory) : IClassFixture<SessionLindungFactory>
{
    private static int counter;

    /// <summary>Creates a fresh account (no second factor) with the test password.</summary>
    private async Task<string> NewUserAsync(string role)
    {
        var name = $"baru{Interlocked.Increment(ref counter)}.{role.ToLowerInvariant()}";
        await factory.CreateUserAsync(name, role);
        return name;
    }

    /// <summary>Signs in with the password only (an account without a second factor).</summary>
    private async Task<HttpClient> PasswordOnlyAsync(string user)
    {
        var client = factory.Anonymous();
        var response = await LindungFactory.PostFormAsync(client, "/Akun/Masuk",
            new() { ["Input.UserName"] = user, ["Input.Password"] = LindungFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Enrols through the page: reads the key shown, confirms a code; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Akun/DuaFaktor");
        var key = KeyShown().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);
        Assert.Contains("otpauth://totp/", html, StringComparison.Ordinal);
        var response = await LindungFactory.PostFormAsync(client, "/Akun/DuaFaktor?handler=Verify", new() { ["Code"] = Totp.Code(key) },
            formPage: "/Akun/DuaFaktor");
        var page = await response.Content.ReadAsStringAsync();
        var codes = RecoveryList().Match(page).Groups[1].Value;
        var list = Regex.Matches(codes, "<li>([^<]+)</li>").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(10, list.Count);
        return (key, list);
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyShown();

    [GeneratedRegex("data-testid=\"recovery-codes\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex RecoveryList();

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Koordinator)]
    [InlineData(Roles.Auditor)]
    public async Task PrivilegedRoleWithoutSecondFactor_EveryPageRedirectsToEnrolment(string role)
    {
        var client = await PasswordOnlyAsync(await NewUserAsync(role));

        foreach (var page in new[] { "/", "/Pekerja", "/Iuran", "/Laporan", "/Dasbor/Rincian" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Akun/DuaFaktor", response.Headers.Location!.OriginalString);
        }

        var enrol = await client.GetStringAsync("/Akun/DuaFaktor");
        Assert.Contains("data-testid=\"twofactor-required\"", enrol, StringComparison.Ordinal);

        await EnrolAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task OperatorOpdWithoutSecondFactor_IsNotForced_AndMayTurnItOnAndOff()
    {
        var client = await PasswordOnlyAsync(await NewUserAsync(Roles.OperatorOpd));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await EnrolAsync(client);
        var off = await LindungFactory.PostFormAsync(client, "/Akun/DuaFaktor?handler=Disable", [], formPage: "/Akun/DuaFaktor");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("twofactor-status", await client.GetStringAsync("/Akun/DuaFaktor"), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SecondFactorDisabled));
    }

    [Fact]
    public async Task PrivilegedRole_CannotTurnTheSecondFactorOff()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Akun/DuaFaktor?handler=Disable", [], formPage: "/Akun/DuaFaktor");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True((await db.Users.SingleAsync(u => u.UserName == LindungFactory.UserOf[Roles.Koordinator])).TwoFactorEnabled);
    }

    [Fact]
    public async Task SignIn_AfterEnrolment_AsksForTheCode_RefusesAWrongOne_AcceptsTheRightOne()
    {
        var user = await NewUserAsync(Roles.Auditor);
        var (key, _) = await EnrolAsync(await PasswordOnlyAsync(user));

        var client = factory.Anonymous();
        var first = await LindungFactory.PostFormAsync(client, "/Akun/Masuk",
            new() { ["Input.UserName"] = user, ["Input.Password"] = LindungFactory.Password });
        Assert.StartsWith("/Akun/MasukKode", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Not signed in yet: the password alone opens nothing.
        Assert.StartsWith("/Akun/Masuk", (await client.GetAsync("/")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var right = Totp.Code(key);
        var wrong = ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await LindungFactory.PostFormAsync(client, "/Akun/MasukKode", new() { ["Code"] = wrong });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("signin-error", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/Akun/Masuk", (await client.GetAsync("/")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var accepted = await LindungFactory.PostFormAsync(client, "/Akun/MasukKode", new() { ["Code"] = right });
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var userId = (await db.Users.SingleAsync(u => u.UserName == user)).Id.ToString();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SecondFactorEnabled && e.EntityId == userId));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SecondFactorFailed && e.EntityId == userId));
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        var user = await NewUserAsync(Roles.Administrator);
        var (_, codes) = await EnrolAsync(await PasswordOnlyAsync(user));

        async Task<HttpResponseMessage> WithRecoveryAsync(string code)
        {
            var client = factory.Anonymous();
            await LindungFactory.PostFormAsync(client, "/Akun/Masuk", new() { ["Input.UserName"] = user, ["Input.Password"] = LindungFactory.Password });
            return await LindungFactory.PostFormAsync(client, "/Akun/MasukKode", new() { ["Code"] = code });
        }

        var once = await WithRecoveryAsync(codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        Assert.Equal("/", once.Headers.Location!.OriginalString);

        var twice = await WithRecoveryAsync(codes[0]);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("signin-error", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var userId = (await db.Users.SingleAsync(u => u.UserName == user)).Id.ToString();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.RecoveryCodeUsed && e.EntityId == userId));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheAccountsOtherSessions()
    {
        var user = await NewUserAsync(Roles.Keuangan);
        var phone = await PasswordOnlyAsync(user);
        var laptop = await PasswordOnlyAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);

        var response = await LindungFactory.PostFormAsync(laptop, "/Akun/Keluar?handler=Everywhere", [], formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await phone.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Akun/Masuk", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SignedOutEverywhere && e.Detail == user));
    }

    [Fact]
    public async Task AdministratorLocksAnAccount_ItsSessionEndsAndItCannotSignIn_UntilUnlocked()
    {
        var user = await NewUserAsync(Roles.Perencana);
        var victim = await PasswordOnlyAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/")).StatusCode);
        var admin = await factory.SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);
        Guid id;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            id = (await db.Users.SingleAsync(u => u.UserName == user)).Id;
        }

        var locked = await LindungFactory.PostFormAsync(admin, $"/Admin/Pengguna?handler=Lock&id={id}", [], formPage: "/Admin/Pengguna");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var after = await victim.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Akun/Masuk", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var again = factory.Anonymous();
        var refused = await LindungFactory.PostFormAsync(again, "/Akun/Masuk", new() { ["Input.UserName"] = user, ["Input.Password"] = LindungFactory.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var unlocked = await LindungFactory.PostFormAsync(admin, $"/Admin/Pengguna?handler=Unlock&id={id}", [], formPage: "/Admin/Pengguna");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await PasswordOnlyAsync(user)).GetAsync("/")).StatusCode);

        await using var check = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.UserLocked && e.EntityId == id.ToString()));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.UserUnlocked && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task AdministratorResetsALostSecondFactor_SessionsEnd_OldKeyGone_TemporaryPasswordWithoutACode()
    {
        var user = await NewUserAsync(Roles.Koordinator);
        var phone = await PasswordOnlyAsync(user);
        var (oldKey, _) = await EnrolAsync(phone);
        Guid id;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            id = (await db.Users.SingleAsync(u => u.UserName == user)).Id;
        }

        var admin = await factory.SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);
        Assert.Contains($"data-testid=\"reset2fa-{user}\"", await admin.GetStringAsync("/Admin/Pengguna"), StringComparison.Ordinal);
        var reset = await LindungFactory.PostFormAsync(admin, $"/Admin/Pengguna?handler=ResetSecondFactor&id={id}", [], formPage: "/Admin/Pengguna");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var message = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Pengguna"));
        var temporary = Regex.Match(message, "Kata sandi sementara: (\\S+) ").Groups[1].Value;
        Assert.NotEmpty(temporary);

        // The session on the lost phone ends; the old password no longer opens the account.
        Assert.StartsWith("/Akun/Masuk", (await phone.GetAsync("/")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var old = await LindungFactory.PostFormAsync(factory.Anonymous(), "/Akun/Masuk",
            new() { ["Input.UserName"] = user, ["Input.Password"] = LindungFactory.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);

        // The temporary password signs in without asking a code; the user must change it and enrol again.
        var fresh = factory.Anonymous();
        var signedIn = await LindungFactory.PostFormAsync(fresh, "/Akun/Masuk", new() { ["Input.UserName"] = user, ["Input.Password"] = temporary });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("MasukKode", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var check = factory.Database.Context(LindungFactory.Tenant);
        var after = await check.Users.SingleAsync(u => u.Id == id);
        Assert.False(after.TwoFactorEnabled);
        Assert.True(after.MustChangePassword);
        var newKey = await check.UserTokens.Where(t => t.UserId == id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync();
        Assert.NotEqual(oldKey, newKey);
        Assert.False(await check.UserTokens.AnyAsync(t => t.UserId == id && t.Name == "RecoveryCodes"));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.SecondFactorReset && e.EntityId == id.ToString()
            && e.UserName == LindungFactory.UserOf[Roles.Administrator]));
    }

    [Fact]
    public async Task LockButton_OnlyForTheAdministrator()
    {
        var koordinator = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var response = await koordinator.PostAsync($"/Admin/Pengguna?handler=Lock&id={Guid.NewGuid()}", new FormUrlEncodedContent([]));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public void SessionOptions_FollowTheSettings()
    {
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(5), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(TimeSpan.Zero, factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
        // Defaults when nothing is configured: 30 minutes idle, stamp checked every minute.
        Assert.Equal(30, new LindungOptions().SessionIdleMinutes);
        Assert.Equal(1, new LindungOptions().SecurityStampValidationMinutes);
    }
}

public class TotpReplayTests(StrictTotpLindungFactory factory) : IClassFixture<StrictTotpLindungFactory>
{
    private async Task<HttpClient> PasswordStepAsync(string user)
    {
        var client = factory.Anonymous();
        var response = await LindungFactory.PostFormAsync(client, "/Akun/Masuk",
            new() { ["Input.UserName"] = user, ["Input.Password"] = LindungFactory.Password });
        Assert.StartsWith("/Akun/MasukKode", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    [Fact]
    public async Task ACode_WorksOnce_ALaterCodeStillWorks()
    {
        var user = LindungFactory.UserOf[Roles.Auditor];
        var code = Totp.Code(LindungFactory.TotpKey);

        var first = await LindungFactory.PostFormAsync(await PasswordStepAsync(user), "/Akun/MasukKode", new() { ["Code"] = code });
        Assert.Equal("/", first.Headers.Location!.OriginalString);

        // The same code again (seen over a shoulder, or a replayed request): refused.
        var second = await PasswordStepAsync(user);
        var replay = await LindungFactory.PostFormAsync(second, "/Akun/MasukKode", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("signin-error", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The app's next code works.
        var next = await LindungFactory.PostFormAsync(second, "/Akun/MasukKode",
            new() { ["Code"] = Totp.Code(LindungFactory.TotpKey, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal("/", next.Headers.Location!.OriginalString);

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var id = (await db.Users.SingleAsync(u => u.UserName == user)).Id.ToString();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SecondFactorFailed && e.EntityId == id));
    }
}
