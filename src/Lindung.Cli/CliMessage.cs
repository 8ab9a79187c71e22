using System.Globalization;

namespace Lindung.Cli;

/// <summary>
/// A text a command fails with, kept as its key and values until written: stderr shows it in the run's language,
/// <c>--json</c> carries <see cref="ToIndonesian"/> so that its output does not depend on the language.
/// </summary>
public sealed class CliMessage
{
    private readonly string? key;
    private readonly object?[] values;
    private readonly string? verbatim;

    internal CliMessage(string key, params object?[] values)
    {
        this.key = key;
        this.values = values;
    }

    private CliMessage(string verbatim)
    {
        this.verbatim = verbatim;
        values = [];
    }

    /// <summary>A text that is not the command's own, e.g. the message of a Lindung.Core exception (Indonesian only).</summary>
    public static CliMessage Verbatim(string text) => new(text);

    /// <summary>The text in the run's language.</summary>
    public override string ToString() => Render(CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

    /// <summary>The Indonesian text, whatever the run's language: what <c>--json</c> prints.</summary>
    public string ToIndonesian() => Render(CliText.Indonesian, CliText.Indonesian);

    private string Render(CultureInfo language, CultureInfo formatting) =>
        verbatim ?? string.Format(formatting, CliText.Get(key!, language), values);
}
