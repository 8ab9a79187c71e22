using System.Net;
using Lindung.Core.Claims;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class ClaimPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private async Task<(Guid Dlh, Guid Bpbd)> IncidentsAsync()
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var dlh = await factory.AnIncidentOfTheDlhWorkerAsync();
        var bpbd = await db.Incidents.Where(i => i.AgencyId != db.Agencies.Single(a => a.Code == "DLH").Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync()
            ?? await LindungFactory.AddIncidentAsync(db, "Ahmad Fauzi", IncidentKind.Death);
        return (dlh, bpbd);
    }

    [Fact]
    public async Task OperatorOpd_AnotherOpdsIncident_NotListedNotFoundAndNotChangeable()
    {
        var (dlh, bpbd) = await IncidentsAsync();
        var op = await factory.SignedInAsync(Roles.OperatorOpd);

        var list = await op.GetStringAsync("/Klaim");
        var own = await op.GetAsync("/Klaim/Detail/" + dlh);
        var other = await op.GetAsync("/Klaim/Detail/" + bpbd);
        var change = await LindungFactory.PostFormAsync(op, $"/Klaim/Detail/{bpbd}?handler=Heir", new() { ["name"] = "Istri", ["relationship"] = "istri" },
            "/Klaim/Detail/" + dlh);
        var report = await op.GetStringAsync("/Klaim/Laporan");

        Assert.Contains("Siti Nurhayati", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Ahmad Fauzi", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.DoesNotContain("Ahmad Fauzi", report, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.Heirs.AnyAsync(h => h.Name == "Istri"));

        var koordinator = await (await factory.SignedInAsync(Roles.Koordinator)).GetStringAsync("/Klaim");
        Assert.Contains("Ahmad Fauzi", koordinator, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorOpd_RecordsForAnotherOpdsEngagement_NotFound()
    {
        var op = await factory.SignedInAsync(Roles.OperatorOpd);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var bpbdEngagement = await db.Engagements.Where(e => e.Person!.FullName == "Ahmad Fauzi").Select(e => e.Id).FirstAsync();
        var before = await db.Incidents.CountAsync();

        var response = await LindungFactory.PostFormAsync(op, "/Klaim/Catat", new()
        {
            ["Input.EngagementId"] = bpbdEngagement.ToString(),
            ["Input.Kind"] = "WorkAccident",
            ["Input.OccurredOn"] = "2025-04-01",
            ["Input.Place"] = "Pos BPBD",
            ["Input.Description"] = "Terluka",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await db.Incidents.CountAsync());
    }

    [Fact]
    public async Task ReadOnlyRoles_CannotChangeAClaim()
    {
        var (dlh, _) = await IncidentsAsync();
        foreach (var role in new[] { Roles.Pimpinan, Roles.Auditor, Roles.Keuangan })
        {
            var client = await factory.SignedInAsync(role);
            var response = await LindungFactory.PostFormAsync(client, $"/Klaim/Detail/{dlh}?handler=Heir",
                new() { ["name"] = "Ahli " + role, ["relationship"] = "anak" }, "/Klaim/Detail/" + dlh);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task Record_ByKoordinator_CreatesIncidentWithChecklistAndAudit()
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var engagement = await db.Engagements.Where(e => e.Person!.FullName == "Ahmad Fauzi").Select(e => e.Id).FirstAsync();

        var response = await LindungFactory.PostFormAsync(client, "/Klaim/Catat", new()
        {
            ["Input.EngagementId"] = engagement.ToString(),
            ["Input.Kind"] = "Death",
            ["Input.OccurredOn"] = "2025-09-01",
            ["Input.Place"] = "Rumah",
            ["Input.Description"] = "Sakit jantung",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var incident = await db.Incidents.Include(i => i.Claim!).ThenInclude(c => c.Documents).SingleAsync(i => i.Description == "Sakit jantung");
        Assert.Equal(("JKM", false), (incident.Claim!.Program, incident.WorkRelated));
        Assert.Contains(incident.Claim.Documents, d => d.Kind == ClaimDocumentKind.DeathCertificate);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Incident) && e.EntityId == incident.Id.ToString()));
        var detail = await client.GetStringAsync("/Klaim/Detail/" + incident.Id);
        // Ahmad's engagement is not registered at BPJS and no BPJS list exists for 2025-09.
        Assert.Contains("inactive-warning", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Benefits_AdministratorAddsADatedVersion_OthersCannot_SeedDateMarkedUnconfirmed()
    {
        var fields = BenefitBook.Seed[0].Amounts.ToDictionary(a => $"amounts[{a.Code}]", a => a.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fields["amounts[" + BenefitBook.JkmLumpSum + "]"] = "25.000.000";
        fields["from"] = "2026-07-01";
        fields["basis"] = "PP uji 2026";
        var page = await (await factory.SignedInAsync(Roles.Koordinator)).GetStringAsync("/Klaim/Manfaat");
        Assert.Contains("Tanggal mulai berlaku belum dikonfirmasi", page, StringComparison.Ordinal);

        var koordinator = await LindungFactory.PostFormAsync(await factory.SignedInAsync(Roles.Koordinator), "/Klaim/Manfaat", new(fields));
        var admin = await LindungFactory.PostFormAsync(await factory.SignedInAsync(Roles.Administrator), "/Klaim/Manfaat", new(fields));

        Assert.Equal(HttpStatusCode.Forbidden, koordinator.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var versions = await BenefitBook.LoadAsync(db);
        Assert.Equal(20_000_000, BenefitBook.For(versions, new DateOnly(2026, 6, 30)).Amount(BenefitBook.JkmLumpSum));
        Assert.Equal(25_000_000, BenefitBook.For(versions, new DateOnly(2026, 7, 1)).Amount(BenefitBook.JkmLumpSum));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "TenantSetting"));
    }
}
