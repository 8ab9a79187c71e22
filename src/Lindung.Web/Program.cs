using Lindung.Web.Api;
using Lindung.Web.Setup;

// Content (settings, views, wwwroot) from the build output, data under the directory the user started in
// (docs/decisions/0003-data-directory.md). A host that names its own content root (the tests) keeps it.
var ownContentRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ownContentRoot ? null : AppContext.BaseDirectory,
});
builder.AddLindungData();
builder.AddLindungAuth();
builder.AddLindungWeb();
builder.AddLindungApi();

var app = builder.Build();
await app.PrepareLindungDatabaseAsync();
app.UseLindungPipeline();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
