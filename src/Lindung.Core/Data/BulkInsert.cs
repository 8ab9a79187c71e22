using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lindung.Core.Data;

/// <summary>
/// Inserts many rows of an entity with each provider's native fast path (PRODUCT §9): one prepared INSERT
/// reused in the caller's transaction on SQLite, stepped on the connection's own handle (<see cref="SqliteNativeInsert"/>),
/// binary COPY on PostgreSQL. Columns, names and value
/// conversions come from the EF model and its type mappings, so rows are stored exactly as SaveChanges would
/// store them. Stamps and the tenant are the caller's job; audit is written by the caller per batch.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(LindungDbContext db, IEnumerable<T> rows, CancellationToken ct = default)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: CachedGetter(p), Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var conn = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the caller's transaction.");

        if (conn is NpgsqlConnection pg)
        {
            var columnList = string.Join(", ", columns.Select(c => Quote(c.Column)));
            await using var copy = await pg.BeginBinaryImportAsync(
                $"COPY {Quote(table.Name)} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var (property, _, mapping) in columns)
                {
                    var value = ToProvider(property, mapping, row);
                    if (value is null)
                    {
                        await copy.WriteNullAsync(ct);
                    }
                    else
                    {
                        await copy.WriteAsync(value, PostgresTypeName(mapping.StoreType), ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
            return;
        }

        var insert = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Column)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        if (conn is Microsoft.Data.Sqlite.SqliteConnection sqlite && NativeKinds(columns.Select(c => c.Mapping)) is { } kinds)
        {
            // Synchronous on purpose: SQLite has no real async I/O, and a Task per row costs more than the insert.
            using var native = SqliteNativeInsert.Prepare(sqlite, insert, kinds);
            var binders = entity.GetProperties().Select(CachedBinder).ToArray();
            foreach (var row in rows)
            {
                native.Insert(row, binders);
            }

            return;
        }

        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = insert;
        var parameters = Parameters(cmd, columns.Select(c => c.Mapping));
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ToProvider(columns[i].Property, columns[i].Mapping, row) ?? DBNull.Value;
            }

            // Synchronous on purpose: SQLite has no real async I/O, and a Task per row costs more than the insert.
            cmd.ExecuteNonQuery();
        }

        await Task.CompletedTask;
    }

    /// <summary>How each column is bound on SQLite's own handle, or null when one of them is of a type only the
    /// command path writes (or SQLitePCLRaw runs on another native library): then every row goes through the command.</summary>
    private static SqliteNativeInsert.Kind[]? NativeKinds(IEnumerable<RelationalTypeMapping> mappings)
    {
        if (!SqliteNativeInsert.Usable)
        {
            return null;
        }

        var kinds = new List<SqliteNativeInsert.Kind>();
        foreach (var mapping in mappings)
        {
            if (SqliteNativeInsert.KindOf(mapping.Converter?.ProviderClrType ?? mapping.ClrType) is not { } kind)
            {
                return null;
            }

            kinds.Add(kind);
        }

        return [.. kinds];
    }

    /// <summary>Whether rows of <typeparamref name="T"/> are written on SQLite's own handle (for the tests: the import's
    /// entities must not fall back to the command path unnoticed).</summary>
    internal static bool WritesNatively<T>(LindungDbContext db) where T : class =>
        NativeKinds(db.Model.FindEntityType(typeof(T))!.GetProperties().Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())) is not null;

    private static object? ToProvider(ColumnGetter column, RelationalTypeMapping mapping, object row)
    {
        var value = column.Get(row);
        return value is null ? null : column.Converter is { } c ? c(value) : value;
    }

    /// <summary>Each property's compiled read, compiled once: the worker import calls <see cref="InsertAsync{T}"/> per batch of
    /// 5,000 rows, and compiling ≈ 40 expressions per batch cost ≈ 10,000 compilations and their JIT per million workers.
    /// Weak keys: a model that is let go takes its getters with it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IProperty, ColumnGetter> Getters = new();

    /// <summary>The compiled read of a property (for the tests: compiled once, whichever context asks).</summary>
    internal static object GetterOf(IProperty property) => CachedGetter(property);

    private static ColumnGetter CachedGetter(IProperty property) => Getters.GetValue(property, Getter);

    /// <summary>A compiled property read and the provider conversion: no reflection per row.</summary>
    private sealed record ColumnGetter(Func<object, object?> Get, Func<object?, object?>? Converter);

    private static ColumnGetter Getter(IProperty property)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(object));
        var read = System.Linq.Expressions.Expression.Property(
            System.Linq.Expressions.Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!);
        var get = System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(
            System.Linq.Expressions.Expression.Convert(read, typeof(object)), row).Compile();
        var converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
        return new ColumnGetter(get, converter?.ConvertToProvider);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IProperty, SqliteNativeInsert.ColumnBinder> Binders = new();

    private static SqliteNativeInsert.ColumnBinder CachedBinder(IProperty property) => Binders.GetValue(property, NativeBinder);

    /// <summary>The compiled bind of a property (for the tests: compiled once, whichever context asks).</summary>
    internal static object BinderOf(IProperty property) => CachedBinder(property);

    /// <summary>
    /// A property's compiled bind on SQLite's own handle: read typed, converted by the EF model's converter (inlined), bound
    /// by the provider type's own method — no value boxed. A GUID stored by <see cref="GuidBlob"/> is bound from the stack
    /// (its converter would make a 16-byte array per value). NULL for a null value, which no converter sees (as EF does).
    /// </summary>
    private static SqliteNativeInsert.ColumnBinder NativeBinder(IProperty property)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(object), "row");
        var insert = System.Linq.Expressions.Expression.Parameter(typeof(SqliteNativeInsert), "insert");
        var index = System.Linq.Expressions.Expression.Parameter(typeof(int), "index");
        var read = System.Linq.Expressions.Expression.Property(
            System.Linq.Expressions.Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!);
        var converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
        var body = BindExpression(read, converter, insert, index);
        return System.Linq.Expressions.Expression.Lambda<SqliteNativeInsert.ColumnBinder>(body, row, insert, index).Compile();
    }

    private static System.Linq.Expressions.Expression BindExpression(System.Linq.Expressions.Expression value,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter,
        System.Linq.Expressions.ParameterExpression insert, System.Linq.Expressions.ParameterExpression index)
    {
        var canBeNull = !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null;
        if (canBeNull)
        {
            // Read once into a local; null binds NULL, anything else its non-null value.
            var local = System.Linq.Expressions.Expression.Variable(value.Type, "value");
            var nonNull = Nullable.GetUnderlyingType(value.Type) is not null
                ? System.Linq.Expressions.Expression.Property(local, "Value")
                : (System.Linq.Expressions.Expression)local;
            return System.Linq.Expressions.Expression.Block([local],
                System.Linq.Expressions.Expression.Assign(local, value),
                System.Linq.Expressions.Expression.IfThenElse(
                    System.Linq.Expressions.Expression.Equal(local, System.Linq.Expressions.Expression.Constant(null, value.Type)),
                    Call(insert, nameof(SqliteNativeInsert.BindNull), index),
                    BindNonNull(nonNull, converter, insert, index)));
        }

        return BindNonNull(value, converter, insert, index);
    }

    private static System.Linq.Expressions.Expression BindNonNull(System.Linq.Expressions.Expression value,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter,
        System.Linq.Expressions.ParameterExpression insert, System.Linq.Expressions.ParameterExpression index)
    {
        if (converter is GuidBlob.Converter && value.Type == typeof(Guid))
        {
            return Call(insert, nameof(SqliteNativeInsert.BindGuid), index, value);
        }

        if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            var input = convert.Parameters[0].Type;
            var converted = System.Linq.Expressions.Expression.Invoke(convert,
                value.Type == input ? value : System.Linq.Expressions.Expression.Convert(value, input));
            // A provider value that may itself be null (a reference, or a nullable) is checked again.
            return BindExpression(converted, null, insert, index);
        }

        // The same kinds the boxed path binds (SqliteNativeInsert.KindOf / BindOf), each through its typed method.
        var kind = SqliteNativeInsert.KindOf(value.Type) ?? throw new InvalidOperationException($"No native binding for {value.Type}.");
        var (method, parameter) = SqliteNativeInsert.BindOf(kind);
        return Call(insert, method, index, value.Type == parameter ? value : System.Linq.Expressions.Expression.Convert(value, parameter));
    }

    private static System.Linq.Expressions.MethodCallExpression Call(System.Linq.Expressions.ParameterExpression insert, string method,
        params System.Linq.Expressions.Expression[] arguments) =>
        System.Linq.Expressions.Expression.Call(insert, typeof(SqliteNativeInsert).GetMethod(method,
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!, arguments);

    /// <summary>One parameter per column (<c>$p0</c>, <c>$p1</c> …) typed by the EF mapping, added to the command, which is then prepared.</summary>
    internal static DbParameter[] Parameters(DbCommand cmd, IEnumerable<RelationalTypeMapping> mappings)
    {
        var parameters = mappings.Select((mapping, i) =>
        {
            var p = mapping.CreateParameter(cmd, "$p" + i, null, nullable: true);
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        cmd.Prepare();
        return parameters;
    }

    /// <summary>"character varying(13)" → "character varying": Npgsql's data type names carry no modifiers.</summary>
    internal static string PostgresTypeName(string storeType)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? storeType : storeType[..paren].TrimEnd();
    }

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
