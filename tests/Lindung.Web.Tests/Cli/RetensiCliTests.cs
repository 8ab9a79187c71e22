using System.Text.Json;
using Lindung.Cli;
using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Cli;

/// <summary><c>lindung retensi jalankan [--dry-run] [--json]</c> in-process against a temporary data directory.</summary>
public sealed class RetensiCliTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "lindung-cli-" + Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LindungCli.RunAsync([.. args, "--data-dir", dir], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private LindungDbContext Context()
    {
        var settings = new DatabaseSettings
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=" + Path.Combine(dir, "lindung.db") + ";Pooling=False",
        };
        var options = new DbContextOptionsBuilder<LindungDbContext>();
        settings.Apply(options);
        return new LindungDbContext(options.Options, new Lindung.Core.Tenancy.FixedActor("16.09", "test"), TimeProvider.System);
    }

    [Fact]
    public async Task RetensiJalankan_DryRunWritesNothing_RunAnonymisesTheDuePerson_AndASecondRunFindsNoOne()
    {
        await RunAsync("seed");
        var workers = Path.Combine(dir, "guru.csv");
        await File.WriteAllTextAsync(workers, "NIK,Nama,Tgl Lahir,JK\n1609014708850001,Siti Nurhayati,07/08/1985,P\n1609011208850002,Ahmad Fauzi,12/08/1985,L\n");
        await RunAsync("import", "workers", workers, "--opd", "KESRA", "--category", "GURU_NGAJI");
        var longAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10);
        Guid siti;
        await using (var ctx = Context())
        {
            siti = await ctx.People.Where(p => p.FullName == "Siti Nurhayati").Select(p => p.Id).SingleAsync();
            await ctx.Engagements.Where(e => e.PersonId == siti)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.StartDate, longAgo.AddYears(-1)).SetProperty(e => e.EndDate, longAgo));
        }

        var dry = await RunAsync("retensi", "jalankan", "--dry-run", "--json");
        var run = await RunAsync("retensi", "jalankan", "--json");
        var again = await RunAsync("retensi", "jalankan", "--json");
        var human = await RunAsync("retensi", "jalankan", "--dry-run");

        Assert.Equal(0, dry.Exit);
        var d = JsonDocument.Parse(dry.Out).RootElement;
        Assert.True(d.GetProperty("dryRun").GetBoolean());
        Assert.Equal(JsonValueKind.Null, d.GetProperty("runId").ValueKind);
        Assert.Equal(1, d.GetProperty("people").GetInt32());
        Assert.False(d.GetProperty("confirmed").GetBoolean());
        Assert.Equal(siti, d.GetProperty("personIds")[0].GetGuid());
        var r = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal((0, 1, 5), (run.Exit, r.GetProperty("people").GetInt32(), r.GetProperty("retentionYears").GetInt32()));
        Assert.Equal(0, JsonDocument.Parse(again.Out).RootElement.GetProperty("people").GetInt32());
        Assert.Contains("perlu konfirmasi", human.Out, StringComparison.Ordinal);
        await using (var ctx = Context())
        {
            Assert.Equal(2, await ctx.RetentionRuns.CountAsync());
            Assert.Equal(r.GetProperty("runId").GetGuid(), (await ctx.RetentionRuns.OrderBy(x => x.RanAt).FirstAsync()).Id);
            Assert.False(await ctx.People.AnyAsync(p => p.FullName == "Siti Nurhayati"));
            Assert.True(await ctx.People.AnyAsync(p => p.FullName == "Ahmad Fauzi" && p.ErasedAt == null));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
