using System.Net;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;

namespace Lindung.Web.Tests.Pages;

public class SignInTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task Get_RootAnonymously_RedirectsToSignIn()
    {
        var response = await factory.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Akun/Masuk", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountEvenForTheRightPassword()
    {
        await factory.SignInAsync(LindungFactory.UserOf[Roles.Perencana], LindungFactory.Password); // exists and works
        var client = factory.Anonymous();
        var user = new Dictionary<string, string> { ["Input.UserName"] = "pimpinan.uji" };

        string last = "";
        for (var i = 0; i < 5; i++)
        {
            var wrong = new Dictionary<string, string>(user) { ["Input.Password"] = "salah-salah-salah-" + i };
            var response = await LindungFactory.PostFormAsync(client, "/Akun/Masuk", wrong);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        var right = new Dictionary<string, string>(user) { ["Input.Password"] = LindungFactory.Password };
        var locked = await LindungFactory.PostFormAsync(client, "/Akun/Masuk", right);

        Assert.Contains("terkunci", last, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("terkunci", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsIndonesianMessage()
    {
        var response = await LindungFactory.PostFormAsync(factory.Anonymous(), "/Akun/Masuk",
            new() { ["Input.UserName"] = "auditor.uji", ["Input.Password"] = "bukan-kata-sandinya" });

        Assert.Contains("Nama pengguna atau kata sandi salah.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var client = await factory.SignInAsync("admin.uji", LindungFactory.Password);
        var id = factory.Database.Context(LindungFactory.Tenant).Agencies.First(a => a.Code == "DLH").Id;

        var response = await client.PostAsync($"/Admin/Opd/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Tanpa token",
            ["Input.ShortName"] = "X",
            ["Input.JkkRiskGroup"] = "1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("Tanpa token", factory.Database.Context(LindungFactory.Tenant).Agencies.First(a => a.Id == id).Name);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);
        foreach (var url in new[] { "/", "/Akun/Masuk", "/lib/bootstrap/bootstrap.min.css", "/health" })
        {
            var response = await (url == "/Akun/Masuk" ? factory.Anonymous() : client).GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Health_Anonymous_IsHealthy()
    {
        var response = await factory.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public class SignInRateLimitTests(StrictSignInLindungFactory factory) : IClassFixture<StrictSignInLindungFactory>
{
    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimit_Answers429()
    {
        var client = factory.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await LindungFactory.PostFormAsync(client, "/Akun/Masuk",
                new() { ["Input.UserName"] = "tidak.ada", ["Input.Password"] = "apa-saja-" + i });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}

public class SignOutTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task SignOut_FromTheShellForm_EndsTheSession()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Lindung.Core.Identity.Roles.Keuangan], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Akun/Keluar", [], formPage: "/");
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Akun/Masuk", after.Headers.Location!.AbsolutePath);
    }
}
