using System.Security.Cryptography;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

/// <summary>What SQLite plans for a query, and the synthetic people the plan tests write in bulk.</summary>
internal static class SqlitePlans
{
    /// <summary>SQLite's plan of <paramref name="sql"/> (a statement with its values in place), steps joined by " | ".</summary>
    public static async Task<string> OfAsync(LindungDbContext ctx, string sql)
    {
        await ctx.Database.OpenConnectionAsync();
        await using var cmd = ctx.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }

    /// <summary>EF's <c>ToQueryString</c> text as one statement: its ".param set @p 'value'" lines put in place.</summary>
    public static string Inline(string efSql)
    {
        var lines = efSql.Split('\n');
        var values = lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal))
            .Select(l => l[".param set ".Length..].Split(' ', 2))
            .ToDictionary(p => p[0], p => p[1].TrimEnd('\r'));
        var statement = string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
        {
            statement = statement.Replace(name, value, StringComparison.Ordinal);
        }

        return statement;
    }

    /// <summary>The <paramref name="i"/>-th synthetic person of tenant 16.09 (random NIK hash and cipher, never a real NIK).</summary>
    public static Person Person(int i) => new()
    {
        TenantCode = "16.09",
        NikHash = RandomNumberGenerator.GetBytes(32),
        NikCipher = RandomNumberGenerator.GetBytes(44),
        NikMasked = "1609********" + (i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        FullName = "Orang " + i,
        NameKey = "ORANG " + i,
        BirthDate = new DateOnly(1980, 1, 1).AddDays(i % 9_000),
        Sex = i % 2 == 0 ? 'L' : 'P',
    };
}
