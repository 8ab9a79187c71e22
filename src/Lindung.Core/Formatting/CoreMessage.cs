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

    private readonly IReadOnlyList<CoreMessage>? sentences;

    public CoreMessage(string key, params object?[] values)
    {
        Key = key;
        this.values = values;
    }

    private CoreMessage(IReadOnlyList<CoreMessage> sentences)
    {
        Key = string.Join("+", sentences.Select(s => s.Key));
        values = [];
        this.sentences = sentences;
    }

    /// <summary>Several messages as one text, each rendered in the same language, separated by a space (each is a sentence).</summary>
    public static CoreMessage Sentences(IEnumerable<CoreMessage> messages)
    {
        var list = messages.ToList();
        return list.Count == 1 ? list[0] : new CoreMessage(list);
    }

    /// <summary>The resource key, the name of the member that made it (for <see cref="Sentences"/>, their keys joined by "+").</summary>
    public string Key { get; }

    /// <summary>The text in <paramref name="language"/>: English for an English culture, Bahasa Indonesia otherwise.</summary>
    public string Render(CultureInfo language)
    {
        if (sentences is not null)
        {
            return string.Join(" ", sentences.Select(s => s.Render(language)));
        }

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
