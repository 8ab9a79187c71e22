using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lindung.Cli;

namespace Lindung.Web.Tests.Cli;

/// <summary>
/// The command's texts live in Resources/CliText.resx (Bahasa Indonesia) and CliText.en.resx (English): both files hold
/// the same keys and placeholders, the command speaks Indonesian unless English is chosen, <c>--json</c> output does not
/// depend on the language, and no human text is left as a literal in src/Lindung.Cli.
/// </summary>
public sealed partial class CliTextTests : IDisposable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly string dir = Path.Combine(Path.GetTempPath(), "lindung-clitext-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(CultureInfo? language, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] all = [.. args, "--data-dir", dir];
        var exit = language is null
            ? await LindungCli.RunAsync(all, stdout, stderr)
            : await LindungCli.RunInLanguageAsync(all, stdout, stderr, language);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // ---- the resource files ----

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Lindung.slnx")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Lindung.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string CliSource => Path.Combine(RepositoryRoot(), "src", "Lindung.Cli");

    private static Dictionary<string, string> Resx(string name) =>
        XDocument.Load(Path.Combine(CliSource, "Resources", name)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static SortedSet<string> Placeholders(string text) =>
        new(PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

    [Fact]
    public void BothResourceFiles_HoldTheSameKeys_WithTheSamePlaceholders_AndNoEmptyValue()
    {
        var indonesian = Resx("CliText.resx");
        var english = Resx("CliText.en.resx");

        Assert.True(indonesian.Count > 100, $"only {indonesian.Count} keys in CliText.resx");
        Assert.Empty(indonesian.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(indonesian.Keys));
        var problems = new List<string>();
        foreach (var (key, id) in indonesian)
        {
            var en = english[key];
            if (!Placeholders(id).SetEquals(Placeholders(en)))
            {
                problems.Add($"{key}: placeholders {{{string.Join(",", Placeholders(id))}}} against {{{string.Join(",", Placeholders(en))}}} in English");
            }

            foreach (var (language, value) in new[] { ("id", id), ("en", en) })
            {
                // Indentation and separators are layout, kept in the code; a value is the text alone.
                if (string.IsNullOrWhiteSpace(value) || value.Trim() != value)
                {
                    problems.Add($"{key} ({language}): empty or padded value '{value}'");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryKey_HasItsMemberInCliText_AndEveryMemberItsKey()
    {
        var members = typeof(CliText).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name)
            .Concat(typeof(CliText).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName).Select(m => m.Name))
            .Except([nameof(CliText.Get), nameof(CliText.LanguageFrom)])
            .ToHashSet(StringComparer.Ordinal);

        var keys = Resx("CliText.resx").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Empty(keys.Except(members));
        Assert.Empty(members.Except(keys));
    }

    [Fact]
    public void EveryMember_GivesItsTextInBothLanguages_WithItsValuesFilledIn()
    {
        // Calls each property and method of CliText: a key missing from the built resources or a format string with
        // more placeholders than the method passes fails here rather than in front of a user.
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var culture in new[] { CliText.Indonesian, English })
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                foreach (var (name, value) in CallEveryMember())
                {
                    var text = value is CliMessage message ? message.ToString() : Assert.IsType<string>(value);
                    Assert.False(string.IsNullOrWhiteSpace(text), name);
                    Assert.DoesNotContain("{0", text, StringComparison.Ordinal);
                    if (value is CliMessage m)
                    {
                        Assert.Equal(RenderIndonesian(name, m), m.ToIndonesian());
                    }
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static string RenderIndonesian(string name, CliMessage message)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CliText.Indonesian, CliText.Indonesian);
            return message.ToString();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static IEnumerable<(string Name, object Value)> CallEveryMember()
    {
        foreach (var property in typeof(CliText).GetProperties(BindingFlags.Public | BindingFlags.Static))
        {
            yield return (property.Name, property.GetValue(null)!);
        }

        foreach (var method in typeof(CliText).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                     .Where(m => !m.IsSpecialName && m.Name is not (nameof(CliText.Get) or nameof(CliText.LanguageFrom))))
        {
            var values = method.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(string) => (object)"X",
                var t when t == typeof(int) => 7,
                var t when t == typeof(Guid) => Guid.Empty,
                var t when t == typeof(Lindung.Core.Formatting.CoreMessage) => Lindung.Core.Backup.BackupMessages.Truncated,
                var t => throw new NotSupportedException($"{method.Name}: parameter of type {t}"),
            }).ToArray();
            yield return (method.Name, method.Invoke(null, values)!);
        }
    }

    [Fact]
    public void TheEnglishSatelliteAssembly_ShipsNextToTheCommand()
    {
        var folder = Path.GetDirectoryName(typeof(LindungCli).Assembly.Location)!;

        Assert.True(File.Exists(Path.Combine(folder, "en", "lindung.resources.dll")), "en/lindung.resources.dll missing in " + folder);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("EN", true)]
    [InlineData("en-GB", true)]
    [InlineData("en_US.UTF-8", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("id", false)]
    [InlineData("fr", false)]
    [InlineData("english", false)]
    public void LanguageVariable_SelectsEnglishOnlyForEn(string? value, bool english) =>
        Assert.Equal(english ? "en" : "id-ID", CliText.LanguageFrom(value).Name);

    // ---- the command in each language ----

    [Fact]
    public async Task Help_IsIndonesianByDefault_AndEnglishInEnglish()
    {
        var id = await RunAsync(null, "--help");
        var en = await RunAsync(English, "--help");
        var idSub = await RunAsync(null, "import", "workers", "--help");
        var enSub = await RunAsync(English, "import", "workers", "--help");

        Assert.Equal((0, 0, 0, 0), (id.Exit, en.Exit, idSub.Exit, enSub.Exit));
        Assert.Contains("Lindung: perlindungan pekerja BPJS Ketenagakerjaan untuk pemerintah kabupaten.", id.Out, StringComparison.Ordinal);
        Assert.Contains("Cetak tepat satu objek JSON di stdout", id.Out, StringComparison.Ordinal);
        Assert.Contains("Basis data", id.Out, StringComparison.Ordinal);
        Assert.Contains("Print exactly one JSON object on stdout", en.Out, StringComparison.Ordinal);
        Assert.Contains("Calculate BPJS Ketenagakerjaan contributions", en.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Cetak tepat", en.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Print exactly", id.Out, StringComparison.Ordinal);

        Assert.Contains("Impor pekerja dari CSV/XLSX", idSub.Out, StringComparison.Ordinal);
        Assert.Contains("Periksa saja; tidak ada yang disimpan", idSub.Out, StringComparison.Ordinal);
        Assert.Contains("Import workers from CSV/XLSX", enSub.Out, StringComparison.Ordinal);
        Assert.Contains("Check only; nothing is saved", enSub.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Periksa saja", enSub.Out, StringComparison.Ordinal);
        // The options and their names are the same in both.
        Assert.Equal(OptionNames(idSub.Out), OptionNames(enSub.Out));
    }

    private static List<string> OptionNames(string help) =>
        [.. OptionName().Matches(help).Select(m => m.Value)];

    [Fact]
    public async Task MachineCulture_DoesNotChooseTheLanguage_AndTheCallersCultureIsLeftAlone()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var american = CultureInfo.GetCultureInfo("en-US");
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (american, american);

            var id = await RunAsync(null, "--help");

            Assert.Contains("Cetak tepat satu objek JSON di stdout", id.Out, StringComparison.Ordinal);
            Assert.Equal(american, CultureInfo.CurrentUICulture);
            Assert.Equal(american, CultureInfo.CurrentCulture);

            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.InvariantCulture, CultureInfo.InvariantCulture);
            var invariant = await RunAsync(null, "--help");

            Assert.Equal(id.Out, invariant.Out);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task MissingFile_IsReportedInTheRunsLanguage_AndTheJsonErrorIsTheSameInBoth()
    {
        var missing = Path.Combine(dir, "tidak-ada.csv");

        var id = await RunAsync(null, "import", "workers", missing, "--opd", "KESRA");
        var en = await RunAsync(English, "import", "workers", missing, "--opd", "KESRA");
        var idJson = await RunAsync(null, "import", "workers", missing, "--opd", "KESRA", "--json");
        var enJson = await RunAsync(English, "import", "workers", missing, "--opd", "KESRA", "--json");

        Assert.Equal((1, 1), (id.Exit, en.Exit));
        Assert.Equal($"Galat: Berkas {missing} tidak ada.\n", id.Err.ReplaceLineEndings("\n"));
        Assert.Equal($"Error: File {missing} does not exist.\n", en.Err.ReplaceLineEndings("\n"));
        Assert.Equal(idJson.Out, enJson.Out);
        Assert.Contains("tidak ada", enJson.Out, StringComparison.Ordinal);
        Assert.Equal(en.Err, enJson.Err);
    }

    [Fact]
    public async Task UserAdd_Refusals_AreInTheRunsLanguage_AndTheJsonErrorIsIndonesianInBoth()
    {
        Assert.Equal(0, (await RunAsync(null, "seed")).Exit);
        var weak = Path.Combine(dir, "sandi.txt");
        await File.WriteAllTextAsync(weak, "aaaaaaa\n");
        string[] noOpd = ["user", "add", "--username", "operator.x", "--role", "OperatorOpd"];
        string[] weakPassword = ["user", "add", "--username", "keuangan.x", "--role", "Keuangan", "--password-file", weak];

        var en = await RunAsync(English, noOpd);
        var idJson = await RunAsync(null, [.. noOpd, "--json"]);
        var enJson = await RunAsync(English, [.. noOpd, "--json"]);
        var enWeak = await RunAsync(English, weakPassword);
        var idWeak = await RunAsync(null, weakPassword);
        var enWeakJson = await RunAsync(English, [.. weakPassword, "--json"]);

        Assert.Equal((1, 1, 1, 1), (en.Exit, enJson.Exit, enWeak.Exit, enWeakJson.Exit));
        Assert.Equal("Error: An Operator OPD must belong to one OPD.\n", en.Err.ReplaceLineEndings("\n"));
        Assert.Equal(idJson.Out, enJson.Out);
        Assert.Contains("Operator OPD harus terikat pada satu OPD.", enJson.Out, StringComparison.Ordinal);
        // Identity's two refusals of one password, as one text in one language.
        Assert.Equal("Error: The password must be at least 12 characters long. The password must contain at least 5 different characters.\n",
            enWeak.Err.ReplaceLineEndings("\n"));
        Assert.Equal("Galat: Kata sandi minimal 12 karakter. Kata sandi harus memuat minimal 5 karakter berbeda.\n", idWeak.Err.ReplaceLineEndings("\n"));
        Assert.Contains("Kata sandi minimal 12 karakter. Kata sandi harus memuat minimal 5 karakter berbeda.", enWeakJson.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableFile_IsReportedInTheRunsLanguage_AndTheJsonErrorIsIndonesianInBoth()
    {
        Assert.Equal(0, (await RunAsync(null, "seed")).Exit);
        var noNik = Path.Combine(dir, "tanpa-nik.csv");
        await File.WriteAllTextAsync(noNik, "Nama,Alamat\nSiti,Muaradua\n");
        var notXlsx = Path.Combine(dir, "bukan.xlsx");
        await File.WriteAllTextAsync(notXlsx, "NIK,Nama\n");
        string[] noNikArgs = ["import", "workers", noNik, "--opd", "KESRA", "--category", "GURU_NGAJI"];
        string[] notXlsxArgs = ["import", "workers", notXlsx, "--opd", "KESRA", "--category", "GURU_NGAJI"];

        var id = await RunAsync(null, noNikArgs);
        var en = await RunAsync(English, noNikArgs);
        var idJson = await RunAsync(null, [.. noNikArgs, "--json"]);
        var enJson = await RunAsync(English, [.. noNikArgs, "--json"]);

        Assert.Equal((1, 1, 1, 1), (id.Exit, en.Exit, idJson.Exit, enJson.Exit));
        Assert.Contains("Galat: Kolom wajib tidak ditemukan: NIK", id.Err, StringComparison.Ordinal);
        Assert.Contains("Error: Required columns not found: NIK", en.Err, StringComparison.Ordinal);
        Assert.Equal(idJson.Out, enJson.Out);
        Assert.Contains("Kolom wajib tidak ditemukan: NIK", enJson.Out, StringComparison.Ordinal);
        Assert.Equal(en.Err, enJson.Err);

        var badEn = await RunAsync(English, [.. notXlsxArgs, "--json"]);
        var badId = await RunAsync(null, [.. notXlsxArgs, "--json"]);
        Assert.Contains("The file is not a valid Excel .xlsx workbook", badEn.Err, StringComparison.Ordinal);
        Assert.Equal(badId.Out, badEn.Out);
        Assert.Contains("bukan lembar kerja Excel .xlsx yang sah", badEn.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOpd_AndTheJsonOutputs_InBothLanguages()
    {
        Assert.Equal(0, (await RunAsync(null, "seed")).Exit);
        var csv = Path.Combine(dir, "guru.csv");
        await File.WriteAllTextAsync(csv, "NIK,Nama,Tgl Lahir,JK\n1609014708850001,Siti Nurhayati,07/08/1985,P\n160901470885000,Pendek,,\n");

        var id = await RunAsync(null, "import", "workers", csv, "--opd", "TIDAKADA");
        var en = await RunAsync(English, "import", "workers", csv, "--opd", "TIDAKADA");

        Assert.Equal((2, 2), (id.Exit, en.Exit));
        Assert.Contains("Galat: OPD TIDAKADA tidak ada di tenant 16.09.", id.Err, StringComparison.Ordinal);
        Assert.Contains("Error: OPD TIDAKADA does not exist in tenant 16.09.", en.Err, StringComparison.Ordinal);

        // --json output is one and the same object whatever the language, for results and for errors.
        string[][] commands =
        [
            ["import", "workers", csv, "--opd", "TIDAKADA", "--json"],
            ["import", "workers", csv, "--opd", "KESRA", "--category", "GURU_NGAJI", "--dry-run", "--json"],
            ["tenant", "list", "--json"],
            ["coverage", "--by", "opd", "--json"],
            ["bill", "--period", "2025-06", "--json"],
            ["iuran", "pu", "--wage", "2000000", "--risk", "1", "--programs", "jkk,jkm,jht,jp", "--date", "2025-06-01", "--json"],
            ["budget", "--from", "2030", "--to", "2027", "--json"],
        ];
        foreach (var command in commands)
        {
            var a = await RunAsync(null, command);
            var b = await RunAsync(English, command);
            Assert.Equal(a.Exit, b.Exit);
            Assert.False(string.IsNullOrWhiteSpace(a.Out), string.Join(' ', command));
            Assert.Equal(a.Out, b.Out);
        }

        // The human summary of the same dry run differs only in language.
        var idText = await RunAsync(null, "import", "workers", csv, "--opd", "KESRA", "--category", "GURU_NGAJI", "--dry-run");
        var enText = await RunAsync(English, "import", "workers", csv, "--opd", "KESRA", "--category", "GURU_NGAJI", "--dry-run");
        Assert.StartsWith("2 baris dibaca: 1 diterima (uji, tidak disimpan), 0 tidak berubah, 1 ditolak", idText.Out, StringComparison.Ordinal);
        Assert.StartsWith("Rows read: 2; accepted 1 (test, not saved), unchanged 0, rejected 1", enText.Out, StringComparison.Ordinal);
        Assert.Contains("  galat nik.length: 1", idText.Out, StringComparison.Ordinal);
        Assert.Contains("  error nik.length: 1", enText.Out, StringComparison.Ordinal);
        Assert.Contains("Impor: 100%", idText.Err, StringComparison.Ordinal);
        Assert.Contains("Import: 100%", enText.Err, StringComparison.Ordinal);
    }

    // ---- no human text in the code ----

    /// <summary>Literals that look like text but are data or machine-readable, per file; each must still be found.</summary>
    private static readonly (string File, string Literal, string Why)[] Allowed =
    [
        ("GlobalOptions.cs", "sqlite | postgres", "the values --provider accepts"),
        ("IuranCommand.cs", "jkk,jkm,jht,jp", "the program codes --programs accepts (PU)"),
        ("IuranCommand.cs", "jkk,jkm,jht", "the program codes --programs accepts (BPU)"),
        ("CliHost.cs", "Data Source=", "a connection string keyword"),
        ("BpjsCommand.cs", "csv", "a format compared; RegistrationExport.WriteAsync writes a file, not text"),
        ("BackupCommands.cs", ";  byte; basis data: ", "the audit detail stored with the backup (data, not the command's output)"),
        ("BackupCommands.cs", "tidak (PostgreSQL)", "the same audit detail"),
        ("BackupCommands.cs", "; cadangan dibuat  UTC", "the audit detail stored with a restore"),
    ];

    [Fact]
    public void CliSource_WritesNoHumanTextLiteral()
    {
        // CliText.cs is where the texts are fetched: its literals are culture names, the resource name and a bug's message.
        var files = Directory.GetFiles(CliSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "CliText.cs")
            .ToList();
        Assert.True(files.Count >= 15, $"only {files.Count} source files found under {CliSource}");

        var findings = new List<string>();
        var used = new HashSet<(string, string)>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            foreach (var finding in Scan(File.ReadAllText(file)))
            {
                if (Allowed.Any(a => a.File == name && a.Literal == finding.Literal))
                {
                    used.Add((name, finding.Literal));
                }
                else
                {
                    findings.Add($"{name}:{finding.Line}: \"{finding.Literal}\" ({finding.Rule})");
                }
            }
        }

        Assert.True(findings.Count == 0, "Human text in src/Lindung.Cli; move it to Resources/CliText.resx:\n" + string.Join('\n', findings));
        var stale = Allowed.Where(a => !used.Contains((a.File, a.Literal))).Select(a => $"{a.File}: \"{a.Literal}\"").ToList();
        Assert.True(stale.Count == 0, "Allowed literals no longer in the code; remove them from the list:\n" + string.Join('\n', stale));
    }

    [Theory]
    [InlineData("o.WriteLine(\"Selesai.\");", "written")]
    [InlineData("await io.Err.WriteLineAsync($\"Tanggal tidak sah: {text}.\");", "written")]
    [InlineData("o.WriteLine($\"{n} baris\");", "written")]
    [InlineData("o.WriteLine(dry ? \"uji\" : x);", "written")]
    [InlineData("o.WriteLine($\"{a}{(dry ? \"uji\" : \"\")}\");", "written")]
    [InlineData("o.WriteLine(CliText.Summary(rows, dry ? \"uji\" : \"\"));", "written")]
    [InlineData("err.Write(string.Create(CultureInfo.InvariantCulture, $\"\\r{label} Selesai\"));", "written")]
    [InlineData("Console.Error.Write(\"x\");", "written")]
    [InlineData("var p = io.Progress(\"Wilayah\");", "written")]
    [InlineData("return await io.FailAsync(parse, 1, CliMessage.Verbatim(\"Gagal\"));", "written")]
    [InlineData("var c = new Command(\"seed\", \"Muat data induk\");", "written")]
    [InlineData("var r = new RootCommand(\"Lindung\");", "written")]
    [InlineData("var o = new Option<bool>(\"--demo\") { Description = \"Demo\" };", "description")]
    [InlineData("var o = new Option<bool>(\"--demo\") { Required = true, Description = x ? \"Demo\" : \"\" };", "description")]
    [InlineData("command.Description = @\"Impor\";", "description")]
    [InlineData("return (null, \"Kedua frasa sandi tidak sama.\");", "sentence")]
    public void Scanner_FindsHumanText(string code, string rule) =>
        Assert.Equal(rule, Assert.Single(Scan(code)).Rule);

    [Theory]
    [InlineData("o.WriteLine(CliText.SeeHelp);")]
    [InlineData("o.WriteLine(\"  \" + CliText.IuranNotice(n));")]
    [InlineData("o.WriteLine($\"  {a.Role,-14} {a.UserName,-14} {a.Password}\");")]
    [InlineData("err.WriteLine(string.Create(CultureInfo.InvariantCulture, $\"\\r{label}: {percent,3}%\\n\"));")]
    [InlineData("o.WriteLine($\"{(frozen ? \"\" : \" \")}{x:yyyy-MM-dd}\");")]
    [InlineData("var c = new Command(\"seed\", CliText.SeedDescription) { demo };")]
    [InlineData("var o = new Option<bool>(\"--demo\") { Description = CliText.SeedDemo, Recursive = true };")]
    [InlineData("var k = config[\"Lindung:NikKey\"]; var f = \"yyyy-MM\"; var j = new { activeSource = \"bpjs\" };")]
    [InlineData("// o.WriteLine(\"in a comment\");\n/* \"Selesai sekarang\" */ /// <c>\"dua kata\"</c>")]
    [InlineData("var q = '\"'; var b = '{'; o.WriteLine(CliText.X);")]
    public void Scanner_LeavesCodeAlone(string code) => Assert.Empty(Scan(code));

    private sealed record Finding(int Line, string Literal, string Rule);

    private sealed record Literal(int Start, string Text);

    /// <summary>Literals with letters that are written, passed as a description, or read like a sentence.</summary>
    private static List<Finding> Scan(string source)
    {
        var skeleton = source.ToCharArray();
        var literals = new List<Literal>();
        ScanCode(source, 0, skeleton, literals, insideHole: false);
        var code = new string(skeleton);
        var findings = new List<Finding>();
        foreach (var literal in literals.Where(l => l.Text.Any(char.IsLetter)))
        {
            var rule = WrittenBy(code, literal.Start) ? "written"
                : IsDescription(code, literal.Start) ? "description"
                : literal.Text.Any(char.IsWhiteSpace) ? "sentence"
                : null;
            if (rule is not null)
            {
                findings.Add(new Finding(source.AsSpan(0, literal.Start).Count('\n') + 1, literal.Text, rule));
            }
        }

        return findings;
    }

    /// <summary>Methods whose arguments a person reads; <c>Command</c> from its second argument (the first is the name).</summary>
    private static readonly HashSet<string> Sinks =
        ["Write", "WriteLine", "WriteAsync", "WriteLineAsync", "Progress", "FailAsync", "Verbatim", "ReadHidden", "RootCommand", "base"];

    private static bool WrittenBy(string code, int position)
    {
        foreach (var (open, callee) in EnclosingCalls(code, position))
        {
            if (Sinks.Contains(callee) || (callee == "Command" && ArgumentIndex(code, open, position) >= 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDescription(string code, int position)
    {
        // The expression the literal is part of: back to the nearest ',' or ';' or opening bracket at its own level.
        var depth = 0;
        var start = position - 1;
        for (; start >= 0; start--)
        {
            var c = code[start];
            if (c is ')' or ']' or '}')
            {
                depth++;
            }
            else if (c is '(' or '[' or '{')
            {
                if (depth-- == 0)
                {
                    break;
                }
            }
            else if (depth == 0 && c is ',' or ';')
            {
                break;
            }
        }

        return DescriptionAssignment().IsMatch(code[(start + 1)..position]);
    }

    /// <summary>The calls around a position, innermost first: the '(' and the name before it (generic arguments skipped).</summary>
    private static IEnumerable<(int Open, string Callee)> EnclosingCalls(string code, int position)
    {
        var depth = 0;
        for (var i = position - 1; i >= 0; i--)
        {
            var c = code[i];
            if (c is ')' or ']' or '}')
            {
                depth++;
            }
            else if (c is '(' or '[' or '{')
            {
                if (depth > 0)
                {
                    depth--;
                    continue;
                }

                if (c == '(' && CalleeBefore(code, i) is { Length: > 0 } callee)
                {
                    yield return (i, callee);
                }
            }
        }
    }

    private static string CalleeBefore(string code, int open)
    {
        var end = open;
        while (end > 0 && char.IsWhiteSpace(code[end - 1]))
        {
            end--;
        }

        if (end > 0 && code[end - 1] == '>')
        {
            for (var angle = 0; end > 0; end--)
            {
                angle += code[end - 1] switch { '>' => 1, '<' => -1, _ => 0 };
                if (angle == 0)
                {
                    end--;
                    break;
                }
            }
        }

        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        return code[start..end];
    }

    private static int ArgumentIndex(string code, int open, int position)
    {
        var (index, depth) = (0, 0);
        for (var i = open + 1; i < position; i++)
        {
            var c = code[i];
            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            if (depth == 0 && c == ',')
            {
                index++;
            }
        }

        return index;
    }

    /// <summary>
    /// Collects the string literals of C# code (their text without interpolation holes; literals inside holes on their
    /// own) and blanks comments and literal text in <paramref name="skeleton"/>, so that brackets can be counted.
    /// </summary>
    private static int ScanCode(string s, int i, char[] skeleton, List<Literal> found, bool insideHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                var end = s.IndexOf('\n', i) is var n and >= 0 ? n : s.Length;
                Blank(skeleton, i, end);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                Blank(skeleton, i, end);
                i = end;
            }
            else if (c == '\'')
            {
                var end = i + 1 + (next == '\\' ? 2 : 1);
                while (s[end] != '\'')
                {
                    end++;
                }

                Blank(skeleton, i, end + 1);
                i = end + 1;
            }
            else if (c == '"' || (c is '@' or '$' && StringStarts(s, i)))
            {
                i = ScanString(s, i, skeleton, found);
            }
            else
            {
                if (insideHole && c == '{')
                {
                    depth++;
                }
                else if (insideHole && c == '}' && depth-- == 0)
                {
                    return i;
                }

                i++;
            }
        }

        return i;
    }

    private static bool StringStarts(string s, int i)
    {
        var j = i;
        while (j < s.Length && s[j] is '@' or '$')
        {
            j++;
        }

        return j > i && j < s.Length && s[j] == '"';
    }

    private static int ScanString(string s, int start, char[] skeleton, List<Literal> found)
    {
        var literalStart = start;
        var i = start;
        var (verbatim, interpolated) = (false, false);
        for (; s[i] != '"'; i++)
        {
            verbatim |= s[i] == '@';
            interpolated |= s[i] == '$';
        }

        if (s.AsSpan(i).StartsWith("\"\"\"") && !verbatim)
        {
            throw new NotSupportedException("A raw string literal: the scanner does not read them; extend it.");
        }

        i++;
        var text = new StringBuilder();
        while (true)
        {
            var c = s[i];
            if (c == '"' && verbatim && s[i + 1] == '"')
            {
                text.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                i++;
                break;
            }
            else if (c == '\\' && !verbatim)
            {
                i = Escape(s, i, text);
            }
            else if (interpolated && c == '{' && s[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
            }
            else if (interpolated && c == '}' && s[i + 1] == '}')
            {
                text.Append('}');
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                Blank(skeleton, start, i + 1);
                i = ScanCode(s, i + 1, skeleton, found, insideHole: true) + 1;
                start = i - 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        Blank(skeleton, start, i);
        found.Add(new Literal(literalStart, text.ToString()));
        return i;
    }

    private static int Escape(string s, int i, StringBuilder text)
    {
        var e = s[i + 1];
        if (e == 'u')
        {
            text.Append((char)Convert.ToInt32(s.Substring(i + 2, 4), 16));
            return i + 6;
        }

        if (e == 'x')
        {
            var end = i + 2;
            while (end < s.Length && end < i + 6 && Uri.IsHexDigit(s[end]))
            {
                end++;
            }

            text.Append((char)Convert.ToInt32(s[(i + 2)..end], 16));
            return end;
        }

        text.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', _ => e });
        return i + 2;
    }

    private static void Blank(char[] skeleton, int from, int to)
    {
        for (var i = from; i < to && i < skeleton.Length; i++)
        {
            if (skeleton[i] != '\n')
            {
                skeleton[i] = ' ';
            }
        }
    }

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"(?:^|[\s.])Description\s*=(?!=)")]
    private static partial Regex DescriptionAssignment();
}
