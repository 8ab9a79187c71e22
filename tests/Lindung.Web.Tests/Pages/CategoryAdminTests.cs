using System.Net;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class CategoryAdminTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private async Task<(HttpResponseMessage Response, string? Stored)> SaveAccountCodeAsync(string code)
    {
        var client = await factory.SignedInAsync(Roles.Administrator);
        Guid id;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            id = (await db.WorkerCategories.SingleAsync(c => c.Code == "MARBOT")).Id;
        }

        var response = await LindungFactory.PostFormAsync(client, $"/Admin/Kategori/Edit/{id}", new()
        {
            ["Input.Name"] = "Pengurus / Marbot Masjid",
            ["Input.Scheme"] = "BPU",
            ["Input.DefaultPrograms"] = "JKK;JKM",
            ["Input.FundingSource"] = "APBD",
            ["Input.DefaultIncome"] = "1000000",
            ["Input.BudgetAccountCode"] = code,
            ["Input.IsActive"] = "true",
        }, formPage: $"/Admin/Kategori/Edit/{id}");
        await using var check = factory.Database.Context(LindungFactory.Tenant);
        return (response, (await check.WorkerCategories.AsNoTracking().SingleAsync(c => c.Id == id)).BudgetAccountCode);
    }

    [Fact]
    public async Task EditPage_ExplainsThatTheFundingSourceOverridesTheParticipationCodeInTheExport()
    {
        var client = await factory.SignedInAsync(Roles.Administrator);
        Guid id;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            id = (await db.WorkerCategories.SingleAsync(c => c.Code == "MARBOT")).Id;
        }

        var html = await client.GetStringAsync($"/Admin/Kategori/Edit/{id}");

        Assert.Contains("data-testid=\"participation-code-hint\"", html, StringComparison.Ordinal);
        Assert.Contains("APBDes/ADD dikirim dengan kode SD", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountCode_DigitsAndDots_IsStoredForTheBudgetLines()
    {
        var (response, stored) = await SaveAccountCodeAsync(" 5.1.02.99.99.0001 ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("5.1.02.99.99.0001", stored);
    }

    [Fact]
    public async Task AccountCode_WithLetters_IsRefusedWithAMessage()
    {
        var (response, _) = await SaveAccountCodeAsync("5.1.02.xx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kode rekening hanya berisi angka yang dipisah titik", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
