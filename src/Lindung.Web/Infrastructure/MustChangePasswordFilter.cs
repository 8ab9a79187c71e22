using Lindung.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lindung.Web.Infrastructure;

/// <summary>A user holding a temporary password can only change it (or sign out) until they do.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Akun/GantiSandi", "/Akun/Keluar", "/Status"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.HasClaim(c => c.Type == LindungClaims.MustChangePassword)
            && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new RedirectToPageResult("/Akun/GantiSandi");
            return Task.CompletedTask;
        }

        return next();
    }
}
