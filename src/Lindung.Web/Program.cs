using Lindung.Web.Setup;

// Content from the build output, data under the directory the user started in (see docs/decisions).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddLindungData();
builder.AddLindungAuth();
builder.AddLindungWeb();

var app = builder.Build();
await app.PrepareLindungDatabaseAsync();
app.UseLindungPipeline();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
