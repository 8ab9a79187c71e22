using System.Net;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lindung.Core.Identity.Roles;

namespace Lindung.Web.Tests.Pages;

/// <summary>
/// Every page × every role. The expected table is written out here, independently of the app's own rule
/// table, and every page the app has must appear in it: a new page without a rule fails this test.
/// </summary>
public class PageAccessMatrixTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private static readonly string[] Everyone = [.. All];
    private static readonly string[] NoPimpinan = [Administrator, Koordinator, OperatorOpd, Keuangan, Perencana, Auditor];
    private static readonly string[] Central = [Administrator, Koordinator, Keuangan, Perencana, Auditor];
    private static readonly string[] WithLeaders = [Administrator, Koordinator, Keuangan, Perencana, Pimpinan, Auditor];

    /// <summary>Page → roles that may open it. Null = anonymous allowed.</summary>
    public static readonly Dictionary<string, string[]?> Expected = new()
    {
        ["/Dasbor/Index"] = Everyone,
        ["/Dasbor/Rincian"] = Everyone,
        ["/Pekerja/Index"] = NoPimpinan,
        ["/Pekerja/Detail"] = NoPimpinan,
        ["/Pekerja/Tambah"] = [Administrator, Koordinator, OperatorOpd],
        ["/Pekerja/Ubah"] = [Administrator, Koordinator, OperatorOpd],
        ["/Pekerja/DataPribadi"] = NoPimpinan,
        ["/Pekerja/Permintaan/Index"] = [Administrator, Koordinator, OperatorOpd, Auditor],
        ["/Pekerja/Permintaan/Detail"] = [Administrator, Koordinator, OperatorOpd, Auditor],
        ["/Pekerja/Permintaan/Catat"] = [Administrator, Koordinator, OperatorOpd],
        ["/Pengajuan/Index"] = NoPimpinan,
        ["/Pengajuan/Verifikasi"] = Central,
        ["/Pengajuan/Unggah"] = [Administrator, Koordinator, OperatorOpd],
        ["/Pengajuan/Pratinjau"] = NoPimpinan,
        ["/Pengajuan/Templat"] = NoPimpinan,
        ["/Pengajuan/Kelengkapan"] = Central,
        ["/Pengajuan/Konflik"] = Central,
        ["/Bpjs/Index"] = Central,
        ["/Bpjs/Rekonsiliasi"] = Central,
        ["/Bpjs/Tinjau"] = Central,
        ["/Iuran/Index"] = Everyone,
        ["/Iuran/Tagihan"] = WithLeaders,
        ["/Anggaran/Index"] = WithLeaders,
        ["/Anggaran/Skenario"] = WithLeaders,
        ["/Anggaran/Target"] = WithLeaders,
        ["/Proyek/Index"] = Everyone,
        ["/Proyek/Detail"] = Everyone,
        ["/Proyek/Ubah"] = [Administrator, Koordinator, OperatorOpd],
        ["/Proyek/Impor"] = [Administrator, Koordinator, OperatorOpd],
        ["/Perjanjian/Index"] = WithLeaders,
        ["/Perjanjian/Detail"] = WithLeaders,
        ["/Perjanjian/Ubah"] = [Administrator, Koordinator],
        ["/Klaim/Index"] = Everyone,
        ["/Klaim/Catat"] = [Administrator, Koordinator, OperatorOpd],
        ["/Klaim/Detail"] = Everyone,
        ["/Klaim/Laporan"] = Everyone,
        ["/Klaim/Manfaat"] = Everyone,
        ["/Laporan/Index"] = Everyone,
        ["/Laporan/Lampiran"] = Everyone,
        ["/Admin/Index"] = [Administrator],
        ["/Admin/Opd/Index"] = [Administrator],
        ["/Admin/Opd/Edit"] = [Administrator],
        ["/Admin/Kategori/Index"] = [Administrator],
        ["/Admin/Kategori/Edit"] = [Administrator],
        ["/Admin/Tarif/Index"] = [Administrator],
        ["/Admin/KolomBpjs/Index"] = [Administrator],
        ["/Admin/Libur/Index"] = [Administrator],
        ["/Admin/Api/Index"] = [Administrator],
        ["/Admin/Api/Referensi"] = [Administrator],
        ["/Admin/Insiden/Index"] = [Administrator],
        ["/Admin/Insiden/Baru"] = [Administrator],
        ["/Admin/Insiden/Detail"] = [Administrator],
        ["/Admin/Retensi/Index"] = [Administrator],
        ["/Admin/Pengguna/Index"] = [Administrator],
        ["/Admin/Pengguna/Tambah"] = [Administrator],
        ["/Akun/GantiSandi"] = Everyone,
        ["/Akun/Keluar"] = Everyone,
        ["/Akun/DuaFaktor"] = Everyone,
        ["/Audit/Index"] = [Administrator, Auditor],
        ["/Akun/MasukKode"] = null,
        ["/Bahasa"] = Everyone,
        ["/Akun/Masuk"] = null,
        ["/Status"] = null,
    };

    [Fact]
    public void EveryPageOfTheApp_HasAnExpectedAccessRule()
    {
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(pages);
        var missing = pages.Where(p => !Expected.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "Pages without an access rule in this test: " + string.Join(", ", missing));
        var stale = Expected.Keys.Where(p => !pages.Contains(p)).ToList();
        Assert.True(stale.Count == 0, "Rules for pages that no longer exist: " + string.Join(", ", stale));
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Expected.Keys)
        {
            foreach (var role in All)
            {
                data.Add(page, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Get_PageAsRole_AllowedOrForbiddenPerTable(string page, string role)
    {
        var client = await factory.SignedInAsync(role);
        var url = await UrlOfAsync(page);

        var response = await client.GetAsync(url);

        var allowed = Expected[page] is not { } roles || roles.Contains(role);
        if (allowed)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound,
                $"{role} on {url}: {(int)response.StatusCode}");
            // The status page and a preview of an upload that does not exist (or is someone else's) answer 404.
            Assert.False(page is not ("/Status" or "/Pengajuan/Pratinjau") && response.StatusCode == HttpStatusCode.NotFound, $"{role} on {url}: 404");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(AnonymousCases))]
    public async Task Get_PageAnonymously_RedirectsToSignInUnlessPublic(string page)
    {
        var client = factory.Anonymous();

        var response = await client.GetAsync(await UrlOfAsync(page));

        if (Expected[page] is null)
        {
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Akun/Masuk", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> AnonymousCases() => new(Expected.Keys);

    private async Task<string> UrlOfAsync(string page)
    {
        await Task.CompletedTask;
        return page switch
        {
            "/Dasbor/Index" => "/",
            "/Dasbor/Rincian" => "/Dasbor/Rincian?periode=2026-01",
            "/Admin/Opd/Edit" => "/Admin/Opd/Edit/" + IdOf("agency"),
            "/Admin/Kategori/Edit" => "/Admin/Kategori/Edit/" + IdOf("category"),
            "/Pekerja/Detail" => "/Pekerja/Detail/" + factory.PersonIdByName("Siti Nurhayati"),
            "/Pekerja/Ubah" => "/Pekerja/Ubah/" + factory.PersonIdByName("Siti Nurhayati"),
            "/Pekerja/DataPribadi" => "/Pekerja/DataPribadi/" + factory.PersonIdByName("Siti Nurhayati"),
            "/Admin/Insiden/Detail" => "/Admin/Insiden/Detail/" + await ABreachIncidentAsync(),
            "/Pekerja/Permintaan/Catat" => "/Pekerja/Permintaan/Catat/" + factory.PersonIdByName("Siti Nurhayati"),
            "/Pekerja/Permintaan/Detail" => "/Pekerja/Permintaan/Detail/" + await DlhRequestIdAsync(),
            "/Status" => "/Status/404",
            "/Pengajuan/Pratinjau" => "/Pengajuan/Pratinjau/" + Guid.NewGuid(),
            "/Pengajuan/Templat" => "/Pengajuan/Templat?kategori=MARBOT",
            "/Proyek/Detail" => "/Proyek/Detail/" + await DlhProjectIdAsync(),
            "/Perjanjian/Detail" => "/Perjanjian/Detail/" + await factory.AnAgreementAsync(),
            "/Klaim/Detail" => "/Klaim/Detail/" + await factory.AnIncidentOfTheDlhWorkerAsync(),
            _ => page.EndsWith("/Index", StringComparison.Ordinal) ? page[..^"/Index".Length] : page,
        };
    }

    /// <summary>A correction request for the DLH worker (the test operator's OPD), created once.</summary>
    private async Task<Guid> DlhRequestIdAsync()
    {
        var person = factory.PersonIdByName("Siti Nurhayati");
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        if (await db.PersonalDataRequests.Where(r => r.PersonId == person).Select(r => (Guid?)r.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var request = new Lindung.Core.Privacy.PersonalDataRequest
        {
            PersonId = person,
            Kind = Lindung.Core.Privacy.RequestKind.Correction,
            ReceivedOn = new DateOnly(2026, 11, 2),
            Channel = Lindung.Core.Privacy.RequestChannel.InPerson,
            RequesterName = "Siti Nurhayati",
            Relation = Lindung.Core.Privacy.RequesterRelation.Self,
            Details = "Nomor HP berganti",
            RecordedBy = "test",
        };
        db.PersonalDataRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>A project of the test operator's OPD (DLH), so every allowed role can open its page.</summary>
    private async Task<Guid> DlhProjectIdAsync()
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        if (await db.ConstructionProjects.Where(p => p.ContractNumber == "MATRIKS/DLH/1").Select(p => (Guid?)p.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var dlh = await db.Agencies.Where(a => a.Code == "DLH").Select(a => a.Id).SingleAsync();
        var project = Lindung.Core.Projects.ProjectEditor.New(new(dlh, "MATRIKS/DLH/1", "Paket matriks", "CV Uji", 100_000_000, false,
            new DateOnly(2026, 11, 2), 30, null, null, 2026, "APBD"));
        db.ConstructionProjects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>A suspected breach, created once.</summary>
    private async Task<Guid> ABreachIncidentAsync()
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        if (await db.BreachIncidents.Select(i => (Guid?)i.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var incident = new Lindung.Core.Privacy.BreachIncident
        {
            DiscoveredAt = DateTime.UtcNow.AddHours(-1),
            Description = "Matriks akses",
            RecordedBy = "test",
        };
        db.BreachIncidents.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }

    private Guid IdOf(string kind)
    {
        using var db = factory.Database.Context(LindungFactory.Tenant);
        return kind == "agency" ? db.Agencies.First().Id : db.WorkerCategories.First().Id;
    }
}
