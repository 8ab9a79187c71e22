using System.Data.Common;
using Lindung.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lindung.Core.MasterData;

/// <summary>
/// Loads the national Kemendagri region table (91,599 codes) with each provider's native bulk path:
/// one prepared statement in one transaction on SQLite, binary COPY on PostgreSQL.
/// </summary>
public static class RegionLoader
{
    public static List<Region> ReadEmbedded() =>
        ReferenceFiles.ReadCsv(ReferenceFiles.Regions)
            .Select(r => new Region
            {
                Code = r["kode"],
                Name = r["nama"],
                Level = Region.LevelOf(r["kode"]),
                ParentCode = Region.ParentOf(r["kode"]),
            })
            .ToList();

    /// <summary>Loads the table when it differs in size from the shipped file; otherwise does nothing.</summary>
    /// <returns>The number of rows written (0 when the table was already complete).</returns>
    public static async Task<int> EnsureLoadedAsync(LindungDbContext db, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        var regions = ReadEmbedded();
        var existing = await db.Regions.CountAsync(ct);
        if (existing == regions.Count)
        {
            return 0;
        }

        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await conn.OpenAsync(ct);
        }

        try
        {
            if (conn is NpgsqlConnection pg)
            {
                await LoadPostgresAsync(pg, regions, progress, ct);
            }
            else
            {
                await LoadSqliteAsync((SqliteConnection)conn, regions, progress, ct);
            }
        }
        finally
        {
            if (opened)
            {
                await conn.CloseAsync();
            }
        }

        return regions.Count;
    }

    private static async Task LoadSqliteAsync(SqliteConnection conn, List<Region> regions, IProgress<double>? progress,
        CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, "DELETE FROM \"Regions\"", ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO \"Regions\" (\"Code\", \"Name\", \"Level\", \"ParentCode\") VALUES ($c, $n, $l, $p)";
        var c = cmd.Parameters.Add("$c", SqliteType.Text);
        var n = cmd.Parameters.Add("$n", SqliteType.Text);
        var l = cmd.Parameters.Add("$l", SqliteType.Integer);
        var p = cmd.Parameters.Add("$p", SqliteType.Text);
        cmd.Prepare();
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            c.Value = r.Code;
            n.Value = r.Name;
            l.Value = (int)r.Level;
            p.Value = (object?)r.ParentCode ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
            if (i % 10_000 == 0)
            {
                progress?.Report((double)i / regions.Count);
            }
        }

        await tx.CommitAsync(ct);
        progress?.Report(1);
    }

    private static async Task LoadPostgresAsync(NpgsqlConnection conn, List<Region> regions, IProgress<double>? progress,
        CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, "DELETE FROM \"Regions\"", ct);
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY \"Regions\" (\"Code\", \"Name\", \"Level\", \"ParentCode\") FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < regions.Count; i++)
            {
                var r = regions[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Code, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Name, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((int)r.Level, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                if (r.ParentCode is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(r.ParentCode, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                }

                if (i % 10_000 == 0)
                {
                    progress?.Report((double)i / regions.Count);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await tx.CommitAsync(ct);
        progress?.Report(1);
    }

    private static async Task Exec(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
