using System.Globalization;
using Lindung.Web.Api;
using Lindung.Web.Authorization;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;

namespace Lindung.Web.Setup;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("id-ID"), new("en")];

    public static void AddLindungWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, CachedSharedLocalizer>();
        // Emit non-ASCII text (•, –, é …) as characters rather than numeric entities; HTML-special characters stay encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/", AreaAccess.AnyRole);
                foreach (var folder in AreaAccess.Folders.Keys)
                {
                    o.Conventions.AuthorizeFolder(folder, AreaAccess.PolicyFor(folder));
                }

                foreach (var page in AreaAccess.Pages.Keys)
                {
                    o.Conventions.AuthorizePage(page, AreaAccess.PolicyFor(page));
                }

                o.Conventions.AddPageRoute("/Dasbor/Index", "");
                o.Conventions.AllowAnonymousToPage("/Akun/Masuk");
                o.Conventions.AllowAnonymousToPage("/Status");
                o.Conventions.AllowAnonymousToPage(AuthSetup.SecondFactorPath);
                o.Conventions.ConfigureFilter(new MustChangePasswordFilter());
                o.Conventions.ConfigureFilter(new SecondFactorFilter());
            })
            .AddViewLocalization()
            .AddMvcOptions(o =>
            {
                var form = o.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.FormValueProviderFactory>().Single();
                o.ValueProviderFactories[o.ValueProviderFactories.IndexOf(form)] = new InvariantFormValueProviderFactory();
            });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Lindung.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the user's explicit choice (cookie) switches language; browsers in English still get Indonesian.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    public static void UseLindungPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Status/500");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseLindungApiStatusCodes();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        // After authentication, so uploads are limited per signed-in user (sign-in per address, API per token).
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapLindungApi();
        app.MapLindungApiDocs();
    }
}
