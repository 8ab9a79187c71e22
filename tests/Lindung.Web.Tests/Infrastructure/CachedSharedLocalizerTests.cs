using System.Globalization;
using Lindung.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lindung.Web.Tests.Infrastructure;

public class CachedSharedLocalizerTests
{
    private static CachedSharedLocalizer Create() => new(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    [Fact]
    public void Texts_AreCachedPerCulture_FormattedWithTheCurrentCulture_AndAMissingKeyIsReported()
    {
        var t = Create();

        // Alternating cultures: a cache keyed by the text alone would answer the second culture with the first's text.
        Assert.Equal("Selamat datang, Ani", In("id-ID", () => t["Dash_Welcome", "Ani"].Value));
        Assert.Equal("Welcome, Ani", In("en", () => t["Dash_Welcome", "Ani"].Value));
        Assert.Equal("Selamat datang, Ani", In("id-ID", () => t["Dash_Welcome", "Ani"].Value));
        Assert.Equal("Selamat datang, 1234,5", In("id-ID", () => t["Dash_Welcome", 1234.5m].Value));
        Assert.True(In("id-ID", () => t["No_Such_Text"].ResourceNotFound));
        Assert.False(In("en", () => t["Dash_Welcome"].ResourceNotFound));
    }
}
