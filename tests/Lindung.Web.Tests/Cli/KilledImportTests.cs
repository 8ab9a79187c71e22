using System.Diagnostics;
using System.Text;
using Lindung.Cli;
using Lindung.Core.Data;
using Lindung.Core.Tests.Data;
using Lindung.Core.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Cli;

/// <summary>
/// Issue 7: an import killed half-way — the <c>lindung</c> process ended with SIGKILL while it was writing — leaves no
/// partial rows, and the same import run again completes. A real child process, on SQLite and PostgreSQL.
/// </summary>
public sealed class KilledImportTests
{
    private const int Rows = 100_000;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportKilledHalfWay_LeavesNothing_AndCanBeRunAgain(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        string[] target = provider == DatabaseProvider.Postgres
            ? ["--data-dir", db.Settings.DataDirectory, "--provider", "postgres", "--db", db.Settings.ConnectionString!]
            : ["--data-dir", db.Settings.DataDirectory];
        Assert.Equal(0, await LindungCli.RunAsync(["seed", .. target], new StringWriter(), new StringWriter()));
        var file = Path.Combine(db.Settings.DataDirectory, "pekerja-besar.csv");
        await WriteFileAsync(file);
        string[] import = ["import", "workers", file, "--opd", "DLH", "--category", "NONASN", .. target];

        // First run: killed once it has passed 50% (two batches of 20,000 rows already written in its transaction).
        var (killedAt, exited) = await RunAndKillAsync(import, percent: 50);
        Assert.True(killedAt >= 50, $"The import finished ({exited}) before it could be killed.");

        await using (var ctx = db.Context("16.09"))
        {
            Assert.Equal((0, 0, 0), (await ctx.People.CountAsync(), await ctx.Engagements.CountAsync(), await ctx.Submissions.CountAsync()));
        }

        // Second run: completes, every row in.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, await LindungCli.RunAsync([.. import, "--json"], stdout, stderr));
        await using var check = db.Context("16.09");
        Assert.Equal(Rows, await check.People.CountAsync());
        Assert.Equal(Rows, await check.Engagements.CountAsync());
        Assert.Equal(1, await check.Submissions.CountAsync());
    }

    private static async Task WriteFileAsync(string path)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("NIK;Nama;JK");
        for (var n = 1; n <= Rows; n++)
        {
            // Serials run 0001–9999 per birth date: spread the rows over dates to keep every NIK distinct and valid.
            var date = n / 9999;
            var serial = n % 9999 + 1;
            var nik = FormattableString.Invariant($"160901{date % 28 + 1:D2}{date / 28 % 12 + 1:D2}{80 + date / 336:D2}{serial:D4}");
            await writer.WriteLineAsync($"{nik};{ConcurrentImportTests.NameOf(n)};L");
        }
    }

    /// <summary>Starts the CLI as its own process and kills it (SIGKILL) once its progress on stderr reaches the percent.</summary>
    private static async Task<(int KilledAt, string Exited)> RunAndKillAsync(string[] args, int percent)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lindung.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var killedAt = -1;
        var seen = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.StartsWith("Impor: ", StringComparison.Ordinal) && int.TryParse(line["Impor: ".Length..].TrimEnd('%'), out var p) && p >= percent)
            {
                process.Kill(entireProcessTree: true);
                killedAt = p;
                break;
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        return (killedAt, seen.ToString());
    }
}
