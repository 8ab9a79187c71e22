namespace Lindung.Core.Bpjs;

/// <summary>
/// BPJS's participation-type code of a vulnerable worker (reference §2.3, BPJS TK "908 – PROBIS KEPESERTAAN" p. 67):
/// the worker category's code (SG for the regency's own groups, set per category by an Administrator) unless the
/// engagement's funding source names another wadah: APBDes → SD (Pekerja Rentan Desa APBDes), CSR → SC (Korporasi),
/// bank → SB (Perbankan). Categories without a code (PU workers, DPRD …) get none. SA (desa, APBD) and SL (desa, other
/// funding) need to know that a village is the employer, which the registry does not record: they are set on a
/// category of their own if a regency uses them (docs/bpjs.md).
/// </summary>
public static class ParticipationCodes
{
    /// <summary>Funding source (as typed, case and spaces ignored) → the code it implies for a vulnerable worker.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByFunding = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["APBDes"] = "SD",
        ["ADD"] = "SD",
        ["CSR"] = "SC",
        ["Perbankan"] = "SB",
        ["Bank"] = "SB",
    };

    public static string? For(string? categoryCode, string? fundingSource) =>
        categoryCode is not { Length: > 0 } ? null
        : fundingSource is { Length: > 0 } f && ByFunding.TryGetValue(f.Replace(" ", "", StringComparison.Ordinal), out var code) ? code
        : categoryCode;
}
