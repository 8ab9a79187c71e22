using System.Globalization;
using System.Text.RegularExpressions;

namespace Lindung.Core.Registry.Validation;

/// <summary>
/// A syntactically valid NIK (reference §5): <c>PP KK CC DD MM YY NNNN</c>, day +40 for women, a real date,
/// one of the 38 province codes, serial ≠ 0000. There is no check digit. The region digits say where the
/// NIK was first issued, never where the person lives.
/// </summary>
public sealed partial record Nik(string Digits, char Sex, int Day, int Month, int TwoDigitYear, DateOnly BirthDate)
{
    /// <summary>The 38 current province codes (Kemendagri), Papua's 2022 provinces included.</summary>
    public static readonly IReadOnlySet<int> Provinces = new HashSet<int>(
        [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
         71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]);

    public string ProvinceCode => Digits[..2];

    public string RegencyCode => $"{Digits[..2]}.{Digits[2..4]}";

    public string DistrictCode => $"{Digits[..2]}.{Digits[2..4]}.{Digits[4..6]}";

    public string Serial => Digits[12..];

    public override string ToString() => Digits;

    /// <summary>What a typist puts between the digits: removed before the NIK is checked (nothing else is).</summary>
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" .-\u00A0");

    /// <summary>
    /// The 16 digits a raw cell holds once separators are removed (what <see cref="Check"/> would call <see cref="Digits"/>
    /// when the NIK is valid), or null when it is not 16 ASCII digits. No other rule is applied: for finding a file's
    /// people in the registry before its rows are checked.
    /// </summary>
    public static string? DigitsOf(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var digits = WithoutSeparators(raw);
        return digits.Length == 16 && !digits.AsSpan().ContainsAnyExceptInRange('0', '9') ? digits : null;
    }

    /// <summary>The raw text without separators; the same string when it has none (as almost every NIK in a file).</summary>
    private static string WithoutSeparators(string raw)
    {
        if (!raw.AsSpan().ContainsAny(Separators))
        {
            return raw;
        }

        Span<char> kept = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        foreach (var c in raw)
        {
            if (!Separators.Contains(c))
            {
                kept[length++] = c;
            }
        }

        return new string(kept[..length]);
    }

    [GeneratedRegex(@"^\s*[0-9]+([.,][0-9]+)?\s*[eE][+]?[0-9]+\s*$")]
    private static partial Regex ENotation();

    /// <summary>
    /// Checks a raw cell. <paramref name="fromNumericCell"/> says the spreadsheet stored the value as a number.
    /// <paramref name="recordedBirthDate"/> and <paramref name="recordedSex"/> (when the row has them) pick the
    /// century and produce mismatch warnings; <paramref name="regionExists"/> checks regency and kecamatan codes.
    /// Never repairs a value.
    /// </summary>
    public static NikCheck Check(string? raw, DateOnly today, bool fromNumericCell = false, DateOnly? recordedBirthDate = null,
        char? recordedSex = null, Func<string, bool>? regionExists = null)
    {
        var issues = new List<ValidationIssue>();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return NikCheck.Fail(IssueCodes.NikMissing, ValidationMessages.NikMissing);
        }

        // A number in E-notation lost digits when a spreadsheet showed it: it can only be retyped.
        if (ENotation().IsMatch(raw))
        {
            return NikCheck.Fail(IssueCodes.NikExcelDamage, ValidationMessages.NikExcelDamage);
        }

        var digits = WithoutSeparators(raw);
        if (digits.Length == 0)
        {
            return NikCheck.Fail(IssueCodes.NikMissing, ValidationMessages.NikMissing);
        }

        if (digits.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return NikCheck.Fail(IssueCodes.NikFormat, ValidationMessages.NikFormat);
        }

        // Excel keeps 15 significant digits: a 16-digit NIK typed into a number cell comes back ending in 0.
        if (fromNumericCell && digits.Length == 16 && digits[15] == '0')
        {
            return NikCheck.Fail(IssueCodes.NikExcelDamage, ValidationMessages.NikExcelDamage);
        }

        if (digits.Length != 16)
        {
            return NikCheck.Fail(IssueCodes.NikLength, ValidationMessages.NikLength(digits.Length));
        }

        var province = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        if (!Provinces.Contains(province))
        {
            issues.Add(new(IssueCodes.NikProvince, ValidationMessages.NikProvince(digits[..2])));
        }

        var rawDay = int.Parse(digits.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var yy = int.Parse(digits.AsSpan(10, 2), CultureInfo.InvariantCulture);
        var sex = rawDay > 40 ? 'P' : 'L';
        var day = rawDay > 40 ? rawDay - 40 : rawDay;
        DateOnly? birth = null;
        if (day is >= 1 and <= 31 && month is >= 1 and <= 12)
        {
            birth = ResolveDate(day, month, yy, today, recordedBirthDate);
        }

        if (birth is null)
        {
            issues.Add(new(IssueCodes.NikDate, ValidationMessages.NikDate(digits[6..12])));
        }

        if (digits.AsSpan(12).SequenceEqual("0000"))
        {
            issues.Add(new(IssueCodes.NikSerial, ValidationMessages.NikSerial));
        }

        if (issues.Count > 0)
        {
            return new NikCheck(null, issues);
        }

        var nik = new Nik(digits, sex, day, month, yy, birth!.Value);
        if (recordedBirthDate is { } recorded
            && (recorded.Day != day || recorded.Month != month || recorded.Year % 100 != yy))
        {
            issues.Add(new(IssueCodes.NikBirthDateMismatch, ValidationMessages.NikBirthDateMismatch, IsWarning: true));
        }

        if (recordedSex is { } s && s != sex)
        {
            issues.Add(new(IssueCodes.NikSexMismatch, ValidationMessages.NikSexMismatch, IsWarning: true));
        }

        if (regionExists is not null && !(regionExists(nik.RegencyCode) && regionExists(nik.DistrictCode)))
        {
            issues.Add(new(IssueCodes.NikRegionUnknown, ValidationMessages.NikRegionUnknown(nik.DistrictCode), IsWarning: true));
        }

        return new NikCheck(nik, issues);
    }

    /// <summary>
    /// The century: the recorded birth date's when its last two digits agree, else the most recent one that
    /// puts the birth date on or before today. The date must exist in the chosen century (29 Feb).
    /// </summary>
    private static DateOnly? ResolveDate(int day, int month, int yy, DateOnly today, DateOnly? recorded)
    {
        int[] centuries = recorded is { } r && r.Year % 100 == yy ? [r.Year - yy] : [2000, 1900];
        foreach (var century in centuries)
        {
            var year = century + yy;
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var date = new DateOnly(year, month, day);
            if (date <= today || centuries.Length == 1)
            {
                return date;
            }
        }

        return null;
    }
}

/// <summary>The outcome of <see cref="Nik.Check"/>: the NIK when valid, and every error or warning.</summary>
public sealed record NikCheck(Nik? Value, IReadOnlyList<ValidationIssue> Issues)
{
    public bool IsValid => Value is not null;

    internal static NikCheck Fail(string code, string message) => new(null, [new ValidationIssue(code, message)]);
}
