using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Lindung.Core.Formatting;

/// <summary>
/// The texts of one resource file (Bahasa Indonesia neutral, English in its <c>.en</c> satellite) by key, in a culture.
/// A missing key is a bug, not a blank line: it throws. Used by Core's row messages and the CLI's texts.
/// </summary>
public sealed class ResourceText(string baseName, Assembly assembly)
{
    private readonly ResourceManager resources = new(baseName, assembly);

    public string Get(string key, CultureInfo culture) =>
        resources.GetString(key, culture) ?? throw new MissingManifestResourceException($"No text '{key}' in {baseName}.");
}
