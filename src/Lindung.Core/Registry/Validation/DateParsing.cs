using System.Globalization;
using System.Text.RegularExpressions;

namespace Lindung.Core.Registry.Validation;

/// <summary>
/// Birth and start dates as offices type them: <c>17/08/1980</c>, <c>17-8-1980</c>, <c>17.08.1980</c>,
/// <c>1980-08-17</c> (with or without a time), <c>17 Agustus 1980</c>, <c>17 Agu 1980</c>, English month
/// names, and Excel serial numbers (1900 system). Two-digit years are refused: the century would be a guess.
/// </summary>
public static partial class DateParsing
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1,
        ["jan"] = 1,
        ["january"] = 1,
        ["februari"] = 2,
        ["feb"] = 2,
        ["pebruari"] = 2,
        ["february"] = 2,
        ["maret"] = 3,
        ["mar"] = 3,
        ["march"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["mei"] = 5,
        ["may"] = 5,
        ["juni"] = 6,
        ["jun"] = 6,
        ["june"] = 6,
        ["juli"] = 7,
        ["jul"] = 7,
        ["july"] = 7,
        ["agustus"] = 8,
        ["agu"] = 8,
        ["agt"] = 8,
        ["ags"] = 8,
        ["aug"] = 8,
        ["august"] = 8,
        ["agus"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["oktober"] = 10,
        ["okt"] = 10,
        ["oct"] = 10,
        ["october"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["nopember"] = 11,
        ["nop"] = 11,
        ["desember"] = 12,
        ["des"] = 12,
        ["dec"] = 12,
        ["december"] = 12,
    };

    [GeneratedRegex(@"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(\d{1,2})[\s\-]+([A-Za-z]+)\.?[\s\-]+(\d{4})$")]
    private static partial Regex DayNameYear();

    [GeneratedRegex(@"^\d{1,5}(\.0+)?$")]
    private static partial Regex Serial();

    public static bool TryParse(string? raw, out DateOnly date)
    {
        date = default;
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            return false;
        }

        if (TryDayMonthYearAscii(text, out var d, out var m, out var y))
        {
            // The common shape (17/08/1980, 17-8-1980) read without a regex match and its groups: the same answer as
            // DayMonthYear below gives for ASCII digits, at a fraction of the cost (a BPJS list has two dates a row).
            return TryBuild(y, m, d, out date);
        }

        if (DayMonthYear().Match(text) is { Success: true } dmy)
        {
            return TryBuild(Int(dmy.Groups[3].Value), Int(dmy.Groups[2].Value), Int(dmy.Groups[1].Value), out date);
        }

        if (Iso().Match(text) is { Success: true } iso)
        {
            return TryBuild(Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value), out date);
        }

        if (DayNameYear().Match(text) is { Success: true } named && Months.TryGetValue(named.Groups[2].Value, out var month))
        {
            return TryBuild(Int(named.Groups[3].Value), month, Int(named.Groups[1].Value), out date);
        }

        if (Serial().IsMatch(text))
        {
            var serial = Int(text.Split('.')[0]);
            // 1900 system: serial 1 = 1 Jan 1900; Excel counts a 29 Feb 1900 that never existed (serial 60).
            if (serial is < 1 or 60)
            {
                return false;
            }

            date = new DateOnly(1899, 12, 31).AddDays(serial > 60 ? serial - 1 : serial);
            return true;
        }

        return false;
    }

    /// <summary><c>d{1,2}[/-.]d{1,2}[/-.]dddd</c> in ASCII digits, the whole text; anything else is left to the regexes.</summary>
    private static bool TryDayMonthYearAscii(ReadOnlySpan<char> s, out int day, out int month, out int year)
    {
        var at = 0;
        month = year = 0;
        return Number(s, ref at, 1, 2, out day) && Separator(s, ref at) && Number(s, ref at, 1, 2, out month) && Separator(s, ref at)
            && Number(s, ref at, 4, 4, out year) && at == s.Length;

        static bool Separator(ReadOnlySpan<char> s, ref int at) => at < s.Length && s[at] is '/' or '-' or '.' && ++at > 0;

        static bool Number(ReadOnlySpan<char> s, ref int at, int min, int max, out int value)
        {
            value = 0;
            var start = at;
            while (at < s.Length && at - start < max && char.IsAsciiDigit(s[at]))
            {
                value = (value * 10) + (s[at++] - '0');
            }

            return at - start >= min;
        }
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool TryBuild(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
