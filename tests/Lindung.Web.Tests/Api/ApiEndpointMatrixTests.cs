using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Web.Api;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Api;

/// <summary>
/// Every API endpoint × its required scope, written out independently of the app: a new endpoint under /api
/// without a rule here fails, and so does one whose policy differs (mirrors PageAccessMatrixTests).
/// </summary>
public class ApiEndpointMatrixTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private const string Anonymous = "anonymous";

    public static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/workers"] = ApiAccess.ReadPolicy,
        ["GET /api/v1/workers/{id:guid}"] = ApiAccess.ReadPolicy,
        ["POST /api/v1/workers"] = ApiAccess.WritePolicy,
        ["GET /api/v1/coverage"] = ApiAccess.ReadPolicy,
        ["GET /api/v1/snapshots"] = ApiAccess.ReadPolicy,
        ["GET /api/v1/openapi.json"] = Anonymous,
    };

    private List<(string Key, Endpoint Endpoint)> ApiEndpoints() =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (m + " /" + e.RoutePattern.RawText!.TrimStart('/'), (Endpoint)e))),
    ];

    [Fact]
    public void EveryApiEndpoint_HasTheExpectedScope_AndIsRateLimited()
    {
        var endpoints = ApiEndpoints();
        Assert.NotEmpty(endpoints);
        var missing = endpoints.Where(e => !Expected.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, "API endpoints without a scope rule in this test: " + string.Join(", ", missing));
        var stale = Expected.Keys.Where(k => endpoints.All(e => e.Key != k)).ToList();
        Assert.True(stale.Count == 0, "Rules for API endpoints that no longer exist: " + string.Join(", ", stale));
        foreach (var (key, endpoint) in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (Expected[key] == Anonymous)
            {
                Assert.True(anonymous && policies.Count == 0, key + " should be anonymous");
            }
            else
            {
                Assert.False(anonymous, key + " must not allow anonymous access");
                Assert.Equal([Expected[key]], policies);
            }

            Assert.NotNull(endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>());
        }
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryApiEndpoint()
    {
        var document = await factory.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");

        var paths = document.GetProperty("paths");
        foreach (var (key, _) in ApiEndpoints().Where(e => !e.Key.EndsWith("openapi.json", StringComparison.Ordinal)))
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)].ToLowerInvariant();
            var path = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace(":guid", "", StringComparison.Ordinal);
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{key} missing from the OpenAPI document");
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }
}
