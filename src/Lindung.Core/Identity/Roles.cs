namespace Lindung.Core.Identity;

/// <summary>The roles of PRODUCT §2. Role names are stable identifiers; their display names live in resources.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Koordinator = "Koordinator";
    public const string OperatorOpd = "OperatorOpd";
    public const string Keuangan = "Keuangan";
    public const string Perencana = "Perencana";
    public const string Pimpinan = "Pimpinan";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Koordinator, OperatorOpd, Keuangan, Perencana, Pimpinan, Auditor];

    /// <summary>Roles that may reveal a full NIK (an Operator OPD only for its own OPD).</summary>
    public static readonly IReadOnlyList<string> MayRevealNik = [Administrator, Koordinator, Auditor, OperatorOpd];

    /// <summary>Roles that must sign in with a second factor (TOTP); the others may turn it on (issue 7).</summary>
    public static readonly IReadOnlyList<string> RequireSecondFactor = [Administrator, Koordinator, Auditor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Accepts the stable name or a friendly spelling ("operator-opd", "operator").</summary>
    public static string? Parse(string text)
    {
        var key = new string(text.Where(char.IsLetter).ToArray());
        return All.FirstOrDefault(r => string.Equals(r, key, StringComparison.OrdinalIgnoreCase))
            ?? (string.Equals(key, "operator", StringComparison.OrdinalIgnoreCase) ? OperatorOpd : null);
    }
}
