using System.Globalization;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Core.Import.Spreadsheets;

namespace Lindung.Web.Tests.Cli;

/// <summary><c>lindung proyek import</c> in-process against a temporary data directory.</summary>
public sealed class ProyekCliTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "lindung-cli-" + Guid.NewGuid().ToString("N"));

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunInAsync(null, args);

    /// <summary>Runs in <paramref name="language"/>, or as a plain run (Bahasa Indonesia) when it is null.</summary>
    private async Task<(int Exit, string Out, string Err)> RunInAsync(CultureInfo? language, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] all = [.. args, "--data-dir", dir];
        var exit = language is null
            ? await LindungCli.RunAsync(all, stdout, stderr)
            : await LindungCli.RunInLanguageAsync(all, stdout, stderr, language);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Xlsx(string name, params object?[][] rows)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        using var file = File.Create(path);
        using var xlsx = new XlsxWriter(file);
        xlsx.BeginSheet("Proyek", [new("Nomor Kontrak"), new("Nama Paket"), new("Penyedia"), new("Nilai Kontrak"), new("Termasuk PPN"), new("Tanggal SPK"),
            new("Jangka Waktu"), new("Kecamatan"), new("Tahun Anggaran"), new("Sumber Dana")]);
        foreach (var row in rows)
        {
            xlsx.WriteRow(row);
        }

        return path;
    }

    [Fact]
    public async Task ProyekImport_Json_AddsThenIsIdempotent_AndABadFileSavesNothing()
    {
        await RunAsync("seed");
        var good = Xlsx("baik.xlsx",
            ["600/1/PUPR", "Jalan A", "CV A", 850_000_000L, "Tidak", "02/11/2026", 90, "Muara Dua", 2026, "APBD"],
            ["600/2/PUPR", "Jalan B", "CV B", 2_775_000_000L, "Ya", "03/11/2026", 120, "", 2026, "DAK"]);

        var first = await RunAsync("proyek", "import", good, "--opd", "PUPR", "--json");
        var again = await RunAsync("proyek", "import", good, "--opd", "PUPR", "--json");
        var bad = await RunAsync("proyek", "import", Xlsx("buruk.xlsx", ["600/3/PUPR", "Jalan C", "", 5L, "Mungkin", "kemarin", 90, "", 2026, "APBD"]),
            "--opd", "PUPR", "--json");

        Assert.Equal(0, first.Exit);
        var a = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal((true, 2, 0), (a.GetProperty("committed").GetBoolean(), a.GetProperty("added").GetInt32(), a.GetProperty("unchanged").GetInt32()));
        var b = JsonDocument.Parse(again.Out).RootElement;
        Assert.Equal((0, 2), (b.GetProperty("added").GetInt32(), b.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, bad.Exit);
        var c = JsonDocument.Parse(bad.Out).RootElement;
        Assert.False(c.GetProperty("committed").GetBoolean());
        var messages = c.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("Termasuk PPN", StringComparison.OrdinalIgnoreCase) || m.Contains("PPN \"Mungkin\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Tanggal SPK \"kemarin\"", StringComparison.Ordinal));
        Assert.All(c.GetProperty("errors").EnumerateArray(), e => Assert.Equal(2, e.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task ProyekImport_InEnglish_PrintsRowProblemsInEnglish_AndTheJsonStaysIndonesian()
    {
        await RunAsync("seed");
        var bad = Xlsx("buruk.xlsx", ["600/3/PUPR", "Jalan C", "", 5L, "Mungkin", "kemarin", 90, "", 2026, "APBD"]);
        var english = CultureInfo.GetCultureInfo("en");

        var human = await RunInAsync(english, "proyek", "import", bad, "--opd", "PUPR");
        var json = await RunInAsync(english, "proyek", "import", bad, "--opd", "PUPR", "--json");
        var indonesianJson = await RunAsync("proyek", "import", bad, "--opd", "PUPR", "--json");

        Assert.Equal(1, human.Exit);
        Assert.Contains("SPK date \"kemarin\" cannot be read; write it like 17/08/2025.", human.Out, StringComparison.Ordinal);
        Assert.Contains("The contractor's name is required.", human.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("tidak dapat dibaca", human.Out, StringComparison.Ordinal);
        Assert.Equal(indonesianJson.Out, json.Out);
        var messages = JsonDocument.Parse(json.Out).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains("Tanggal SPK \"kemarin\" tidak dapat dibaca; tulis seperti 17/08/2025.", messages);
        Assert.Contains("Nama penyedia jasa (kontraktor) wajib diisi.", messages);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
