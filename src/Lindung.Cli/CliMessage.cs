using System.Globalization;
using Lindung.Core.Formatting;

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
    private readonly CoreMessage? core;

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

    private CliMessage(CoreMessage core)
    {
        this.core = core;
        values = [];
    }

    /// <summary>A text that is neither the command's own nor Core's, e.g. an argument's complaint: shown as it is, in both outputs.</summary>
    public static CliMessage Verbatim(string text) => new(text);

    /// <summary>A Lindung.Core text, e.g. why a file is unusable: in the run's language on stderr, Indonesian in <c>--json</c>.</summary>
    public static CliMessage From(CoreMessage text) => new(text);

    /// <summary>The text in the run's language.</summary>
    public override string ToString() => Render(CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

    /// <summary>The Indonesian text, whatever the run's language: what <c>--json</c> prints.</summary>
    public string ToIndonesian() => Render(CliText.Indonesian, CliText.Indonesian);

    // A Core text among the values (e.g. why a restore failed) is rendered in the same language as the text around it.
    private string Render(CultureInfo language, CultureInfo formatting) =>
        verbatim ?? core?.Render(language)
        ?? string.Format(formatting, CliText.Get(key!, language), values.Select(v => v is CoreMessage m ? m.Render(language) : v).ToArray());
}
