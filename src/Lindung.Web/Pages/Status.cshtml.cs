using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages;

/// <summary>Friendly pages for 403, 404, 500 … rendered with the original status code.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    public void OnGet(int code) => Fill(code);

    public void OnPost(int code) => Fill(code);

    private void Fill(int code)
    {
        Code = code;
        var known = code is 403 or 404 or 413 or 429 or 500;
        Title = known ? t[$"Status_{code}_Title"] : t["Status_Other_Title"];
        Body = known ? t[$"Status_{code}_Body"] : t["Status_Other_Body", code];
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            // Opened directly (e.g. the cookie handler's access-denied path): keep the status honest.
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        }
    }
}
