namespace Lindung.Core.Registry;

/// <summary>
/// Normalised names for search: upper case, letters and single spaces only. Matching (spelling variants,
/// titles) builds on this in Registry/Matching.
/// </summary>
public static class NameKeys
{
    public static string For(string name)
    {
        var text = name.AsSpan().Trim();
        // The key is never longer than the trimmed name: one character out for each one in, at most.
        Span<char> key = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                key[length++] = char.ToUpperInvariant(c);
                space = false;
            }
            else if ((char.IsWhiteSpace(c) || c is '.' or '-' or ',') && !space && length > 0)
            {
                key[length++] = ' ';
                space = true;
            }
        }

        if (space)
        {
            length--;
        }

        return new string(key[..length]);
    }
}
