using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port and Debian's Chromium driven by Playwright (its own browser download is
/// not possible on this network). Screenshots go to TestResults/screenshots.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public KestrelLindungFactory App { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = Path.Combine(FindRepositoryRoot(), "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        await ((IAsyncLifetime)App).InitializeAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        // A page's answer may take more than Playwright's 5 s default while the whole suite runs on two cores (a claim's
        // status post once did in a fresh-clone run); what is expected stays the same, only the wait is longer.
        Assertions.SetDefaultExpectTimeout(20_000);
        // The first sign-in of a fresh-clone run once took over Playwright's 30 s navigation wait (the first browser test,
        // while the Core tests loaded both cores): the sign-in page is requested once here so its code is compiled before
        // any test's clock runs, and navigations may take up to 60 s. What each test expects is unchanged.
        using (var warmUp = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(120) })
        {
            (await warmUp.GetAsync(new Uri("/Akun/Masuk", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
        });
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed (e.g. no Chromium): let its own error speak, not a second one here.
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lindung.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Path.GetTempPath();
    }
}

public sealed class KestrelLindungFactory : LindungFactory;
