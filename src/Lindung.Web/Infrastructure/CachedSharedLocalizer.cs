using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// The UI texts (<see cref="SharedResource"/>), looked up once per culture and key. A page such as the dashboard asks
/// for hundreds of texts per request, and ResourceManager takes a lock on every lookup: under 50 concurrent users that
/// lock showed in the dashboard's profile. Texts only change with a new build, so the cache never goes stale.
/// </summary>
public sealed class CachedSharedLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer inner = factory.Create(typeof(SharedResource));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> texts = new();

    public LocalizedString this[string name] =>
        texts.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), key => inner[key.Name]);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            // As ResourceManagerStringLocalizer does: the text formatted with the current culture's conventions.
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound, text.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
