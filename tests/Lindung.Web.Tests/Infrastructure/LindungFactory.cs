using System.Net;
using System.Text.RegularExpressions;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tenancy;
using Lindung.Core.Tests.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lindung.Web.Tests.Infrastructure;

/// <summary>
/// The real web app over a real, freshly migrated database (SQLite file or PostgreSQL), seeded with OKU
/// Selatan master data and one user per role. Environment "Testing": no demo mode.
/// </summary>
public class LindungFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Kopi-Pagi-Muaradua-42";
    public const string Tenant = "16.09";

    public static readonly IReadOnlyDictionary<string, string> UserOf = new Dictionary<string, string>
    {
        [Roles.Administrator] = "admin.uji",
        [Roles.Koordinator] = "koordinator.uji",
        [Roles.OperatorOpd] = "operator.uji",
        [Roles.Keuangan] = "keuangan.uji",
        [Roles.Perencana] = "perencana.uji",
        [Roles.Pimpinan] = "pimpinan.uji",
        [Roles.Auditor] = "auditor.uji",
    };

    /// <summary>
    /// The authenticator key of every seeded test user whose role requires a second factor (Administrator,
    /// Koordinator, Auditor): enrolled at seeding, so <see cref="SignInAsync"/> and the browser sign-in can give a code.
    /// </summary>
    public const string TotpKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private TestDatabase? database;

    /// <summary>Overrides of Lindung settings for a derived factory (session options).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected virtual int SignInAttemptsPerMinute => 10_000;

    protected virtual int ApiRequestsPerMinute => 10_000;

    protected virtual int UploadsPerMinute => 10_000;

    /// <summary>Off here (test users sign in many times within one 30-second step); on in installations and in <see cref="StrictTotpLindungFactory"/>.</summary>
    protected virtual bool TotpReplayProtection => false;

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialised");

    public virtual async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Provider);
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(Tenant, "test-setup");
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        await MasterDataSeeder.SeedAsync(db, Tenant);
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var dlh = db.Agencies.Single(a => a.Code == "DLH").Id;
        var userManager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        foreach (var (role, user) in UserOf)
        {
            var created = await admin.CreateAsync(new NewUser(user, "Uji " + role, role, Tenant, role == Roles.OperatorOpd ? dlh : null,
                Password, MustChangePassword: false));
            if (Roles.RequireSecondFactor.Contains(role))
            {
                await EnrolTotpAsync(userManager, created.User, TotpKey);
            }
        }

        await SeedWorkersAsync(db, scope.ServiceProvider.GetRequiredService<NikProtector>());
    }

    /// <summary>Creates an account with <see cref="Password"/> and no second factor (an Operator OPD in DLH).</summary>
    public async Task CreateUserAsync(string userName, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(Tenant, "test-setup");
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var dlh = role == Roles.OperatorOpd ? db.Agencies.Single(a => a.Code == "DLH").Id : (Guid?)null;
        await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(userName, "Uji " + userName, role, Tenant, dlh, Password, MustChangePassword: false));
    }

    /// <summary>Enrols a known authenticator key, as if the user had confirmed it on /Akun/DuaFaktor.</summary>
    public static async Task EnrolTotpAsync(Microsoft.AspNetCore.Identity.UserManager<AppUser> users, AppUser user, string key)
    {
        // Identity's user store keeps the authenticator key as this login provider's token.
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    /// <summary>Two synthetic workers: one in DLH (the test operator's OPD), one in BPBD.</summary>
    private async Task SeedWorkersAsync(LindungDbContext db, NikProtector protector)
    {
        var nonAsn = db.WorkerCategories.Single(c => c.Code == "NONASN");
        foreach (var (nik, name, opd) in new[] { (DlhWorkerNik, "Siti Nurhayati", "DLH"), (BpbdWorkerNik, "Ahmad Fauzi", "BPBD") })
        {
            var person = new NewPerson(nik, name, new DateOnly(1985, 8, nik[6] >= '4' ? 7 : 12), nik[6] >= '4' ? 'P' : 'L',
                "Muaradua", DistrictCode: "16.09.01", VillageCode: "16.09.01.2002").ToPerson(protector);
            person.Engagements.Add(new Engagement
            {
                AgencyId = db.Agencies.Single(a => a.Code == opd).Id,
                CategoryId = nonAsn.Id,
                Scheme = Lindung.Core.MasterData.Scheme.PU,
                Wage = 2_000_000,
                FundingSource = "APBD",
                Programs = "JKK;JKM",
                StartDate = new DateOnly(2024, 1, 1),
            });
            db.People.Add(person);
        }

        await db.SaveChangesAsync();
    }

    public const string DlhWorkerNik = "1609014708850001";
    public const string BpbdWorkerNik = "1609011208850002";

    /// <summary>Adds verified BPU workers (declared income Rp1.000.000, JKK+JKM; synthetic NIKs 160901150385NNNN from <paramref name="firstSerial"/>).</summary>
    public async Task AddVerifiedBpuWorkersAsync(string opd, string category, int count, int firstSerial)
    {
        var protector = Services.GetRequiredService<NikProtector>();
        await using var db = Database.Context(Tenant);
        var agency = db.Agencies.Single(a => a.Code == opd);
        var cat = db.WorkerCategories.Single(c => c.Code == category);
        for (var i = 0; i < count; i++)
        {
            var nik = "160901150385" + (firstSerial + i).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var person = new NewPerson(nik, "Pekerja Rentan " + (firstSerial + i), new DateOnly(1985, 3, 15), 'L', "Muaradua").ToPerson(protector);
            person.Engagements.Add(new Engagement
            {
                AgencyId = agency.Id,
                CategoryId = cat.Id,
                Scheme = cat.Scheme,
                DeclaredIncome = 1_000_000,
                FundingSource = "APBD",
                Programs = "JKK;JKM",
                StartDate = new DateOnly(2024, 1, 1),
                Verification = VerificationStatus.Verified,
            });
            db.People.Add(person);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Adds one synthetic worker with one engagement (NONASN, PU, from 01/01/2024) in <paramref name="opd"/>. The NIK
    /// follows the seeded pattern 160901DD0885NNNN: DD 47 = a woman born 07/08/1985, DD 12 = a man born 12/08/1985.
    /// </summary>
    public async Task<(Guid PersonId, Guid EngagementId)> AddWorkerAsync(string nik, string name, string opd,
        VerificationStatus verification = VerificationStatus.Pending, RegistrationStatus registration = RegistrationStatus.NotRegistered)
    {
        var protector = Services.GetRequiredService<NikProtector>();
        await using var db = Database.Context(Tenant);
        var female = nik[6] >= '4';
        var person = new NewPerson(nik, name, new DateOnly(1985, 8, female ? 7 : 12), female ? 'P' : 'L', "Muaradua",
            DistrictCode: "16.09.01", VillageCode: "16.09.01.2002").ToPerson(protector);
        var engagement = new Engagement
        {
            AgencyId = db.Agencies.Single(a => a.Code == opd).Id,
            CategoryId = db.WorkerCategories.Single(c => c.Code == "NONASN").Id,
            Scheme = Lindung.Core.MasterData.Scheme.PU,
            Wage = 2_000_000,
            FundingSource = "APBD",
            Programs = "JKK;JKM",
            StartDate = new DateOnly(2024, 1, 1),
            Verification = verification,
            VerifiedBy = verification == VerificationStatus.Pending ? null : "koordinator.uji",
            VerifiedAt = verification == VerificationStatus.Pending ? null : new DateTime(2024, 2, 1, 3, 0, 0, DateTimeKind.Utc),
            Registration = registration,
        };
        person.Engagements.Add(engagement);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (person.Id, engagement.Id);
    }

    /// <summary>An agreement (PKS) covering non-ASN workers on APBD in 2024–2027, created once.</summary>
    public async Task<Guid> AnAgreementAsync()
    {
        await using var db = Database.Context(Tenant);
        if (await db.Agreements.Select(a => (Guid?)a.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var pks = new Lindung.Core.Agreements.Agreement
        {
            Number = "900/001/PKS/2024",
            SignedOn = new DateOnly(2024, 1, 2),
            Parties = "Bupati OKU Selatan; BPJS Ketenagakerjaan",
            Categories = "NONASN",
            Programs = "JKK;JKM",
            FundingSources = "APBD",
            ValidFrom = new DateOnly(2024, 1, 1),
            ValidTo = new DateOnly(2027, 12, 31),
        };
        db.Agreements.Add(pks);
        await db.SaveChangesAsync();
        return pks.Id;
    }

    /// <summary>A work accident of the DLH worker (the test operator's OPD), created once.</summary>
    public async Task<Guid> AnIncidentOfTheDlhWorkerAsync()
    {
        await using var db = Database.Context(Tenant);
        var person = PersonIdByName("Siti Nurhayati");
        if (await db.Incidents.Where(i => i.PersonId == person).Select(i => (Guid?)i.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        return await AddIncidentAsync(db, "Siti Nurhayati", Lindung.Core.Claims.IncidentKind.WorkAccident);
    }

    /// <summary>Records an incident (and its claim) for the first engagement of the named worker.</summary>
    public static async Task<Guid> AddIncidentAsync(LindungDbContext db, string fullName, Lindung.Core.Claims.IncidentKind kind)
    {
        var engagement = await db.Engagements.FirstAsync(e => e.Person!.FullName == fullName);
        var incident = new Lindung.Core.Claims.Incident
        {
            PersonId = engagement.PersonId,
            EngagementId = engagement.Id,
            AgencyId = engagement.AgencyId,
            Kind = kind,
            OccurredOn = new DateOnly(2025, 4, 7),
            Place = "TPA Muaradua",
            Description = "Terjatuh dari truk sampah",
            WorkRelated = true,
        };
        db.Incidents.Add(incident);
        db.Claims.Add(Lindung.Core.Claims.ClaimRules.NewClaim(incident));
        await db.SaveChangesAsync();
        return incident.Id;
    }

    public Guid PersonIdByName(string fullName)
    {
        using var db = Database.Context(Tenant);
        return db.People.Single(p => p.FullName == fullName).Id;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(TestLogCapture.Instance);
            logging.AddFilter<TestLogCapture>(null, LogLevel.Information);
        });
        builder.UseSetting("Lindung:Provider", Provider.ToString());
        builder.UseSetting("Lindung:DataDirectory", Database.Settings.DataDirectory);
        builder.UseSetting("ConnectionStrings:Lindung", Database.Settings.ConnectionString);
        builder.UseSetting("Lindung:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Lindung:ApiRequestsPerMinute", ApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Lindung:UploadsPerMinute", UploadsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Lindung:TotpReplayProtection", TotpReplayProtection ? "true" : "false");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private readonly Dictionary<string, HttpClient> signedIn = [];

    /// <summary>A client signed in as the role's test user, shared by the tests of one class (read-only use).</summary>
    public async Task<HttpClient> SignedInAsync(string role)
    {
        if (!signedIn.TryGetValue(role, out var client))
        {
            client = await SignInAsync(UserOf[role], Password);
            signedIn[role] = client;
        }

        return client;
    }

    /// <summary>Signs in with the password and, when the account asks for it, a code from <paramref name="totpKey"/>.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password, string totpKey = TotpKey)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/Akun/Masuk", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.StartsWith("/Akun/MasukKode", StringComparison.OrdinalIgnoreCase))
        {
            response = await PostFormAsync(client, "/Akun/MasukKode", new() { ["Code"] = Totp.Code(totpKey) });
        }

        if (response.StatusCode != HttpStatusCode.Redirect
            || response.Headers.Location!.OriginalString.StartsWith("/Akun/Masuk", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>GETs the form page for its anti-forgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields,
        string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Switches the signed-in client's pages to <paramref name="culture"/> ("id" or "en") as the language menu does.</summary>
    public static async Task ChooseLanguageAsync(HttpClient client, string culture)
    {
        var response = await PostFormAsync(client, "/Bahasa", new() { ["culture"] = culture, ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>
    /// Posts a search form (registry, audit trail) and follows its redirect: searches post because a NIK must not
    /// travel in a URL. Returns the final URL and page.
    /// </summary>
    public static async Task<(string Url, string Html)> SearchAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var response = await PostFormAsync(client, page, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        return (url, await client.GetStringAsync(url));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("No anti-forgery token on the page");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

public sealed class PostgresLindungFactory : LindungFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class StrictSignInLindungFactory : LindungFactory
{
    protected override int SignInAttemptsPerMinute => 3;
}

public sealed class StrictApiLindungFactory : LindungFactory
{
    protected override int ApiRequestsPerMinute => 3;
}

public sealed class StrictUploadLindungFactory : LindungFactory
{
    protected override int UploadsPerMinute => 2;
}

public sealed class StrictTotpLindungFactory : LindungFactory
{
    protected override bool TotpReplayProtection => true;
}
