using Lindung.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Web.Pages.Admin.Api;

/// <summary>
/// A browsable reference of <c>/api/v1</c> built from the same endpoint descriptions as the OpenAPI document
/// (no JavaScript, no CDN: works offline under the strict CSP). The document itself is at /api/v1/openapi.json.
/// </summary>
public sealed class ReferensiModel(IApiDescriptionGroupCollectionProvider explorer) : PageModel
{
    public List<Operation> Operations { get; private set; } = [];

    public void OnGet()
    {
        Operations = [.. explorer.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(d => new Operation(
                d.HttpMethod ?? "",
                // As the OpenAPI document writes it: {id}, not the route constraint {id:guid}.
                "/" + System.Text.RegularExpressions.Regex.Replace(d.RelativePath!, ":[^}]+}", "}"),
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary ?? "",
                d.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null)
                    is { } policy ? (policy == ApiAccess.WritePolicy ? "write" : "read") : "—",
                [.. d.ParameterDescriptions.Where(p => p.Source.Id is "Query" or "Path")
                    .Select(p => p.Name + (p.Source.Id == "Path" ? " (path)" : ""))],
                d.ParameterDescriptions.Any(p => p.Source.Id == "Body")))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    public sealed record Operation(string Method, string Path, string Summary, string Scope, IReadOnlyList<string> Parameters, bool JsonBody);
}
