using System.Net;
using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class VerificationPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private async Task<Guid> EngagementOfAsync(string name)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        return (await db.Engagements.SingleAsync(e => e.Person!.FullName == name)).Id;
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefusedAndChangesNothing()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var id = await EngagementOfAsync("Ahmad Fauzi");
        VerificationStatus before;
        await using (var read = factory.Database.Context(LindungFactory.Tenant))
        {
            before = (await read.Engagements.SingleAsync(e => e.Id == id)).Verification;
        }

        var response = await LindungFactory.PostFormAsync(client, "/Pengajuan/Verifikasi?handler=Reject",
            new() { ["Selected"] = id.ToString() }, formPage: "/Pengajuan/Verifikasi");

        Assert.Contains("Alasan penolakan wajib diisi.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal(before, (await db.Engagements.SingleAsync(e => e.Id == id)).Verification);
    }

    [Fact]
    public async Task ApproveAndReject_Koordinator_RecordsWhoWhenAndWhyWithAudit()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var siti = await EngagementOfAsync("Siti Nurhayati");
        var ahmad = await EngagementOfAsync("Ahmad Fauzi");

        var approved = await LindungFactory.PostFormAsync(client, "/Pengajuan/Verifikasi?handler=Approve",
            new() { ["Selected"] = siti.ToString() }, formPage: "/Pengajuan/Verifikasi");
        var rejected = await LindungFactory.PostFormAsync(client, "/Pengajuan/Verifikasi?handler=Reject",
            new() { ["Selected"] = ahmad.ToString(), ["Reason"] = "Tercatat sebagai PPPK sejak 2024" }, formPage: "/Pengajuan/Verifikasi");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var s = await db.Engagements.SingleAsync(e => e.Id == siti);
        var a = await db.Engagements.SingleAsync(e => e.Id == ahmad);
        Assert.Equal((VerificationStatus.Verified, "koordinator.uji"), (s.Verification, s.VerifiedBy));
        Assert.NotNull(s.VerifiedAt);
        Assert.Equal((VerificationStatus.Rejected, "Tercatat sebagai PPPK sejak 2024"), (a.Verification, a.VerificationReason));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == ahmad.ToString() && e.After!.Contains("Rejected")));
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Keuangan)]
    public async Task Approve_ReadOnlyRole_IsForbidden(string role)
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[role], LindungFactory.Password);
        var id = await EngagementOfAsync("Siti Nurhayati");

        var page = await client.GetStringAsync("/Pengajuan/Verifikasi");
        var response = await client.PostAsync("/Pengajuan/Verifikasi?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Selected"] = id.ToString(),
            ["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(page),
        }));

        Assert.DoesNotContain("Setujui yang dipilih", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Completeness_NoSubmissions_ListsEveryOpdAsNotSubmittedPriorityFirst()
    {
        var html = await (await factory.SignedInAsync(Roles.Koordinator)).GetStringAsync("/Pengajuan/Kelengkapan?Periode=2025-04");

        Assert.Contains("0 dari 52 OPD sudah mengajukan; 52 belum.", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("complete-BPBD", StringComparison.Ordinal) < html.IndexOf("complete-BKPSDM", StringComparison.Ordinal));
    }
}
