using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lindung.Core.Data;

/// <summary>
/// Runs a command (often EF's own SQL from <c>CreateDbCommand</c>: tenant filter and value conversions included) with the
/// plain data reader — a million rows through EF's materialiser cost seconds. Either on a SQLite connection of its own
/// (<c>own</c>: readers side by side, one per core; they see the committed database) or on the context's connection, in
/// its transaction if any.
/// </summary>
public static class PlainReader
{
    public static async Task ReadAsync(LindungDbContext db, DbCommand command, bool own, Func<DbDataReader, CancellationToken, Task> read,
        CancellationToken ct)
    {
        if (!own)
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                await read(reader, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        command.Connection = connection;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await read(reader, ct);
        }

        command.Connection = null;
    }
}
