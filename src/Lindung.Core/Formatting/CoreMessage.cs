using System.Globalization;

namespace Lindung.Core.Formatting;

/// <summary>
/// A text for people from Lindung.Core, kept as its key in <c>Resources/CoreText.resx</c> (Bahasa Indonesia, the neutral
/// language; English in <c>CoreText.en.resx</c>) and its values until it is shown. <see cref="ToString"/> renders it in the
/// current UI culture — the web request's language, the CLI's <c>LINDUNG_LANG</c> — and <see cref="ToIndonesian"/> in
/// Bahasa Indonesia whatever the language, for output that must not depend on it (the CLI's <c>--json</c>). Numbers
/// are formatted as the text's language writes them (1.234 in Indonesian, 1,234 in English).
/// </summary>
public sealed class CoreMessage
{
    internal static readonly ResourceText Resources = new("Lindung.Core.Resources.CoreText", typeof(CoreMessage).Assembly);

    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly object?[] values;

    public CoreMessage(string key, params object?[] values)
    {
        Key = key;
        this.values = values;
    }

    /// <summary>The resource key, the name of the member that made it.</summary>
    public string Key { get; }

    /// <summary>The text in <paramref name="language"/>: English for an English culture, Bahasa Indonesia otherwise.</summary>
    public string Render(CultureInfo language)
    {
        var formatting = language.TwoLetterISOLanguageName == "en" ? language : Indonesian;
        var text = Resources.Get(Key, language);
        return values.Length == 0 ? text : string.Format(formatting, text,
            values.Select(v => v is CoreMessage inner ? inner.Render(language) : v).ToArray());
    }

    /// <summary>The text in the current UI culture.</summary>
    public override string ToString() => Render(CultureInfo.CurrentUICulture);

    /// <summary>The text in Bahasa Indonesia, whatever the current language.</summary>
    public string ToIndonesian() => Render(Indonesian);
}
