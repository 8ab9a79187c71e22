using System.CommandLine.Parsing;
using System.Globalization;

namespace Lindung.Cli;

/// <summary>
/// Parsers for option values whose reading must not depend on the language of the run. System.CommandLine parses a
/// <c>decimal</c> or <c>double</c> in the current culture, and in Indonesian (the CLI's default) the dot groups
/// thousands: <c>2.5</c> became 25 without a word. Every fractional option uses one of these
/// (<c>CliTests.Options_WithFractions_AreParsedTheSameInEveryLanguage</c> enforces it).
/// </summary>
internal static class CliParsers
{
    /// <summary>A percentage such as <c>2.5</c>, <c>2,5</c> or <c>2,5%</c>: either separator, no grouping, the same in every language.</summary>
    public static decimal? Percent(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        var number = text.TrimEnd('%').TrimEnd();
        if (number.Count(c => c is '.' or ',') <= 1
            && decimal.TryParse(number.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError(CliText.BudgetBadPercent(text));
        return null;
    }
}
