using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Core.Api;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Api;

/// <summary>The HTTP API over a real database: tokens and scopes, OPD confinement, masking, submission, audit.</summary>
public abstract class ApiTestSupport<TFactory>(TFactory factory) where TFactory : LindungFactory
{
    protected TFactory Factory => factory;

    /// <summary>Registers a client directly in the database and returns its token.</summary>
    protected async Task<(string Token, Guid Id)> ClientAsync(string name, string? opd = null, bool write = false, bool reveal = false)
    {
        var token = ApiTokens.NewToken();
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var client = new ApiClient
        {
            Name = name,
            AgencyId = opd is null ? null : db.Agencies.Single(a => a.Code == opd).Id,
            MayWrite = write,
            MayRevealNik = reveal,
            TokenHash = ApiTokens.Hash(token),
            TokenPrefix = ApiTokens.Visible(token),
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        return (token, client.Id);
    }

    protected HttpClient Api(string? token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A synthetic worker; the defaults fit NIKs 160901DD0885NNNN with DD 47 (a woman born 07/08/1985).</summary>
    protected static object Worker(string nik, string name, string birthDate = "1985-08-07", string sex = "P") => new
    {
        nik,
        name,
        birthPlace = "Muaradua",
        birthDate,
        sex,
        address = "Jl. Uji 1",
        villageCode = "16.09.01.2002",
        wage = 2_000_000,
        position = "Petugas kebersihan",
        startDate = "2025-01-01",
    };
}

/// <summary>The scope, confinement, masking and submission cases, run on SQLite and on PostgreSQL.</summary>
public abstract class ApiTestsBase<TFactory>(TFactory factory) : ApiTestSupport<TFactory>(factory) where TFactory : LindungFactory
{
    [Fact]
    public async Task JsonSubmission_GoodAndBadWorker_ReportsBoth_GoodOneIsPendingAndInTheVerificationQueue_ResubmissionIsUnchanged()
    {
        var (token, clientId) = await ClientAsync("Sistem Kepegawaian " + typeof(TFactory).Name, write: true);
        var body = new
        {
            opd = "DLH",
            category = "NONASN",
            workers = new[] { Worker("1609014708850311", "Rina Marlina Api"), Worker("12345", "Nik Salah Api") },
        };

        var response = await Api(token).PostAsJsonAsync("/api/v1/workers", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());
        Assert.Equal(0, report.GetProperty("unchanged").GetInt32());
        foreach (var field in new[] { "warnings", "duplicatesInFile", "duplicatesInRegistry", "conflicts", "errors", "warningCodes" })
        {
            Assert.True(report.TryGetProperty(field, out _), field);
        }

        var problem = report.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("rejected").GetBoolean());
        Assert.Equal(1, problem.GetProperty("index").GetInt32());
        Assert.Contains("NIK", problem.GetProperty("issues")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(report.GetProperty("errors").EnumerateObject().Any());

        await using (var db = Factory.Database.Context(LindungFactory.Tenant))
        {
            var engagement = await db.Engagements.Include(e => e.Person).SingleAsync(e => e.Person!.FullName == "RINA MARLINA API" || e.Person!.FullName == "Rina Marlina Api");
            Assert.Equal(VerificationStatus.Pending, engagement.Verification);
            Assert.False(await db.People.AnyAsync(p => p.FullName.Contains("Salah Api")));
            var calls = await db.AuditEvents.Where(e => e.Action == AuditActions.ApiCall && e.EntityId == clientId.ToString()).ToListAsync();
            Assert.Contains(calls, c => c.Detail!.Contains("POST /api/v1/workers", StringComparison.Ordinal) && c.Detail.Contains("count=2", StringComparison.Ordinal));
            Assert.DoesNotContain(calls, c => c.Detail!.Contains("1609014708850311", StringComparison.Ordinal));
        }

        var queue = await (await Factory.SignedInAsync(Roles.Koordinator)).GetStringAsync("/Pengajuan/Verifikasi");
        Assert.Contains("Rina Marlina Api", queue, StringComparison.OrdinalIgnoreCase);

        var again = await (await Api(token).PostAsJsonAsync("/api/v1/workers", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task OpdToken_CannotReadAnotherOpdsWorker_NorSubmitForAnotherOpd_AndListsOnlyItsOwn()
    {
        var (token, _) = await ClientAsync("Sistem DLH", opd: "DLH", write: true);
        var api = Api(token);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/workers/{Factory.PersonIdByName("Ahmad Fauzi")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/workers/{Factory.PersonIdByName("Siti Nurhayati")}")).StatusCode);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/workers?pageSize=500");
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("DLH", i.GetProperty("opd").GetString()));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Ahmad Fauzi");

        var other = await api.PostAsJsonAsync("/api/v1/workers",
            new { opd = "BPBD", category = "NONASN", workers = new[] { Worker("1609011208850321", "Bukan Punya DLH", "1985-08-12", "L") } });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("OPD-nya sendiri", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.People.AnyAsync(p => p.FullName.Contains("Punya DLH")));
    }

    [Fact]
    public async Task Nik_IsMasked_UnlessTheClientMayReveal_AndTheRevealIsAudited()
    {
        var siti = Factory.PersonIdByName("Siti Nurhayati");
        var (plain, _) = await ClientAsync("Sistem Desa");
        var (revealer, _) = await ClientAsync("Sistem Provinsi", reveal: true);

        var masked = await Api(plain).GetFromJsonAsync<JsonElement>($"/api/v1/workers/{siti}");
        Assert.Equal("1609••••••••0001", masked.GetProperty("nik").GetString());
        var list = await Api(plain).GetStringAsync("/api/v1/workers");
        Assert.DoesNotContain(LindungFactory.DlhWorkerNik, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api(plain).GetAsync($"/api/v1/workers/{siti}?revealNik=true")).StatusCode);

        var revealed = await Api(revealer).GetFromJsonAsync<JsonElement>($"/api/v1/workers/{siti}?revealNik=true");

        Assert.Equal(LindungFactory.DlhWorkerNik, revealed.GetProperty("nik").GetString());
        await using var db = Factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.NikRevealed && e.EntityId == siti.ToString()
            && e.UserName == "api:Sistem Provinsi"));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Detail != null && e.Detail.Contains(LindungFactory.DlhWorkerNik)));
    }

    [Fact]
    public async Task WorkerList_FiltersByOpdStatusAndUpdatedSince_AndRefusesBadPaging()
    {
        var (token, _) = await ClientAsync("Sistem Provinsi filter");
        var api = Api(token);
        await Factory.AddWorkerAsync("1609014708850341", "Terverifikasi Filter", "BPBD", VerificationStatus.Verified);

        var verified = await api.GetFromJsonAsync<JsonElement>("/api/v1/workers?opd=BPBD&status=verified");
        var future = await api.GetFromJsonAsync<JsonElement>("/api/v1/workers?updatedSince=2099-01-01T00:00:00Z");

        Assert.Contains(verified.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Terverifikasi Filter");
        Assert.All(verified.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("BPBD", i.GetProperty("opd").GetString());
            Assert.Equal("verified", i.GetProperty("status").GetString());
        });
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/workers?pageSize=501")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/workers?status=nope")).StatusCode);
    }

    [Fact]
    public async Task Coverage_HasTheCliShape_AndIsForRegencyWideClientsOnly()
    {
        var (token, _) = await ClientAsync("Sistem Bappeda");
        var (opdToken, _) = await ClientAsync("Sistem DLH baca", opd: "DLH");

        var coverage = await Api(token).GetFromJsonAsync<JsonElement>("/api/v1/coverage?by=opd");

        foreach (var field in new[] { "period", "eligible", "active", "coveragePercent", "activeSource", "frozen", "groups" })
        {
            Assert.True(coverage.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api(token).GetAsync("/api/v1/snapshots")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api(token).GetAsync("/api/v1/coverage?by=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api(opdToken).GetAsync("/api/v1/coverage")).StatusCode);
    }
}

public class ApiTests(LindungFactory factory) : ApiTestsBase<LindungFactory>(factory), IClassFixture<LindungFactory>
{
    [Fact]
    public async Task NoToken_UnknownToken_OrABrowserSession_Get401WithAJsonProblem()
    {
        var none = await Api(null).GetAsync("/api/v1/workers");
        var unknown = await Api(ApiTokens.NewToken()).GetAsync("/api/v1/workers");
        var browser = await (await Factory.SignedInAsync(Roles.Administrator)).GetAsync("/api/v1/workers");

        foreach (var response in new[] { none, unknown, browser })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Token API tidak ada", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Each refusal is in the audit trail with its reason, never with the token.
        await using var db = Factory.Database.Context(LindungFactory.Tenant);
        var refused = await db.AuditEvents.Where(e => e.Action == AuditActions.ApiRefused).Select(e => e.Detail!).ToListAsync();
        Assert.Contains(refused, d => d.StartsWith("401 GET /api/v1/workers: tanpa token", StringComparison.Ordinal));
        Assert.Contains(refused, d => d.StartsWith("401 GET /api/v1/workers: token tidak dikenal", StringComparison.Ordinal));
        Assert.DoesNotContain(refused, d => d.Contains(ApiTokens.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadToken_CannotSubmit_403_AndNothingIsWritten()
    {
        var (token, _) = await ClientAsync("Hanya Baca");

        var response = await Api(token).PostAsJsonAsync("/api/v1/workers",
            new { opd = "DLH", category = "NONASN", workers = new[] { Worker("1609014708850331", "Tidak Boleh Masuk") } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("tidak mempunyai izin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Factory.Database.Context(LindungFactory.Tenant);
        var client = await db.ApiClients.SingleAsync(c => c.Name == "Hanya Baca");
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ApiRefused && e.EntityId == client.Id.ToString()
            && e.Detail!.StartsWith("403 POST /api/v1/workers")));
        Assert.False(await db.People.AnyAsync(p => p.FullName.Contains("Boleh Masuk")));
    }

    [Fact]
    public async Task MalformedJson_Gets400WithAnIndonesianProblem()
    {
        var (token, _) = await ClientAsync("Kirim Rusak", write: true);

        var response = await Api(token).PostAsync("/api/v1/workers",
            new StringContent("{\"opd\": \"DLH\", \"workers\": [", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("bukan JSON yang sah", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiToken_DoesNotOpenPages()
    {
        var (token, _) = await ClientAsync("Bukan Peramban", write: true, reveal: true);

        var response = await Api(token).GetAsync("/Pekerja");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_RegistersAClient_SeesTheTokenOnce_ItWorks_ThenRevokesIt_401()
    {
        var admin = await Factory.SignedInAsync(Roles.Administrator);

        var created = await LindungFactory.PostFormAsync(admin, "/Admin/Api?handler=Create",
            new() { ["Input.Name"] = "Sistem Kepegawaian Uji", ["Input.MayWrite"] = "true" }, formPage: "/Admin/Api");

        var html = await created.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "lnd_[A-Za-z0-9_-]{40,}").Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain(token, await admin.GetStringAsync("/Admin/Api"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Api(token).GetAsync("/api/v1/workers")).StatusCode);
        Guid id;
        await using (var db = Factory.Database.Context(LindungFactory.Tenant))
        {
            var client = await db.ApiClients.SingleAsync(c => c.Name == "Sistem Kepegawaian Uji");
            Assert.Equal(ApiTokens.Hash(token), client.TokenHash);
            Assert.True(client.MayWrite);
            Assert.NotNull(client.LastUsedAt);
            Assert.False(await db.AuditEvents.AnyAsync(e => (e.After != null && e.After.Contains(token)) || (e.Detail != null && e.Detail.Contains(token))));
            id = client.Id;
        }

        var revoked = await LindungFactory.PostFormAsync(admin, $"/Admin/Api?handler=Revoke&id={id}", [], formPage: "/Admin/Api");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(token).GetAsync("/api/v1/workers")).StatusCode);
    }

    [Fact]
    public async Task ReferencePage_ListsTheOperations()
    {
        var html = await (await Factory.SignedInAsync(Roles.Administrator)).GetStringAsync("/Admin/Api/Referensi");

        Assert.Contains("/api/v1/workers/{id}", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/coverage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}

public class PostgresApiTests(PostgresLindungFactory factory) : ApiTestsBase<PostgresLindungFactory>(factory), IClassFixture<PostgresLindungFactory>;

public class ApiRateLimitTests(StrictApiLindungFactory factory) : ApiTestSupport<StrictApiLindungFactory>(factory), IClassFixture<StrictApiLindungFactory>
{
    [Fact]
    public async Task FourthCallInAMinute_Gets429WithAnIndonesianProblem_OtherClientsAreNotAffected()
    {
        var (token, _) = await ClientAsync("Terlalu Rajin");
        var (other, _) = await ClientAsync("Klien Lain");
        var api = Api(token);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/snapshots")).StatusCode);
        }

        var limited = await api.GetAsync("/api/v1/snapshots");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Terlalu banyak permintaan", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Api(other).GetAsync("/api/v1/snapshots")).StatusCode);

        // The refusal is audited under the client that made it — once a minute, however many calls are refused.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.GetAsync("/api/v1/snapshots")).StatusCode);
        await using var db = Factory.Database.Context(LindungFactory.Tenant);
        var client = await db.ApiClients.SingleAsync(c => c.Name == "Terlalu Rajin");
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ApiRefused && e.EntityId == client.Id.ToString()
            && e.Detail!.StartsWith("429 GET /api/v1/snapshots")));
    }
}
