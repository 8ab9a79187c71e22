using System.Text;

namespace Lindung.Core.Registry.Validation;

/// <summary>
/// A name as typed: trimmed, spaces collapsed, titles kept apart (H., Hj., Dr. in front; S.Pd., S.E. after a
/// comma), letter case as written. Never changes the letters themselves.
/// </summary>
public sealed record PersonName(string Name, string? FrontTitle, string? BackTitle)
{
    private static readonly string[] FrontTitles =
        ["H.", "Hj.", "Dr.", "dr.", "Drs.", "Dra.", "Ir.", "K.H.", "KH.", "Ust.", "Ustadz", "Ustad", "Ustadzah", "Prof.", "Tgk."];

    public static (PersonName? Name, ValidationIssue? Issue) Parse(string? raw)
    {
        var text = Collapse(raw);
        if (text.Length == 0)
        {
            return (null, new ValidationIssue(IssueCodes.NameMissing, ValidationMessages.NameMissing));
        }

        string? back = null;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            back = Collapse(text[(comma + 1)..].Replace(",", ", ", StringComparison.Ordinal));
            text = text[..comma].Trim();
            if (back.Length == 0)
            {
                back = null;
            }
        }

        var fronts = new List<string>();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var title in FrontTitles)
            {
                if (text.StartsWith(title + " ", StringComparison.OrdinalIgnoreCase))
                {
                    fronts.Add(text[..title.Length]);
                    text = text[title.Length..].TrimStart();
                    changed = true;
                }
            }
        }

        if (text.Length == 0 || FrontTitles.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return (null, new ValidationIssue(IssueCodes.NameMissing, ValidationMessages.NameMissing));
        }

        if (!All(text, static c => char.IsLetter(c) || c is ' ' or '\'' or '.' or '-' or '`')
            || (back is not null && !All(back, static c => char.IsLetterOrDigit(c) || c is ' ' or '.' or ',' or '-' or '(' or ')')))
        {
            return (null, new ValidationIssue(IssueCodes.NameInvalid, ValidationMessages.NameInvalid));
        }

        return (new PersonName(text, fronts.Count == 0 ? null : string.Join(' ', fronts), back), null);
    }

    /// <summary>Whether every character passes (a loop over the string: LINQ's All enumerates it as an object).</summary>
    private static bool All(string text, Func<char, bool> allowed)
    {
        foreach (var c in text)
        {
            if (!allowed(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Collapse(string? raw)
    {
        var trimmed = (raw ?? "").Trim();
        if (!HasWhitespaceToCollapse(trimmed))
        {
            return trimmed;
        }

        var sb = new StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    sb.Append(' ');
                }

                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>Whitespace other than single spaces between words (a typed name almost never has any).</summary>
    private static bool HasWhitespaceToCollapse(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }
}
