using System.Globalization;
using Lindung.Core.Formatting;

namespace Lindung.Core.Registry.Validation;

/// <summary>
/// Row messages for users — what is wrong and what to do — from <c>Resources/CoreText.resx</c> (Bahasa Indonesia, the
/// neutral language) and <c>CoreText.en.resx</c> (English), in the <see cref="CultureInfo.CurrentUICulture"/> of the run:
/// the web request's language, the CLI's <c>LINDUNG_LANG</c>. A key is the name of its member.
/// </summary>
public static class ValidationMessages
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>; a missing key is a bug, not a blank message.</summary>
    public static string Get(string key, CultureInfo culture) => CoreMessage.Resources.Get(key, culture);

    private static string Text(string key) => Get(key, CultureInfo.CurrentUICulture);

    // Numbers as plain digits in both languages, as before (row numbers, ages, lengths).
    private static string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, Text(key), values);

    public static string NikMissing => Text(nameof(NikMissing));

    public static string NikFormat => Text(nameof(NikFormat));

    public static string NikExcelDamage => Text(nameof(NikExcelDamage));

    public static string NikSerial => Text(nameof(NikSerial));

    public static string NikBirthDateMismatch => Text(nameof(NikBirthDateMismatch));

    public static string NikSexMismatch => Text(nameof(NikSexMismatch));

    public static string NameMissing => Text(nameof(NameMissing));

    public static string NameInvalid => Text(nameof(NameInvalid));

    public static string BirthDateMissing => Text(nameof(BirthDateMissing));

    public static string SexInvalid => Text(nameof(SexInvalid));

    public static string IncomeInvalid => Text(nameof(IncomeInvalid));

    public static string PhoneInvalid => Text(nameof(PhoneInvalid));

    public static string BirthDateTakenFromNik => Text(nameof(BirthDateTakenFromNik));

    public static string NipPresent => Text(nameof(NipPresent));

    public static string PersonDiffers => Text(nameof(PersonDiffers));

    public static string ConflictQueued => Text(nameof(ConflictQueued));

    public static string AgeOutOfRange(int age, int? min, int? max) =>
        Format(nameof(AgeOutOfRange), age, min?.ToString(CultureInfo.InvariantCulture) ?? "-", max?.ToString(CultureInfo.InvariantCulture) ?? "-");

    public static string DuplicateInFile(int firstRow) => Format(nameof(DuplicateInFile), firstRow);

    public static string NikLength(int length) => Format(length < 16 ? "NikLengthShort" : "NikLengthLong", length);

    public static string NikProvince(string code) => Format(nameof(NikProvince), code);

    public static string NikDate(string ddmmyy) => Format(nameof(NikDate), ddmmyy);

    public static string NikRegionUnknown(string district) => Format(nameof(NikRegionUnknown), district);

    public static string BirthDateInvalid(string raw) => Format(nameof(BirthDateInvalid), raw);

    public static string CategoryUnknown(string raw) => Format(nameof(CategoryUnknown), raw);

    public static string RegionUnresolved(string raw) => Format(nameof(RegionUnresolved), raw);
}
