using System.Text;

namespace Lindung.Core.Registry;

/// <summary>
/// Normalised names for search: upper case, letters and single spaces only. Matching (spelling variants,
/// titles) builds on this in Registry/Matching.
/// </summary>
public static class NameKeys
{
    public static string For(string name)
    {
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim())
        {
            if (char.IsLetter(c))
            {
                sb.Append(char.ToUpperInvariant(c));
                space = false;
            }
            else if ((char.IsWhiteSpace(c) || c is '.' or '-' or ',') && !space && sb.Length > 0)
            {
                sb.Append(' ');
                space = true;
            }
        }

        return sb.ToString().TrimEnd();
    }
}
