using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lindung.Core.Identity;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Projects;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>/Proyek through HTTP: OPD confinement of list, detail, edit and certificate; certificate checks; read-only roles; import.</summary>
public class ProjectPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% sertifikat uji sintetis\n%%EOF\n");

    private async Task<Guid> AddProjectAsync(string opd, string number, bool withCertificate = false)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var agency = await db.Agencies.Where(a => a.Code == opd).Select(a => a.Id).SingleAsync();
        var p = ProjectEditor.New(new ProjectInput(agency, number, "Paket " + number, "CV Uji", 850_000_000, false, new DateOnly(2026, 11, 2), 90,
            null, null, 2026, "APBD"));
        if (withCertificate)
        {
            p.RegistrationNumber = "PRY-" + number;
            p.CertificateFileName = "sertifikat-" + number + ".pdf";
            await new CertificateStore(factory.Database.Settings).SaveAsync(LindungFactory.Tenant, p.Id, new MemoryStream(Pdf), default);
        }

        db.ConstructionProjects.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    private static async Task<HttpResponseMessage> PostRegistrationAsync(HttpClient client, Guid id, byte[]? file, string fileName, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(LindungFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("PRY-2026-0007"), "Registration.Number" },
            { new StringContent("1525000"), "Registration.AmountPaid" },
            { new StringContent("10/11/2026"), "Registration.PaidOn" },
        };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "certificate", fileName);
        }

        return await client.PostAsync($"/Proyek/Detail/{id}?handler=Registration", form);
    }

    [Fact]
    public async Task OperatorOpd_AnotherOpdsProject_IsInvisibleInListDetailEditExportAndCertificate()
    {
        var pupr = await AddProjectAsync("PUPR", "PUPR/ISOLASI/1", withCertificate: true);
        var own = await AddProjectAsync("DLH", "DLH/ISOLASI/1", withCertificate: true);
        var op = await factory.SignedInAsync(Roles.OperatorOpd);

        var list = await op.GetStringAsync("/Proyek");
        Assert.Contains("DLH/ISOLASI/1", list, StringComparison.Ordinal);
        Assert.DoesNotContain("PUPR/ISOLASI/1", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/Proyek/Detail/{pupr}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/Proyek/Ubah/{pupr}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/Proyek/Detail/{pupr}?handler=Certificate")).StatusCode);
        var edit = await LindungFactory.PostFormAsync(op, $"/Proyek/Ubah/{pupr}", new() { ["Input.ContractNumber"] = "DIAMBIL" }, formPage: "/Proyek/Ubah");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostRegistrationAsync(op, pupr, Pdf, "a.pdf", "/Proyek/Ubah")).StatusCode);
        var export = await op.GetAsync("/Proyek?handler=Xlsx");
        var exported = ReadAll(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains(exported, r => r.Contains("DLH/ISOLASI/1"));
        Assert.DoesNotContain(exported, r => r.Contains("PUPR/ISOLASI/1"));

        // Their own project: detail, edit and certificate all work.
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/Proyek/Detail/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/Proyek/Ubah/{own}")).StatusCode);
        var cert = await op.GetAsync($"/Proyek/Detail/{own}?handler=Certificate");
        Assert.Equal("application/pdf", cert.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await cert.Content.ReadAsByteArrayAsync());

        // The Koordinator sees every OPD's certificate.
        var koordinator = await factory.SignedInAsync(Roles.Koordinator);
        Assert.Equal(Pdf, await (await koordinator.GetAsync($"/Proyek/Detail/{pupr}?handler=Certificate")).Content.ReadAsByteArrayAsync());
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal("PUPR/ISOLASI/1", (await db.ConstructionProjects.SingleAsync(p => p.Id == pupr)).ContractNumber);
    }

    [Fact]
    public async Task OperatorOpd_RegistersAProjectForAnotherOpdByForm_GetsItInTheirOwnOpd()
    {
        var op = await factory.SignedInAsync(Roles.OperatorOpd);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var pupr = await db.Agencies.Where(a => a.Code == "PUPR").Select(a => a.Id).SingleAsync();
        var dlh = await db.Agencies.Where(a => a.Code == "DLH").Select(a => a.Id).SingleAsync();

        var response = await LindungFactory.PostFormAsync(op, "/Proyek/Ubah", new()
        {
            ["Input.AgencyId"] = pupr.ToString(),
            ["Input.ContractNumber"] = "DLH/FORM/1",
            ["Input.PackageName"] = "Taman kota",
            ["Input.Contractor"] = "CV Hijau",
            ["Input.ContractValue"] = "2775000000",
            ["Input.IncludesVat"] = "true",
            ["Input.SpkDate"] = "02/11/2026",
            ["Input.DurationDays"] = "120",
            ["Input.DistrictCode"] = "16.09.01",
            ["Input.FundingYear"] = "2026",
            ["Input.FundingSource"] = "APBD",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await db.ConstructionProjects.AsNoTracking().SingleAsync(p => p.ContractNumber == "DLH/FORM/1");
        Assert.Equal(dlh, saved.AgencyId);
        var detail = await op.GetStringAsync(response.Headers.Location!.OriginalString);
        // 2.775.000.000 including PPN 11% → base 2.500.000.000 → Rp3.550.000 (reference worked example).
        Assert.Contains("data-testid=\"proj-contribution\">Rp 3.550.000<", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proj-tiers\"", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Form_WithAnUnreadableSpkDate_SaysSoOnce_AndEveryProblemInThePagesLanguage(string language)
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        await LindungFactory.ChooseLanguageAsync(client, language);

        var response = await LindungFactory.PostFormAsync(client, "/Proyek/Ubah", new()
        {
            ["Input.ContractNumber"] = "DLH/FORM/" + language,
            ["Input.PackageName"] = "",
            ["Input.Contractor"] = "CV Hijau",
            ["Input.ContractValue"] = "850000000",
            ["Input.SpkDate"] = "kemarin",
            ["Input.DurationDays"] = "0",
            ["Input.FundingYear"] = "2026",
            ["Input.FundingSource"] = "APBD",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        string[] expected = language == "en"
            ? ["SPK date \"kemarin\" cannot be read", "The name of the work package is required.", "The duration must be 1 to 3650 calendar days."]
            : ["Tanggal SPK \"kemarin\" tidak dapat dibaca", "Nama paket pekerjaan wajib diisi.", "Jangka waktu harus 1 sampai 3650 hari kalender."];
        Assert.All(expected, text => Assert.Contains(text, html, StringComparison.Ordinal));
        // The date typed is reported as unreadable, not also as missing.
        Assert.DoesNotContain(language == "en" ? "The SPK date is required" : "Tanggal SPK wajib diisi", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.ConstructionProjects.AnyAsync(p => p.ContractNumber == "DLH/FORM/" + language));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("large")]
    public async Task RegistrationUpload_WrongTypeOrTooLarge_IsRefusedInIndonesianAndNothingIsStored(string kind)
    {
        var id = await AddProjectAsync("DLH", "DLH/UNGGAH/" + kind);
        var op = await factory.SignedInAsync(Roles.OperatorOpd);
        byte[] file = kind == "png"
            ? [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            : [.. Encoding.ASCII.GetBytes("%PDF-1.4\n"), .. new byte[CertificateStore.MaxBytes]];

        var response = await PostRegistrationAsync(op, id, file, "sertifikat.pdf", $"/Proyek/Detail/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(kind == "png" ? "Berkas sertifikat harus PDF" : "Berkas sertifikat terlalu besar: paling besar 5 MB", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var project = await db.ConstructionProjects.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Null(project.RegistrationNumber);
        Assert.Null(project.CertificateFileName);
        Assert.Null(new CertificateStore(factory.Database.Settings).Open(LindungFactory.Tenant, id));
    }

    [Fact]
    public async Task RegistrationUpload_RealPdf_IsStoredAuditedAndDownloadable()
    {
        var id = await AddProjectAsync("DLH", "DLH/UNGGAH/OK");
        var op = await factory.SignedInAsync(Roles.OperatorOpd);

        var response = await PostRegistrationAsync(op, id, Pdf, "sertifikat.pdf", $"/Proyek/Detail/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var project = await db.ConstructionProjects.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(("PRY-2026-0007", 1_525_000L, new DateOnly(2026, 11, 10), "sertifikat.pdf"),
            (project.RegistrationNumber, project.AmountPaid!.Value, project.PaidOn!.Value, project.CertificateFileName));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == id.ToString() && e.Action == "updated" && e.UserName == LindungFactory.UserOf[Roles.OperatorOpd]));
        Assert.Equal(Pdf, await (await op.GetAsync($"/Proyek/Detail/{id}?handler=Certificate")).Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(Roles.Pimpinan)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Keuangan)]
    public async Task ReadOnlyRoles_SeeProjects_ButCannotRecordRegistrationOrTerms(string role)
    {
        var id = await AddProjectAsync("PUPR", "PUPR/BACA/" + role);
        var client = await factory.SignedInAsync(role);

        var detail = await client.GetStringAsync($"/Proyek/Detail/{id}");
        Assert.DoesNotContain("proj-registration-form", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostRegistrationAsync(client, id, Pdf, "a.pdf", $"/Proyek/Detail/{id}")).StatusCode);
        var term = await LindungFactory.PostFormAsync(client, $"/Proyek/Detail/{id}?handler=Term", new() { ["Term.DueOn"] = "20/11/2026", ["Term.Amount"] = "1000" },
            formPage: $"/Proyek/Detail/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, term.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.ProjectTermPayments.AnyAsync(t => t.ProjectId == id));
    }

    [Fact]
    public async Task TermPayment_DueWithoutCertificate_IsFlaggedOnTheProjectAndTheList()
    {
        var id = await AddProjectAsync("DLH", "DLH/TERMIN/1");
        var op = await factory.SignedInAsync(Roles.OperatorOpd);

        var term = await LindungFactory.PostFormAsync(op, $"/Proyek/Detail/{id}?handler=Term", new() { ["Term.DueOn"] = "03/11/2026", ["Term.Amount"] = "250000000" },
            formPage: $"/Proyek/Detail/{id}");

        Assert.Equal(HttpStatusCode.Redirect, term.StatusCode);
        Assert.Contains("data-testid=\"proj-term-warning\"", await op.GetStringAsync($"/Proyek/Detail/{id}"), StringComparison.Ordinal);
        Assert.Contains("DLH/TERMIN/1", await op.GetStringAsync("/Proyek?Status=TermWithoutProof"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OperatorFileWithABadRow_SavesNothingAndListsTheRow()
    {
        var op = await factory.SignedInAsync(Roles.OperatorOpd);
        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet("Proyek", [new("Nomor Kontrak"), new("Nama Paket"), new("Penyedia"), new("Nilai Kontrak"), new("Tanggal SPK"), new("Jangka Waktu"),
                new("Tahun Anggaran"), new("Sumber Dana")]);
            xlsx.WriteRow("DLH/IMPOR/1", "Drainase", "CV A", 500_000_000L, "01/10/2026", 60, 2026, "APBD");
            xlsx.WriteRow("DLH/IMPOR/2", "Gorong-gorong", "CV B", -5L, "01/10/2026", 60, 2026, "APBD");
        }

        var page = await op.GetStringAsync("/Proyek/Impor");
        using var form = new MultipartFormDataContent { { new StringContent(LindungFactory.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(output.ToArray()), "file", "proyek.xlsx");
        var html = await (await op.PostAsync("/Proyek/Impor", form)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"import-rejected\"", html, StringComparison.Ordinal);
        Assert.Contains("Nilai kontrak harus berupa angka rupiah lebih dari 0.", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.ConstructionProjects.AnyAsync(p => p.ContractNumber.StartsWith("DLH/IMPOR/")));
    }

    [Fact]
    public async Task Export_ContractorNameLookingLikeAFormula_IsWrittenAsText()
    {
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            var dlh = await db.Agencies.Where(a => a.Code == "DLH").Select(a => a.Id).SingleAsync();
            db.ConstructionProjects.Add(ProjectEditor.New(new ProjectInput(dlh, "DLH/RUMUS/1", "Paket", "=HYPERLINK(\"http://contoh.invalid\")", 100_000_000,
                false, new DateOnly(2026, 11, 2), 30, null, null, 2026, "APBD")));
            await db.SaveChangesAsync();
        }

        var koordinator = await factory.SignedInAsync(Roles.Koordinator);
        var rows = ReadAll(await (await koordinator.GetAsync("/Proyek?handler=Xlsx&Q=DLH/RUMUS/1")).Content.ReadAsByteArrayAsync());

        var row = Assert.Single(rows, r => r.Contains("DLH/RUMUS/1"));
        Assert.Equal("'=HYPERLINK(\"http://contoh.invalid\")", row[3]);
    }

    private static List<string[]> ReadAll(byte[] xlsx)
    {
        using var reader = new XlsxSheetReader(new MemoryStream(xlsx));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Cells.Select(c => c.Text).ToArray());
        }

        return rows;
    }
}
