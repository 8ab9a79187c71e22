namespace Lindung.Core.MasterData;

/// <summary>
/// One Kemendagri administrative code: province (<c>16</c>), regency (<c>16.09</c>), kecamatan
/// (<c>16.09.01</c>) or desa/kelurahan (<c>16.09.01.2002</c>). National, shared by every tenant.
/// </summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }

    public static RegionLevel LevelOf(string code) => code.Count(c => c == '.') switch
    {
        0 => RegionLevel.Province,
        1 => RegionLevel.Regency,
        2 => RegionLevel.District,
        _ => RegionLevel.Village,
    };

    public static string? ParentOf(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot < 0 ? null : code[..dot];
    }

    /// <summary>Kelurahan codes use <c>1xxx</c> as the last part; desa use <c>2xxx</c>.</summary>
    public bool IsKelurahan => Level == RegionLevel.Village && Code[^4] == '1';
}

public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}
