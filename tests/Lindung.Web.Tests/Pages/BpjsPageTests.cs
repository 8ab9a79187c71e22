using System.Net;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;

namespace Lindung.Web.Tests.Pages;

public class BpjsPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task Keuangan_SeesTheImports_ButCannotUploadOrDecide()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);
        var page = await client.GetStringAsync("/Bpjs");
        var token = LindungFactory.AntiforgeryToken(page);

        var upload = await client.PostAsync("/Bpjs", new MultipartFormDataContent
        {
            { new StringContent("2025-04"), "Period" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("NIK;Nama\n1609014708850001;Siti\n"u8.ToArray()), "file", "status.csv" },
        });
        var reject = await client.PostAsync($"/Bpjs/Tinjau?handler=Reject&id={Guid.CreateVersion7()}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.DoesNotContain("Unggah dan cocokkan", page, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (upload.StatusCode, reject.StatusCode));
    }

    [Fact]
    public async Task Koordinator_UploadWithoutNameColumn_GetsAMessageInBahasaIndonesia()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var token = LindungFactory.AntiforgeryToken(await client.GetStringAsync("/Bpjs"));

        var response = await client.PostAsync("/Bpjs", new MultipartFormDataContent
        {
            { new StringContent("2025-04"), "Period" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("NIK;Status\n1609014708850001;AKTIF\n"u8.ToArray()), "file", "status.csv" },
        });

        Assert.Contains("Kolom wajib tidak ditemukan: perlu kolom Nama", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_RenamesAndDropsColumns_KoordinatorExportUsesThemAndMarksRowsSent()
    {
        await factory.AddVerifiedBpuWorkersAsync("KESRA", "MARBOT", 3, firstSerial: 6000);
        var admin = await factory.SignedInAsync(Roles.Administrator);
        var fields = Enum.GetValues<Lindung.Core.Bpjs.ExportField>();
        var form = new Dictionary<string, string>();
        for (var i = 0; i < fields.Length; i++)
        {
            form[$"Rows[{i}].Field"] = fields[i].ToString();
            form[$"Rows[{i}].Order"] = (fields[i] == Lindung.Core.Bpjs.ExportField.Name ? 1 : i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Rows[{i}].Header"] = fields[i] == Lindung.Core.Bpjs.ExportField.Nik ? "No Induk Kependudukan" : fields[i].ToString();
            if (fields[i] is Lindung.Core.Bpjs.ExportField.Nik or Lindung.Core.Bpjs.ExportField.Name)
            {
                form[$"Rows[{i}].Include"] = "true";
            }
        }

        var saved = await LindungFactory.PostFormAsync(admin, "/Admin/KolomBpjs", form, formPage: "/Admin/KolomBpjs");
        var koordinator = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var export = await LindungFactory.PostFormAsync(koordinator, "/Bpjs?handler=Export", new() { ["format"] = "xlsx" }, formPage: "/Bpjs");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var reader = new Lindung.Core.Import.Spreadsheets.XlsxSheetReader(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. reader.Cells.Select(c => c.Text ?? "")]);
        }

        Assert.Equal(["Name", "No Induk Kependudukan"], rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r[1] == "1609011503856000");
        var again = await (await factory.SignedInAsync(Roles.Koordinator)).GetStringAsync("/Bpjs");
        Assert.Contains("0 pekerja terverifikasi belum didaftarkan", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_SetsMatchThresholds_InvalidOnesAreRefused()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);

        var bad = await LindungFactory.PostFormAsync(admin, "/Admin/KolomBpjs?handler=Match",
            new() { ["Match.ReviewPercent"] = "90", ["Match.AutoPercent"] = "85" }, formPage: "/Admin/KolomBpjs");
        var good = await LindungFactory.PostFormAsync(admin, "/Admin/KolomBpjs?handler=Match",
            new() { ["Match.ReviewPercent"] = "87.5", ["Match.AutoPercent"] = "95", ["Match.TryDayMonthSwap"] = "false" }, formPage: "/Admin/KolomBpjs");

        Assert.Contains("ambang otomatis tidak di bawah ambang pemeriksaan", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal(new Lindung.Core.Bpjs.MatchSettings(0.95, 0.875, false), await Lindung.Core.Bpjs.MatchSettingsStore.LoadAsync(db));
    }
}
