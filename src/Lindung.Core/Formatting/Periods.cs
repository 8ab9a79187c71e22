using System.Globalization;

namespace Lindung.Core.Formatting;

/// <summary>A month as Lindung writes it everywhere: <c>YYYY-MM</c> (BPJS lists, bills, snapshots, the CLI's --period).</summary>
public static class Periods
{
    /// <summary>The month's first day, when <paramref name="period"/> is a valid <c>YYYY-MM</c>.</summary>
    public static bool TryParse(string? period, out DateOnly start) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);

    /// <summary>The month's first day; throws on anything but <c>YYYY-MM</c> (for periods already validated).</summary>
    public static DateOnly Start(string period) => DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The month's last day.</summary>
    public static DateOnly End(DateOnly start) => start.AddMonths(1).AddDays(-1);
}
