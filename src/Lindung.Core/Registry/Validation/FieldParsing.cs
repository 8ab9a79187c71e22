using System.Globalization;

namespace Lindung.Core.Registry.Validation;

/// <summary>Sex, phone and rupiah amounts as typed in Indonesian spreadsheets.</summary>
public static class FieldParsing
{
    private static readonly System.Buffers.SearchValues<char> KpjCharacters = System.Buffers.SearchValues.Create("0123456789 -.");

    /// <summary>L/P, Laki-laki/Perempuan, Pria/Wanita, M/F → 'L' or 'P'.</summary>
    public static char? ParseSex(string? raw) => (raw ?? "").Trim().ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal) switch
    {
        "L" or "LK" or "LAKI LAKI" or "LAKI" or "PRIA" or "M" or "MALE" => 'L',
        "P" or "PR" or "PEREMPUAN" or "WANITA" or "F" or "FEMALE" => 'P',
        _ => null,
    };

    /// <summary>
    /// Indonesian mobile numbers to E.164 (+62…): accepts 08…, 628…, +628… with spaces, dots, dashes and
    /// brackets; the subscriber part starts with 8 and has 9–12 digits. Anything else is not a number we can
    /// call: null (a warning, the row is kept). Never invents digits.
    /// </summary>
    public static string? NormalisePhone(string? raw)
    {
        var text = (raw ?? "").AsSpan().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        Span<char> kept = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                kept[length++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+'))
            {
                return null;
            }
        }

        ReadOnlySpan<char> digits = kept[..length];
        var subscriber = digits.StartsWith("62", StringComparison.Ordinal) ? digits[2..]
            : digits.StartsWith('0') ? digits[1..]
            : [];
        return subscriber is { Length: >= 9 and <= 12 } && subscriber[0] == '8' ? string.Concat("+62", subscriber) : null;
    }

    /// <summary>
    /// A BPJS participant number (KPJ) as printed on the card: 11 digits, spaces, dots and dashes allowed between
    /// them and removed. Anything else: null. Never invents or drops digits.
    /// </summary>
    public static string? NormaliseKpj(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.AsSpan().ContainsAnyExcept(KpjCharacters))
        {
            return null;
        }

        var digits = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return digits.Length == 11 ? digits : null;
    }

    /// <summary>"1.500.000", "Rp 1.500.000", "1,500,000", "1.500.000,00", "1500000" → 1500000; cents must be zero.</summary>
    public static bool TryParseRupiah(string? raw, out long amount)
    {
        amount = 0;
        var text = (raw ?? "").Trim();
        if (text.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..].TrimStart('.', ' ');
        }

        text = text.Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return false;
        }

        // A trailing ",00"/".00" is cents; the other separators group thousands.
        if (text.Length > 3 && text[^3] is ',' or '.' && !text.AsSpan(text.Length - 2).ContainsAnyExceptInRange('0', '9')
            && !text.AsSpan(0, text.Length - 3).Contains(text[^3]))
        {
            if (text[^2..] != "00")
            {
                return false;
            }

            text = text[..^3];
        }

        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return digits.Length is > 0 and <= 15 && !digits.AsSpan().ContainsAnyExceptInRange('0', '9')
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }
}
