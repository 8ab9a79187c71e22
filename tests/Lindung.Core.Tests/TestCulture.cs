using System.Globalization;
using System.Runtime.CompilerServices;

namespace Lindung.Core.Tests;

/// <summary>
/// The tests read Lindung's messages in Bahasa Indonesia, the product's language, whatever the machine's locale: Core's
/// row messages follow the current UI culture, and a machine with <c>LANG=en_US.UTF-8</c> would otherwise get English.
/// A test that wants English sets its culture itself.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseIndonesianMessages() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Reads messages in <paramref name="culture"/> until disposed, then in the UI culture from before.</summary>
    internal static IDisposable Use(CultureInfo culture) => new Scope(culture);

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo before = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

        public void Dispose() => CultureInfo.CurrentUICulture = before;
    }
}
