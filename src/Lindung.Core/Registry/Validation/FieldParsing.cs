using System.Globalization;
using System.Text;

namespace Lindung.Core.Registry.Validation;

/// <summary>Sex, phone and rupiah amounts as typed in Indonesian spreadsheets.</summary>
public static class FieldParsing
{
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
        var sb = new StringBuilder();
        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+'))
            {
                return null;
            }
        }

        var digits = sb.ToString();
        var subscriber = digits.StartsWith("62", StringComparison.Ordinal) ? digits[2..]
            : digits.StartsWith('0') ? digits[1..]
            : null;
        return subscriber is { Length: >= 9 and <= 12 } && subscriber[0] == '8' ? "+62" + subscriber : null;
    }

    /// <summary>
    /// A BPJS participant number (KPJ) as printed on the card: 11 digits, spaces, dots and dashes allowed between
    /// them and removed. Anything else: null. Never invents or drops digits.
    /// </summary>
    public static string? NormaliseKpj(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.')))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
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
        if (text.Length > 3 && text[^3] is ',' or '.' && text[^2..].All(char.IsAsciiDigit) && !text[..^3].Contains(text[^3], StringComparison.Ordinal))
        {
            if (text[^2..] != "00")
            {
                return false;
            }

            text = text[..^3];
        }

        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return digits.Length is > 0 and <= 15 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }
}
