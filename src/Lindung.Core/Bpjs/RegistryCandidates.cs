using System.Data.Common;
using System.Globalization;
using System.Text;
using Lindung.Core.Data;
using Lindung.Core.Registry.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lindung.Core.Bpjs;

/// <summary>The registry people the fuzzy fallback may compare a BPJS list's residue with (docs/bpjs.md).</summary>
public static class RegistryCandidates
{
    /// <summary>From this many distinct birth dates on, the tenant's people are read in one pass instead of by date.</summary>
    public const int ScanFromDays = 1500;

    /// <summary>
    /// Everyone born on a day the residue needs (as given or encoded in the NIK, and that day with day and month
    /// swapped), grouped by (birth date, sex). NIKs are decrypted lazily, per candidate, only when the matcher looks at them.
    /// </summary>
    public static async Task<Dictionary<(DateOnly, char), IReadOnlyList<RegistryPerson>>> LoadAsync(LindungDbContext db, NikProtector protector,
        IEnumerable<BpjsPersonRow> residue, MatchSettings matchSettings, CancellationToken ct, int scanFromDays = ScanFromDays)
    {
        var days = new HashSet<DateOnly>();
        foreach (var row in residue)
        {
            if ((row.BirthDate ?? BpjsMatcher.FromNik(BpjsMatcher.Digits(row.Nik))?.BirthDate) is { } day)
            {
                days.Add(day);
                if (matchSettings.TryDayMonthSwap && day.Day <= 12 && day.Day != day.Month)
                {
                    days.Add(new DateOnly(day.Year, day.Day, day.Month));
                }
            }
        }

        var buckets = new Dictionary<(DateOnly, char), List<RegistryPerson>>();
        var tenant = db.CurrentTenantCode ?? throw new InvalidOperationException("Matching needs a tenant.");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (days.Count >= scanFromDays)
            {
                // Most of the registry is wanted (a large list's residue covers nearly every birth date): one pass over
                // the tenant's rows, filtered here. On SQLite without any index — through one, each row is a random read.
                await ReadAsync(db, tenant, [], days, buckets, protector, ct);
            }
            else
            {
                // Index lookups on (tenant, birth date, sex) for up to 500 days per query, not one query per row.
                foreach (var chunk in days.Order().Chunk(500))
                {
                    await ReadAsync(db, tenant, chunk, null, buckets, protector, ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Names prepared now, block by block on every core: a block's profiles then sit together in memory, and the
        // matcher (which bounds each row against a whole block) reads them in order instead of all over the heap.
        var lists = buckets.Values.ToArray();
        Parallel.For(0, lists.Length, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = lists.Length < 64 ? 1 : -1 }, i =>
        {
            foreach (var person in lists[i])
            {
                _ = person.NameProfile;
            }
        });
        return buckets.ToDictionary(b => b.Key, b => (IReadOnlyList<RegistryPerson>)b.Value);
    }

    /// <summary>
    /// One query, read with the plain data reader (no EF materialisation: a million rows cost seconds through EF).
    /// Either the given days (index lookups) or, with <paramref name="keep"/>, every row of the tenant filtered by day.
    /// An erased person (Privacy/PersonalDataEraser) has no name or NIK left to match on: not even loaded.
    /// </summary>
    private static async Task ReadAsync(LindungDbContext db, string tenant, DateOnly[] days, HashSet<DateOnly>? keep,
        Dictionary<(DateOnly, char), List<RegistryPerson>> buckets, NikProtector protector, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder("SELECT \"Id\", \"NikCipher\", \"FullName\", \"BirthDate\", \"Sex\" FROM \"People\"");
        sql.Append(keep is not null && !db.IsPostgres ? " NOT INDEXED" : "").Append(" WHERE \"TenantCode\" = @tenant AND \"ErasedAt\" IS NULL");
        Add(cmd, "@tenant", tenant);
        if (keep is null)
        {
            sql.Append(" AND \"BirthDate\" IN (");
            for (var i = 0; i < days.Length; i++)
            {
                sql.Append(i == 0 ? "@d" : ", @d").Append(i.ToString(CultureInfo.InvariantCulture));
                Add(cmd, "@d" + i.ToString(CultureInfo.InvariantCulture), days[i]);
            }

            sql.Append(')');
        }

        cmd.CommandText = sql.ToString();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var birth = reader.GetFieldValue<DateOnly>(3);
            if (keep is not null && !keep.Contains(birth))
            {
                continue;
            }

            var sex = reader.GetString(4)[0];
            if (!buckets.TryGetValue((birth, sex), out var list))
            {
                buckets[(birth, sex)] = list = [];
            }

            list.Add(new RegistryPerson(reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), protector, reader.GetString(2), birth, sex));
        }
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
