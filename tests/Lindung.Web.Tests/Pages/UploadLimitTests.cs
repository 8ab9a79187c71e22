using System.Net;
using System.Net.Http.Headers;
using Lindung.Core.Identity;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Web.Infrastructure;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Pages;

/// <summary>The app with <c>Lindung:Import:MaxFileBytes</c> at 1 MB, so that "too large" needs only a few MB.</summary>
public sealed class SmallUploadLimitFactory : LindungFactory
{
    public const long MaxFileBytes = 1024 * 1024;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Lindung:Import:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Spreadsheet uploads follow the configured file limit, and a file over it is refused with a message.</summary>
public class UploadLimitTests(SmallUploadLimitFactory factory) : IClassFixture<SmallUploadLimitFactory>
{
    private async Task<HttpResponseMessage> PostFileAsync(string path, string? handler, int bytes, string role = Roles.Koordinator)
    {
        var client = await factory.SignedInAsync(role);
        var page = await client.GetStringAsync(path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(LindungFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("2025-04"), "Period" },
        };
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "besar.csv");
        return await client.PostAsync(handler is null ? path : $"{path}?handler={handler}", form);
    }

    [Theory]
    [InlineData("/Pengajuan/Unggah", null)]
    [InlineData("/Bpjs", null)]
    [InlineData("/Iuran/Tagihan", "InvoiceFile")]
    [InlineData("/Proyek/Impor", null)]
    public async Task ARequestOverTheLimit_IsAnswered413_WithTheStatusPagesMessage(string path, string? handler)
    {
        var response = await PostFileAsync(path, handler, 3 * 1024 * 1024);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Berkas terlalu besar", html, StringComparison.Ordinal);
        Assert.Contains("tidak ada yang disimpan", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheLimitButInsideTheForm_GetsTheUploadPagesOwnMessage()
    {
        // The Operator OPD uploads for their own OPD, so the form is complete but for the file's size.
        var response = await PostFileAsync("/Pengajuan/Unggah", null, (int)SmallUploadLimitFactory.MaxFileBytes + 500_000, Roles.OperatorOpd);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Berkas terlalu besar (2 MB); batasnya 1 MB.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Pengajuan/Unggah")]
    [InlineData("/Bpjs")]
    [InlineData("/Iuran/Tagihan")]
    [InlineData("/Proyek/Impor")]
    public async Task TheFileField_CarriesTheLimit_ForTheBrowserToCheckBeforeSending(string path)
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);

        var html = await client.GetStringAsync(path);

        Assert.Contains("data-max-bytes=\"1048576\"", html, StringComparison.Ordinal);
        Assert.Contains("data-too-large=\"Berkas ini terlalu besar; batasnya 1 MB.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lindung-spreadsheet", html, StringComparison.Ordinal);
    }

    private sealed class BodySize : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }

    [Fact]
    public void ARaisedFileLimit_RaisesTheRequestLimit_AboveKestrelsDefault()
    {
        var limits = new SpreadsheetLimits { MaxFileBytes = 200L * 1024 * 1024 };
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton(limits).BuildServiceProvider() };
        var body = new BodySize();
        http.Features.Set<IHttpMaxRequestBodySizeFeature>(body);
        var context = new AuthorizationFilterContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), []);

        new SpreadsheetUploadLimitAttribute().OnAuthorization(context);

        Assert.Null(context.Result);
        Assert.Equal(201L * 1024 * 1024, body.MaxRequestBodySize);
        Assert.NotNull(http.Features.Get<IFormFeature>());
    }
}
