using System.Net;
using System.Text;
using Lindung.Core.Identity;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Pages;

public class ConflictPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    /// <summary>A person submitted by DLH as non-ASN, then by KESRA as a Quran teacher.</summary>
    private async Task<Guid> CreateConflictAsync(string nik, string name)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant, user: "operator.uji");
        var protector = factory.Services.GetRequiredService<NikProtector>();
        async Task<WorkerImportReport> Import(string opd, string category) =>
            await new WorkerImporter(db, protector, SpreadsheetLimits.Default).RunAsync(
                new MemoryStream(Encoding.UTF8.GetBytes($"NIK,Nama,Kategori\n{nik},{name},{category}\n")),
                new WorkerImportRequest((await db.Agencies.SingleAsync(a => a.Code == opd)).Id, null, "2025-04", false, "w.csv"));

        Assert.Equal(1, (await Import("DLH", "NONASN")).Accepted);
        Assert.Equal(1, (await Import("KESRA", "GURU_NGAJI")).Conflicts);
        return (await db.RegistryConflicts.OrderByDescending(c => c.CreatedAt).FirstAsync()).Id;
    }

    [Fact]
    public async Task Conflict_KoordinatorSeesBothSidesAndKeepsTheNew_EndsTheExisting()
    {
        var id = await CreateConflictAsync("1609016003910011", "Rohayati Sari");
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);

        var page = await client.GetStringAsync("/Pengajuan/Konflik");
        var decided = await LindungFactory.PostFormAsync(client, "/Pengajuan/Konflik",
            new() { ["id"] = id.ToString(), ["decision"] = "KeepNew", ["note"] = "Pindah tugas ke Kesra" }, formPage: "/Pengajuan/Konflik");

        Assert.Contains("Dinas Lingkungan Hidup", page, StringComparison.Ordinal);
        Assert.Contains("Bagian Kesejahteraan Rakyat Setda", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var conflict = await db.RegistryConflicts.SingleAsync(c => c.Id == id);
        Assert.Equal((ConflictStatus.KeepNew, "koordinator.uji"), (conflict.Status, conflict.DecidedBy));
        var existing = await db.Engagements.SingleAsync(e => e.Id == conflict.ExistingEngagementId);
        Assert.NotNull(existing.EndDate);
        Assert.Equal(EndReason.Other, existing.EndReason);
    }

    [Fact]
    public async Task Conflict_AuditorMayLookButNotDecide()
    {
        var id = await CreateConflictAsync("1609012003910012", "Romli Hakim");
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Auditor], LindungFactory.Password);
        var page = await client.GetStringAsync("/Pengajuan/Konflik");

        var response = await client.PostAsync("/Pengajuan/Konflik", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(),
            ["decision"] = "KeepBoth",
            ["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(page),
        }));

        Assert.DoesNotContain("Keduanya benar", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
