using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Import;

/// <summary>
/// Issue 7: several OPDs upload at the same moment and nothing is lost. Six operators import at once, each a file of
/// their own people plus people another OPD sends too (the conflict queue's case). Every import succeeds, every
/// person exists once, every row is either an engagement of its OPD or a conflict — on SQLite and PostgreSQL.
/// </summary>
public class ConcurrentImportTests
{
    private static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));
    private static readonly string[] Opds = ["DLH", "BPBD", "KESRA", "DINKES", "DISDIK", "PUPR"];
    private const int OwnPeople = 150;
    private const int SharedPeople = 20;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SixOpdsUploadAtOnce_NothingIsLost_SharedPeopleBecomeConflicts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var seed = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(seed, "16.09");
        }

        // OPD k sends its own people and the shared people of pair (k, k+1 mod 6): each shared NIK comes from two OPDs.
        var files = Opds.Select((opd, k) => Csv(Enumerable.Range(0, OwnPeople).Select(i => 1000 + k * OwnPeople + i)
            .Concat(Enumerable.Range(0, SharedPeople).Select(i => 5000 + k * SharedPeople + i))
            .Concat(Enumerable.Range(0, SharedPeople).Select(i => 5000 + ((k + Opds.Length - 1) % Opds.Length) * SharedPeople + i)))).ToList();

        using var start = new SemaphoreSlim(0, Opds.Length);
        var imports = Opds.Select((opd, k) => Task.Run(async () =>
        {
            await using var ctx = db.Context("16.09", user: "operator." + opd.ToLowerInvariant());
            var agency = await ctx.Agencies.SingleAsync(a => a.Code == opd);
            var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "NONASN");
            await start.WaitAsync();
            return await new WorkerImporter(ctx, Protector, SpreadsheetLimits.Default).RunAsync(new MemoryStream(files[k]),
                new WorkerImportRequest(agency.Id, category.Id, "2025-04", false, $"pekerja-{opd}.csv"));
        })).ToList();
        start.Release(Opds.Length);
        var reports = await Task.WhenAll(imports);

        Assert.All(reports, r => Assert.Equal((OwnPeople + 2 * SharedPeople, 0), (r.Rows, r.Rejected)));
        await using var check = db.Context("16.09");
        Assert.Equal(Opds.Length * (OwnPeople + SharedPeople), await check.People.CountAsync());
        Assert.Equal(Opds.Length * (OwnPeople + 2 * SharedPeople), await check.Engagements.CountAsync());
        Assert.Equal(Opds.Length, await check.Submissions.CountAsync());
        // Each shared person: the OPD that came second gets a conflict to decide, whichever that was.
        Assert.Equal(Opds.Length * SharedPeople, await check.RegistryConflicts.CountAsync());
        Assert.Equal(Opds.Length * SharedPeople, reports.Sum(r => r.Conflicts));
        foreach (var (opd, k) in Opds.Select((o, k) => (o, k)))
        {
            Assert.Equal(OwnPeople + 2 * SharedPeople, await check.Engagements.CountAsync(e => e.Agency!.Code == opd));
        }
    }

    /// <summary>A valid synthetic NIK per number: Muara Dua (16.09.01), born 1985, serial = the number.</summary>
    public static string NikOf(int n) => string.Create(CultureInfo.InvariantCulture,
        $"160901{n % 28 + 1:D2}{n % 12 + 1:D2}85{n:D4}");

    /// <summary>A name of letters only (names with digits are refused): the number written in letters a–z.</summary>
    public static string NameOf(int n)
    {
        var sb = new StringBuilder("Pekerja ");
        for (var x = n; x > 0; x /= 26)
        {
            sb.Append((char)('a' + x % 26));
        }

        return sb.ToString();
    }

    private static byte[] Csv(IEnumerable<int> people)
    {
        var sb = new StringBuilder("NIK;Nama;JK\n");
        foreach (var n in people)
        {
            sb.Append(NikOf(n)).Append(';').Append(NameOf(n)).Append(";L\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
