using System.Text.Json;
using Lindung.Cli;
using Lindung.Core.Data;
using Lindung.Core.Tests.Data;
using Microsoft.Extensions.Configuration;

namespace Lindung.Web.Tests.Cli;

/// <summary>The <c>lindung</c> command run in-process against a temporary data directory.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "lindung-cli-" + Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LindungCli.RunAsync([.. args, "--data-dir", dir], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement SingleJsonObject(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        var json = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        return json;
    }

    [Theory]
    [InlineData(null, 100L * 1024 * 1024)]
    [InlineData("209715200", 200L * 1024 * 1024)]
    public async Task Host_TakesTheImportFileLimitFromConfiguration_AsTheWebAppDoes(string? configured, long expected)
    {
        // An administrator who raises Lindung:Import:MaxFileBytes for the web uploads can import the same file here.
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Lindung:Import:MaxFileBytes"] = configured })
            .Build();
        await using var host = CliHost.Create(new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = dir }, config);

        Assert.Equal(expected, host.Limits.MaxFileBytes);
    }

    [Fact]
    public void Cli_RunsServerGarbageCollectionWithoutBackgroundCollections_AndWithoutDynamicPgo()
    {
        // Background GC tripled the collections of a large import (docs/performance.md, "Stop 15"); server GC with its
        // dynamic heap count shortened the pauses the writer waits in ("Stop 17"). The runtime settings of the built
        // command, copied next to the tests, must keep both.
        var config = Path.Combine(Path.GetDirectoryName(typeof(LindungCli).Assembly.Location)!, "lindung.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.TryGetProperty("System.GC.DynamicAdaptationMode", out _), "DATAS must stay on (the default)");
        // No dynamic PGO for a batch run ("Stop 18").
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    [Fact]
    public async Task Seed_Json_PrintsOneObjectAndIsIdempotent()
    {
        var first = await RunAsync("seed", "--json");
        var second = await RunAsync("seed", "--json");

        Assert.Equal(0, first.Exit);
        var a = SingleJsonObject(first.Out);
        Assert.Equal("16.09", a.GetProperty("tenant").GetString());
        Assert.Equal(91_599, a.GetProperty("regions").GetInt32());
        Assert.True(a.GetProperty("tenantCreated").GetBoolean());
        Assert.Equal(52, a.GetProperty("agenciesAdded").GetInt32());
        Assert.Contains("Wilayah", first.Err, StringComparison.Ordinal); // progress goes to stderr
        Assert.Equal(0, second.Exit);
        var b = SingleJsonObject(second.Out);
        Assert.Equal((0, false, 0, 0), (b.GetProperty("regions").GetInt32(), b.GetProperty("tenantCreated").GetBoolean(),
            b.GetProperty("agenciesAdded").GetInt32(), b.GetProperty("categoriesAdded").GetInt32()));
        Assert.Empty(b.GetProperty("demoAccounts").EnumerateArray());
    }

    [Fact]
    public async Task TenantAdd_SecondRegency_SeesNoneOfTheFirstTenantsData()
    {
        await RunAsync("seed");
        var added = await RunAsync("tenant", "add", "16.08", "--json");
        await RunAsync("user", "add", "--username", "op.timur", "--role", "OperatorOpd", "--opd", "DLH", "--tenant", "16.08");

        Assert.Equal(0, added.Exit);
        Assert.Equal("Kabupaten Ogan Komering Ulu Timur", SingleJsonObject(added.Out).GetProperty("name").GetString());
        await using var ctx = new TestDatabaseView(dir).Context("16.08");
        var kecamatanOffices = ctx.Agencies.Where(a => a.RegionCode != null).Select(a => a.RegionCode!).ToList();
        Assert.Equal(20, kecamatanOffices.Count);
        Assert.DoesNotContain(kecamatanOffices, c => c.StartsWith("16.09", StringComparison.Ordinal));
        Assert.All(ctx.AuditEvents.ToList(), e => Assert.Equal("16.08", e.TenantCode));
    }

    [Fact]
    public async Task UserAdd_Operator_PrintsTemporaryPasswordAndRequiresAnOpd()
    {
        await RunAsync("seed");

        var ok = await RunAsync("user", "add", "--username", "operator.bpbd", "--role", "operator", "--opd", "BPBD", "--json");
        var noOpd = await RunAsync("user", "add", "--username", "operator.x", "--role", "OperatorOpd");
        var badOpd = await RunAsync("user", "add", "--username", "operator.y", "--role", "OperatorOpd", "--opd", "TIDAKADA");

        Assert.Equal(0, ok.Exit);
        var json = SingleJsonObject(ok.Out);
        Assert.Equal("OperatorOpd", json.GetProperty("role").GetString());
        Assert.Equal(19, json.GetProperty("temporaryPassword").GetString()!.Length);
        Assert.Equal(1, noOpd.Exit);
        Assert.Contains("Operator OPD harus terikat pada satu OPD", noOpd.Err, StringComparison.Ordinal);
        Assert.Equal(1, badOpd.Exit);
    }

    [Fact]
    public async Task ExitCodes_UsageErrorsAre2_UnusableInputIs1()
    {
        Assert.Equal(2, (await RunAsync("tidak-ada-perintah")).Exit);
        Assert.Equal(2, (await RunAsync("tenant", "add", "enambelas")).Exit);
        Assert.Equal(2, (await RunAsync("user", "add", "--username", "x", "--role", "raja")).Exit);
        Assert.Equal(1, (await RunAsync("tenant", "add", "99.99")).Exit);
        Assert.Equal(1, (await RunAsync("user", "add", "--username", "x", "--role", "Auditor", "--tenant", "16.01")).Exit);
    }

    [Fact]
    public async Task SeedDemo_CreatesOneAccountPerRole()
    {
        var result = await RunAsync("seed", "--demo", "--json");

        var accounts = SingleJsonObject(result.Out).GetProperty("demoAccounts").EnumerateArray()
            .Select(a => a.GetProperty("role").GetString()!).ToList();
        Assert.Equal(Lindung.Core.Identity.Roles.All, accounts);
        Assert.True(File.Exists(Path.Combine(dir, "demo-akun.txt")));
    }

    [Theory]
    [InlineData(new[] { "iuran", "bpu", "--income", "1000000", "--date", "2025-06-01" }, 16_800, "BPU")]
    [InlineData(new[] { "iuran", "bpu", "--income", "1000000", "--programs", "jkk,jkm,jht", "--date", "2025-06-01" }, 36_800, "BPU")]
    [InlineData(new[] { "iuran", "pu", "--wage", "2000000", "--risk", "1", "--programs", "jkk,jkm,jht,jp", "--date", "2025-06-01" }, 184_800, "PU")]
    [InlineData(new[] { "iuran", "pu", "--wage", "15000000", "--risk", "1", "--programs", "jp", "--date", "2024-06-01" }, 301_269, "PU")]
    [InlineData(new[] { "iuran", "jakon", "--contract-value", "2500000000", "--date", "2025-06-01" }, 3_550_000, "JAKON")]
    public async Task Iuran_Json_PrintsTheContractShape(string[] args, long total, string scheme)
    {
        var (exit, stdout, _) = await RunAsync([.. args, "--json"]);

        Assert.Equal(0, exit);
        var json = SingleJsonObject(stdout);
        Assert.Equal(scheme, json.GetProperty("scheme").GetString());
        Assert.Equal(total, json.GetProperty("total").GetInt64());
        var lines = json.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(total, lines.Sum(l => l.GetProperty("amount").GetInt64()));
        Assert.All(lines, l => Assert.Equal(l.GetProperty("amount").GetInt64(), l.GetProperty("employer").GetInt64() + l.GetProperty("worker").GetInt64()));
        Assert.All(lines, l => Assert.Matches("^(JKK|JKM|JHT|JP)$", l.GetProperty("program").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("rateVersion").GetString()));
    }

    [Fact]
    public async Task Iuran_BadRiskGroup_IsAUsageError() =>
        Assert.Equal(2, (await RunAsync("iuran", "pu", "--wage", "2000000", "--risk", "9")).Exit);

    [Fact]
    public async Task ImportWorkers_Json_ReportsEveryCountAndWritesTheErrorFile()
    {
        await RunAsync("seed");
        var csv = Path.Combine(dir, "guru.csv");
        await File.WriteAllTextAsync(csv, "NIK,Nama,Tgl Lahir,JK\n1609014708850001,Siti Nurhayati,07/08/1985,P\n160901470885000,Pendek,,\n1609014708850001,Ganda,,\n");
        var errors = Path.Combine(dir, "salah.xlsx");

        var first = await RunAsync("import", "workers", csv, "--opd", "KESRA", "--category", "GURU_NGAJI", "--errors-out", errors, "--json");
        var dry = await RunAsync("import", "workers", csv, "--opd", "KESRA", "--category", "GURU_NGAJI", "--dry-run", "--json");

        Assert.Equal(0, first.Exit);
        var json = SingleJsonObject(first.Out);
        Assert.Equal((3, 1, 0, 1, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("accepted").GetInt32(),
            json.GetProperty("unchanged").GetInt32(), json.GetProperty("rejected").GetInt32(), json.GetProperty("duplicatesInFile").GetInt32()));
        Assert.Equal(1, json.GetProperty("errors").GetProperty("nik.length").GetInt32());
        Assert.True(File.Exists(errors));
        var again = SingleJsonObject(dry.Out);
        Assert.Equal((0, 1), (again.GetProperty("accepted").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task ImportWorkers_UnusableFile_Exits1()
    {
        await RunAsync("seed");
        var csv = Path.Combine(dir, "tanpa-nik.csv");
        await File.WriteAllTextAsync(csv, "Nama,Alamat\nSiti,Muaradua\n");

        var result = await RunAsync("import", "workers", csv, "--opd", "KESRA", "--category", "GURU_NGAJI", "--json");

        Assert.Equal(1, result.Exit);
        Assert.Contains("Kolom wajib tidak ditemukan: NIK", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BpjsImport_Json_CountsEveryKindOfMatch_AndTheSameFileTwiceChangesNothing()
    {
        await RunAsync("seed");
        var workers = Path.Combine(dir, "guru.csv");
        await File.WriteAllTextAsync(workers, "NIK,Nama,Tgl Lahir,JK\n1609014708850001,Siti Nurhayati,07/08/1985,P\n1609011208850002,Ahmad Fauzi,12/08/1985,L\n");
        await RunAsync("import", "workers", workers, "--opd", "KESRA", "--category", "GURU_NGAJI");
        var status = Path.Combine(dir, "status-april.csv");
        await File.WriteAllTextAsync(status, "KPJ,NIK,Nama,Status\n25010000001,1609014708850001,SITI NURHAYATI,AKTIF\n"
            + "25010000002,1609011208850012,AHMAD FAUZI,NON AKTIF\n25010000003,1609016101950004,DEWI LESTARI,AKTIF\n");

        var first = await RunAsync("bpjs", "import", status, "--period", "2025-04", "--json");
        var again = await RunAsync("bpjs", "import", status, "--period", "2025-04", "--json");
        var badPeriod = await RunAsync("bpjs", "import", status, "--period", "April");

        Assert.Equal(0, first.Exit);
        var json = SingleJsonObject(first.Out);
        Assert.Equal((3, 1, 1, 0, 1, 2, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("matchedExact").GetInt32(),
            json.GetProperty("matchedFuzzy").GetInt32(), json.GetProperty("needsReview").GetInt32(), json.GetProperty("unmatched").GetInt32(),
            json.GetProperty("active").GetInt32(), json.GetProperty("inactive").GetInt32()));
        Assert.True(SingleJsonObject(again.Out).GetProperty("unchanged").GetBoolean());
        Assert.Equal(2, badPeriod.Exit);
    }

    [Fact]
    public async Task BpjsExport_WritesTheVerifiedNotRegistered_AndMarksThemSent()
    {
        await RunAsync("seed", "--demo", "--workers", "300");
        var file = Path.Combine(dir, "daftar.xlsx");

        var first = await RunAsync("bpjs", "export", file, "--json");
        var second = await RunAsync("bpjs", "export", Path.Combine(dir, "lagi.csv"), "--json");
        var bad = await RunAsync("bpjs", "export", Path.Combine(dir, "x.pdf"));

        var rows = SingleJsonObject(first.Out).GetProperty("rows").GetInt32();
        Assert.True(rows > 0);
        await using (var stream = File.OpenRead(file))
        {
            using var reader = new Lindung.Core.Import.Spreadsheets.XlsxSheetReader(stream);
            var count = 0;
            while (reader.Read())
            {
                count++;
            }

            Assert.Equal(rows + 1, count);
        }

        Assert.Equal(0, SingleJsonObject(second.Out).GetProperty("rows").GetInt32());
        Assert.Equal(2, bad.Exit);
    }

    [Fact]
    public async Task Coverage_AfterABpjsList_CountsActiveOverEligibleByOpd()
    {
        await RunAsync("seed", "--demo", "--workers", "300");
        var export = Path.Combine(dir, "daftar.csv");
        await RunAsync("bpjs", "export", export);
        // BPJS answers with everyone in the export active except the last one.
        var lines = (await File.ReadAllLinesAsync(export)).Skip(1).Select(l => l.Split(';')).ToList();
        var status = Path.Combine(dir, "status.csv");
        await File.WriteAllLinesAsync(status, ["NIK;Nama;Status", .. lines.Select((c, i) => $"{c[0]};{c[1]};{(i < lines.Count - 1 ? "AKTIF" : "NON AKTIF")}")]);
        await RunAsync("bpjs", "import", status, "--period", "2026-10");

        var result = await RunAsync("coverage", "--period", "2026-10", "--by", "opd", "--json");
        var bad = await RunAsync("coverage", "--by", "planet");

        var json = SingleJsonObject(result.Out);
        Assert.Equal(("2026-10", "bpjs"), (json.GetProperty("period").GetString(), json.GetProperty("activeSource").GetString()));
        Assert.Equal(lines.Select(c => c[0]).Distinct().Count() - 1, json.GetProperty("active").GetInt32());
        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        Assert.NotEmpty(groups);
        Assert.Equal(json.GetProperty("active").GetInt32(), groups.Sum(g => g.GetProperty("active").GetInt32()));
        Assert.Equal(2, bad.Exit);
    }

    [Fact]
    public async Task Bill_Json_TotalsEqualTheSumOfPrograms_AndOfFundingSources()
    {
        await RunAsync("seed", "--demo", "--workers", "300");

        var result = await RunAsync("bill", "--period", "2026-10", "--json");
        var bad = await RunAsync("bill", "--period", "Oktober");

        Assert.Equal(0, result.Exit);
        var json = SingleJsonObject(result.Out);
        var total = json.GetProperty("total").GetInt64();
        Assert.True(json.GetProperty("workers").GetInt32() > 0 && total > 0);
        Assert.Equal(total, json.GetProperty("programs").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Equal(total, json.GetProperty("fundingSources").EnumerateArray().Sum(f => f.GetProperty("total").GetInt64()));
        Assert.Equal("2026-11-16", json.GetProperty("dueDate").GetString());
        Assert.Equal(2, bad.Exit);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Opens the CLI's SQLite file for assertions.</summary>
    private sealed class TestDatabaseView(string dataDir)
    {
        public LindungDbContext Context(string tenant)
        {
            var settings = new DatabaseSettings
            {
                Provider = DatabaseProvider.Sqlite,
                ConnectionString = "Data Source=" + Path.Combine(dataDir, "lindung.db") + ";Pooling=False",
            };
            var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<LindungDbContext>();
            settings.Apply(options);
            return new LindungDbContext(options.Options, new Lindung.Core.Tenancy.FixedActor(tenant, "test"), TimeProvider.System);
        }
    }

    [Fact]
    public async Task Budget_DemoRegistry_MeetsEveryTargetUncappedAndLeavesPeopleOutUnderACap()
    {
        await RunAsync("seed", "--demo", "--workers", "2000");

        var open = SingleJsonObject((await RunAsync("budget", "--from", "2025", "--to", "2029", "--json")).Out);
        var capped = await RunAsync("budget", "--from", "2025", "--to", "2029", "--cap", "2026=100000000", "--cap", "2027=0", "--json");

        var years = open.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2025, 2026, 2027, 2028, 2029], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.All(years, y => Assert.Equal((0, y.GetProperty("target").GetInt32()), (y.GetProperty("uncovered").GetInt32(), y.GetProperty("people").GetInt32())));
        Assert.True(years[^1].GetProperty("people").GetInt32() > years[0].GetProperty("people").GetInt32(), "the targets rise to 100% in 2029");
        Assert.Equal(0, capped.Exit);
        var cappedYears = SingleJsonObject(capped.Out).GetProperty("years").EnumerateArray().ToList();
        Assert.True(cappedYears[1].GetProperty("rupiah").GetInt64() <= 100_000_000);
        Assert.True(cappedYears[1].GetProperty("uncovered").GetInt32() > 0);
        Assert.Equal((0, 0L), (cappedYears[2].GetProperty("people").GetInt32(), cappedYears[2].GetProperty("rupiah").GetInt64()));
        Assert.Equal(years[3].GetProperty("rupiah").GetInt64(), cappedYears[3].GetProperty("rupiah").GetInt64());
    }

    [Fact]
    public async Task Budget_GrowthPercent_ReadsTheSameWithADotOrACommaInEveryLanguage()
    {
        // The CLI runs in Indonesian, where System.CommandLine's own decimal parsing takes the dot for a thousands
        // separator: "2.5" was read as 25 without a word.
        await RunAsync("seed", "--demo", "--workers", "500");
        string Rupiah2029(string stdout) => SingleJsonObject(stdout).GetProperty("years").EnumerateArray().Last().GetProperty("rupiah").GetRawText();
        async Task<string> PlanAsync(string growth, System.Globalization.CultureInfo? language = null)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            string[] args = ["budget", "--from", "2025", "--to", "2029", "--population-growth", growth, "--json", "--data-dir", dir];
            var exit = language is null ? await LindungCli.RunAsync(args, stdout, stderr)
                : await LindungCli.RunInLanguageAsync(args, stdout, stderr, language);
            Assert.True(exit == 0, stderr.ToString());
            return Rupiah2029(stdout.ToString());
        }

        var dot = await PlanAsync("2.5");
        Assert.Equal(dot, await PlanAsync("2,5"));
        Assert.Equal(dot, await PlanAsync("2,5%"));
        Assert.Equal(dot, await PlanAsync("2.5", System.Globalization.CultureInfo.GetCultureInfo("en")));
        Assert.NotEqual(dot, await PlanAsync("25"));
        Assert.NotEqual(dot, await PlanAsync("0"));

        var bad = await RunAsync("budget", "--population-growth", "1.000,5");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("Persentase \"1.000,5\" tidak terbaca", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithFractions_AreParsedTheSameInEveryLanguage()
    {
        // System.CommandLine reads a decimal or double in the current culture: every such option of every command must
        // bring its own parser (CliParsers), as --population-growth and --wage-growth do.
        static IEnumerable<System.CommandLine.Command> All(System.CommandLine.Command c) => c.Subcommands.SelectMany(All).Prepend(c);
        var fractional = new[] { typeof(decimal), typeof(double), typeof(float) };
        var options = All(LindungCli.BuildRoot(TextWriter.Null, TextWriter.Null))
            .SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o)))
            .Where(x => fractional.Contains(Nullable.GetUnderlyingType(x.Option.ValueType) ?? x.Option.ValueType))
            .ToList();

        Assert.Contains(options, x => x.Option.Name == "--population-growth");
        Assert.All(options, x => Assert.True(
            x.Option.GetType().GetProperty("CustomParser")?.GetValue(x.Option) is not null,
            $"{x.Command} {x.Option.Name} parses its value in the run's culture: give it a parser from CliParsers"));
    }

    [Theory]
    [InlineData("--cap", "2026")]
    [InlineData("--cap", "2026=satu")]
    [InlineData("--from", "2030")]
    public async Task Budget_BadArguments_ExitTwo(string option, string value)
    {
        await RunAsync("seed");

        Assert.Equal(2, (await RunAsync("budget", "--to", "2029", option, value)).Exit);
    }
}
