using System.CommandLine;

namespace Lindung.Cli;

/// <summary>Options every command accepts (placed before or after the command name).</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Cetak tepat satu objek JSON di stdout",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Berkas SQLite atau connection string PostgreSQL (bawaan: data/lindung.db)",
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "sqlite | postgres",
        Recursive = true,
    };

    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Direktori data (bawaan: data di direktori saat ini)",
        Recursive = true,
    };

    public static readonly Option<string?> Tenant = new("--tenant")
    {
        Description = "Kode kabupaten Kemendagri, mis. 16.09 (bawaan: yang dikonfigurasi, atau satu-satunya)",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Json, Db, Provider, DataDir, Tenant];
}
