using Lindung.Core.Registry.Protection;

namespace Lindung.Core.Registry;

/// <summary>The validated facts of a new person; <see cref="ToPerson"/> protects the NIK on the way in.</summary>
public sealed record NewPerson(
    string Nik,
    string FullName,
    DateOnly BirthDate,
    char Sex,
    string? BirthPlace = null,
    string? FrontTitle = null,
    string? BackTitle = null,
    string? Address = null,
    string? DistrictCode = null,
    string? VillageCode = null,
    string? Phone = null)
{
    public Person ToPerson(NikProtector protector) => ToPerson(protector, protector.Hash(Nik));

    /// <summary>With the NIK's hash already computed (the import hashes every row once for deduplication).</summary>
    public Person ToPerson(NikProtector protector, byte[] nikHash) => new()
    {
        NikHash = nikHash,
        NikCipher = protector.Encrypt(Nik),
        NikMasked = NikProtector.Mask(Nik),
        NikRegionCode = Nik.Length == 16 ? $"{Nik[..2]}.{Nik[2..4]}.{Nik[4..6]}" : null,
        FullName = FullName,
        FrontTitle = FrontTitle,
        BackTitle = BackTitle,
        NameKey = NameKeys.For(FullName),
        BirthPlace = BirthPlace,
        BirthDate = BirthDate,
        Sex = Sex,
        Address = Address,
        DistrictCode = DistrictCode,
        VillageCode = VillageCode,
        Phone = Phone,
    };
}
