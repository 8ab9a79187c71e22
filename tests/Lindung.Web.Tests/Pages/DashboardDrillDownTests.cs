using System.Net;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>
/// The CoverageFactory fixture by hand: 10 verified guru ngaji in KESRA (men born 15/03/1985, no kecamatan, APBD), 4 of them
/// Terdaftar since 2024 → 4 active of 10 eligible in every group they fall in; the two seeded non-ASN workers are not verified.
/// </summary>
public class DashboardDrillDownTests(CoverageFactory factory) : IClassFixture<CoverageFactory>
{
    private string LatestPeriod()
    {
        using var db = factory.Database.Context(LindungFactory.Tenant);
        return db.CoverageSnapshots.OrderByDescending(s => s.Period).Select(s => s.Period).First();
    }

    [Fact]
    public async Task Pimpinan_SeesEveryBreakdownAsHandComputed_EachNumberLinkingToItsPeople()
    {
        var period = LatestPeriod();
        var html = await (await factory.SignedInAsync(Roles.Pimpinan)).GetStringAsync("/?periode=" + period);

        foreach (var dimension in new[] { "category", "funding", "kecamatan", "sex", "age" })
        {
            var table = Section(html, $"data-testid=\"breakdown-{dimension}\"");
            Assert.Contains("40,0%", table, StringComparison.Ordinal);
            Assert.Contains($"/Dasbor/Rincian?periode={period}&amp;dimensi={dimension}&amp;kunci=", table, StringComparison.Ordinal);
            Assert.Contains("&amp;status=aktif\">4</a>", table, StringComparison.Ordinal);
            Assert.Contains("&amp;status=semua\">10</a>", table, StringComparison.Ordinal);
        }

        Assert.Contains("Guru Ngaji", Section(html, "data-testid=\"breakdown-category\""), StringComparison.Ordinal);
        Assert.Contains("Laki-laki", Section(html, "data-testid=\"breakdown-sex\""), StringComparison.Ordinal);
        Assert.Contains("35–44", Section(html, "data-testid=\"breakdown-age\""), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"bars-category\"", html, StringComparison.Ordinal);
        Assert.Contains("Daftar 6 pekerja belum aktif", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillDown_ListsExactlyThePeopleBehindTheFigure()
    {
        var period = LatestPeriod();
        var client = await factory.SignedInAsync(Roles.Pimpinan);

        var notActive = await client.GetStringAsync($"/Dasbor/Rincian?periode={period}&dimensi=category&kunci=GURU_NGAJI&status=belum");
        var active = await client.GetStringAsync($"/Dasbor/Rincian?periode={period}&dimensi=category&kunci=GURU_NGAJI&status=aktif");

        Assert.Contains("data-testid=\"drill-count\">6 orang.", notActive, StringComparison.Ordinal);
        Assert.Equal(6, Rows(notActive));
        Assert.Contains("data-testid=\"drill-count\">4 orang.", active, StringComparison.Ordinal);
        Assert.Equal(4, Rows(active));
        Assert.DoesNotContain("drill-differs", active, StringComparison.Ordinal);
        Assert.Contains("Pekerja Rentan 51", active, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"1609011503855\d{3}", active); // NIK masked
        // Pimpinan reads the list but does not open the registry.
        Assert.DoesNotContain("/Pekerja/Detail/", active, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillDown_AnOperatorOpdSeesOnlyTheirOwnOpd_WhateverTheLinkAsks()
    {
        var period = LatestPeriod();
        var client = await factory.SignedInAsync(Roles.OperatorOpd);

        var other = await client.GetStringAsync($"/Dasbor/Rincian?periode={period}&dimensi=opd&kunci=KESRA&status=semua");

        Assert.Contains("data-testid=\"drill-count\">0 orang.", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Pekerja Rentan", other, StringComparison.Ordinal);
        Assert.Contains("hanya OPD DLH", other, StringComparison.Ordinal);
        var dashboard = await client.GetStringAsync("/");
        Assert.DoesNotContain("coverage-breakdowns", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillDown_ExportsTheWholeListAsXlsx_Audited()
    {
        var period = LatestPeriod();
        var client = await factory.SignedInAsync(Roles.Pimpinan);

        var response = await client.GetAsync($"/Dasbor/Rincian?periode={period}&dimensi=scheme&kunci=BPU&status=belum&handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var reader = new Lindung.Core.Import.Spreadsheets.XlsxSheetReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        Assert.Equal(1 + 6, rows);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.EntityType == "CoverageList" && a.Detail!.Contains("6 orang")));
    }

    [Fact]
    public async Task Dashboard_ExportsTheMonthsSnapshotAsXlsx_NotToAnOperator()
    {
        var period = LatestPeriod();

        var response = await (await factory.SignedInAsync(Roles.Pimpinan)).GetAsync($"/?handler=Xlsx&periode={period}");
        var operatorResponse = await (await factory.SignedInAsync(Roles.OperatorOpd)).GetAsync($"/?handler=Xlsx&periode={period}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (response.StatusCode, operatorResponse.StatusCode));
        using var reader = new Lindung.Core.Import.Spreadsheets.XlsxSheetReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. reader.Cells.Select(c => c.Text ?? "")]);
        }

        Assert.Contains(rows, r => r[1] == "GURU_NGAJI" && r[3] == "4" && r[4] == "10");
    }

    [Theory]
    [InlineData("/Dasbor/Rincian?periode=2025-13")]
    [InlineData("/Dasbor/Rincian?periode=2025-01&dimensi=gaji")]
    [InlineData("/Dasbor/Rincian")]
    public async Task DrillDown_UnknownPeriodOrDimension_IsNotFound(string url)
    {
        var response = await (await factory.SignedInAsync(Roles.Pimpinan)).GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, marker);
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static int Rows(string html) =>
        Section(html, "data-testid=\"drill-table\"").Split("<tr>", StringSplitOptions.None).Length - 2;
}
