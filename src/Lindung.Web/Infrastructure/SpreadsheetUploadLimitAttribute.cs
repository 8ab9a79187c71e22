using Lindung.Core.Import.Spreadsheets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// A page that takes a spreadsheet upload accepts a request as large as the configured
/// <c>Lindung:Import:MaxFileBytes</c> (<see cref="SpreadsheetLimits.MaxFileBytes"/>) plus the form around the file, instead
/// of Kestrel's fixed 30 MB: an administrator who raises the limit raises it for the web too. A request that declares a
/// larger body is answered 413 before anything is read, which the status page explains ("Berkas terlalu besar"); a file
/// under the request's limit but over the file limit gets the page's own message. Runs before antiforgery, which reads
/// the form (order 1000), as <see cref="RequestSizeLimitAttribute"/> does.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SpreadsheetUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the form's other fields and the multipart boundaries around the file.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    public int Order => 900;

    public static long RequestLimit(SpreadsheetLimits limits) => limits.MaxFileBytes + FormOverheadBytes;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var max = RequestLimit(http.RequestServices.GetRequiredService<SpreadsheetLimits>());
        if (http.Request.ContentLength > max)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = max;
        }

        if (http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = max }));
        }
    }
}
