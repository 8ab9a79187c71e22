using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lindung.Core.Data;

/// <summary>
/// Sets a few columns of many existing rows, found by primary key, with each provider's fast path: one prepared
/// UPDATE reused in the caller's transaction on SQLite; binary COPY into a temporary table and a single
/// UPDATE … FROM on PostgreSQL (one statement per row would be a network round trip each). Columns and value
/// conversions come from the EF model, so values are stored exactly as SaveChanges would store them. Like
/// <see cref="BulkInsert"/>, stamps, tenant checks and audit events are the caller's job.
/// </summary>
public static class BulkUpdate
{
    /// <summary>Sets <paramref name="properties"/> (in that order in each row's values) of the rows with these keys; returns the rows changed.</summary>
    public static async Task<int> SetAsync<T>(LindungDbContext db, IReadOnlyList<string> properties,
        IEnumerable<(object Key, object?[] Values)> rows, CancellationToken ct = default)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()?.Properties is [var single] ? single
            : throw new InvalidOperationException($"{typeof(T)} needs a single-column primary key for a bulk update.");
        var columns = properties.Select(entity.GetProperty).Prepend(key)
            .Select(p => (Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(),
                Convert: (p.GetValueConverter() ?? p.GetRelationalTypeMapping().Converter)?.ConvertToProvider))
            .ToList();
        var conn = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkUpdate runs inside the caller's transaction.");
        object? Provider(int column, object? value) => value is null ? null : columns[column].Convert is { } c ? c(value) : value;
        var name = BulkInsert.Quote(table.Name);
        var keyColumn = BulkInsert.Quote(columns[0].Column);

        if (conn is NpgsqlConnection pg)
        {
            var temp = BulkInsert.Quote("bulk_update_" + Guid.NewGuid().ToString("N"));
            var list = string.Join(", ", columns.Select(c => BulkInsert.Quote(c.Column)));
            await using (var create = pg.CreateCommand())
            {
                create.CommandText = $"CREATE TEMP TABLE {temp} ON COMMIT DROP AS SELECT {list} FROM {name} WITH NO DATA";
                await create.ExecuteNonQueryAsync(ct);
            }

            await using (var copy = await pg.BeginBinaryImportAsync($"COPY {temp} ({list}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var (rowKey, values) in rows)
                {
                    await copy.StartRowAsync(ct);
                    for (var i = 0; i < columns.Count; i++)
                    {
                        var value = Provider(i, i == 0 ? rowKey : values[i - 1]);
                        if (value is null)
                        {
                            await copy.WriteNullAsync(ct);
                        }
                        else
                        {
                            await copy.WriteAsync(value, BulkInsert.PostgresTypeName(columns[i].Mapping.StoreType), ct);
                        }
                    }
                }

                await copy.CompleteAsync(ct);
            }

            await using var update = pg.CreateCommand();
            var set = string.Join(", ", columns.Skip(1).Select(c => $"{BulkInsert.Quote(c.Column)} = s.{BulkInsert.Quote(c.Column)}"));
            update.CommandText = $"UPDATE {name} AS t SET {set} FROM {temp} AS s WHERE t.{keyColumn} = s.{keyColumn}; DROP TABLE {temp}";
            return await update.ExecuteNonQueryAsync(ct);
        }

        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"UPDATE {name} SET "
            + string.Join(", ", columns.Skip(1).Select((c, i) => $"{BulkInsert.Quote(c.Column)} = $p{i + 1}"))
            + $" WHERE {keyColumn} = $p0";
        var parameters = BulkInsert.Parameters(cmd, columns.Select(c => c.Mapping));
        var changed = 0;
        foreach (var (rowKey, values) in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = Provider(i, i == 0 ? rowKey : values[i - 1]) ?? DBNull.Value;
            }

            // Synchronous on purpose, as in BulkInsert: SQLite has no real async I/O.
            changed += cmd.ExecuteNonQuery();
        }

        return changed;
    }
}
