using Lindung.Core.Identity;
using Lindung.Web.Setup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// An Administrator, Koordinator or Auditor without a second factor can only enrol one (or sign out) until they
/// do (issue 7). Demo mode relaxes this unless <see cref="LindungOptions.RequireSecondFactor"/> says otherwise.
/// </summary>
public sealed class SecondFactorFilter : IAsyncPageFilter
{
    public const string EnrolPage = "/Akun/DuaFaktor";

    private static readonly string[] Allowed = [EnrolPage, "/Akun/Keluar", "/Akun/GantiSandi", "/Status", "/Bahasa"];

    public static bool Required(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<LindungOptions>>().Value;
        return options.RequireSecondFactor ?? !context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.HasClaim(c => c.Type == LindungClaims.SecondFactorMissing)
            && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase)
            && Required(context.HttpContext))
        {
            context.Result = new RedirectToPageResult(EnrolPage);
            return Task.CompletedTask;
        }

        return next();
    }
}
