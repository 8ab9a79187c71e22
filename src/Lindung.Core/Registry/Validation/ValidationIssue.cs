namespace Lindung.Core.Registry.Validation;

/// <summary>An error (the row is rejected) or a warning (the row is accepted and flagged), with its stable code.</summary>
public sealed record ValidationIssue(string Code, string Message, bool IsWarning = false);

/// <summary>
/// The closed lists of row error and warning codes (docs/validation.md). Extend them there and here, never
/// with ad-hoc strings: the CLI's JSON and the error report count rows by these codes.
/// </summary>
public static class IssueCodes
{
    public const string NikMissing = "nik.missing";
    public const string NikFormat = "nik.format";
    public const string NikLength = "nik.length";
    public const string NikProvince = "nik.province";
    public const string NikDate = "nik.date";
    public const string NikSerial = "nik.serial";
    public const string NikExcelDamage = "nik.excel_damage";
    public const string NameMissing = "name.missing";
    public const string NameInvalid = "name.invalid";
    public const string BirthDateMissing = "birthdate.missing";
    public const string BirthDateInvalid = "birthdate.invalid";
    public const string SexInvalid = "sex.invalid";
    public const string CategoryUnknown = "category.unknown";
    public const string IncomeInvalid = "income.invalid";

    /// <summary>Extension (docs/validation.md): outside the category's configured age limits.</summary>
    public const string AgeOutOfRange = "age.out_of_range";

    public const string NikBirthDateMismatch = "nik.birthdate_mismatch";
    public const string NikSexMismatch = "nik.sex_mismatch";
    public const string NikRegionUnknown = "nik.region_unknown";
    public const string RegionUnresolved = "region.unresolved";
    public const string PhoneInvalid = "phone.invalid";
    public const string BirthDateTakenFromNik = "birthdate.missing_taken_from_nik";

    /// <summary>Extension: an NIP was given — an ASN (PNS/PPPK) must not be registered as non-ASN.</summary>
    public const string NipPresent = "nip.present";

    /// <summary>Extension: name, birth date or sex differ from the registry's record of this NIK; the registry is kept.</summary>
    public const string PersonDiffers = "person.differs";

    public static readonly IReadOnlyList<string> Errors =
    [
        NikMissing, NikFormat, NikLength, NikProvince, NikDate, NikSerial, NikExcelDamage, NameMissing, NameInvalid,
        BirthDateMissing, BirthDateInvalid, SexInvalid, CategoryUnknown, IncomeInvalid, AgeOutOfRange,
    ];

    public static readonly IReadOnlyList<string> Warnings =
    [
        NikBirthDateMismatch, NikSexMismatch, NikRegionUnknown, RegionUnresolved, PhoneInvalid, BirthDateTakenFromNik,
        NipPresent, PersonDiffers,
    ];
}
