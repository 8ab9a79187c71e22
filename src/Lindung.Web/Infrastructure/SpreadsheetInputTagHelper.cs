using System.Globalization;
using Lindung.Core.Import.Spreadsheets;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// <c>&lt;input type="file" lindung-spreadsheet …&gt;</c>: the browser refuses a file over the configured
/// <see cref="SpreadsheetLimits.MaxFileBytes"/> before sending it (site.js reads <c>data-max-bytes</c> and shows
/// <c>data-too-large</c>), so nobody waits for a 100 MB upload to be told it is too large. The server checks again
/// (<see cref="SpreadsheetUploadLimitAttribute"/> and the page's own check).
/// </summary>
[HtmlTargetElement("input", Attributes = Name)]
public sealed class SpreadsheetInputTagHelper(SpreadsheetLimits limits, IStringLocalizer<SharedResource> t) : TagHelper
{
    private const string Name = "lindung-spreadsheet";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Name);
        output.Attributes.SetAttribute("data-max-bytes", limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("data-too-large", t["Upload_FileTooLarge", limits.MaxFileBytes / (1024 * 1024)].Value);
    }
}
