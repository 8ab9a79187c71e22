using System.Globalization;

namespace Lindung.Core.Formatting;

/// <summary>
/// Indonesian display formats, independent of the server's culture and ICU data:
/// <c>Rp 1.234.567</c>, <c>1.234.567</c>, <c>12,5%</c>, <c>17/08/2025</c>.
/// </summary>
public static class IndonesianFormat
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    public static string Number(long value) => value.ToString("#,0", Numbers);

    public static string Number(decimal value, int decimals) =>
        value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Numbers);

    public static string Rupiah(long value) => value < 0 ? "-Rp " + Number(-value) : "Rp " + Number(value);

    public static string Rupiah(decimal value) => Rupiah((long)Math.Round(value, MidpointRounding.AwayFromZero));

    public static string Percent(decimal value, int decimals = 1) => Number(value, decimals) + "%";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            .ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Western Indonesia Time (WIB, UTC+7), the regency's zone; fixed offset, no DST.</summary>
    public static readonly TimeZoneInfo Wib =
        TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
}
