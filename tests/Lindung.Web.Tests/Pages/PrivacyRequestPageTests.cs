using System.Net;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>Correction and deletion requests (UU PDP) through HTTP: recording, roles, legal limits, carrying out.</summary>
public class PrivacyRequestPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private static string TodayText => DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> SignInAsync(string role) => await factory.SignInAsync(LindungFactory.UserOf[role], LindungFactory.Password);

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid person, RequestKind kind, string details = "Mohon perbaiki alamat saya") =>
        LindungFactory.PostFormAsync(client, $"/Pekerja/Permintaan/Catat/{person}", new()
        {
            ["Input.Kind"] = kind.ToString(),
            ["Input.ReceivedOn"] = TodayText,
            ["Input.Channel"] = nameof(RequestChannel.Letter),
            ["Input.RequesterName"] = "Pemohon Uji",
            ["Input.Relation"] = nameof(RequesterRelation.Self),
            ["Input.Details"] = details,
        });

    private static Guid IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private async Task<PersonalDataRequest> RequestAsync(Guid id)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        return await db.PersonalDataRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PostActionAsync(HttpClient client, Guid request, string handler,
        Dictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync($"/Pekerja/Permintaan/Detail/{request}");
        var form = fields ?? [];
        form["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(page);
        var response = await client.PostAsync($"/Pekerja/Permintaan/Detail/{request}?handler={handler}", new FormUrlEncodedContent(form));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Record_OperatorForOwnOpdWorker_IsStoredAndAudited_ButAnotherOpdsWorkerIs404()
    {
        var (own, _) = await factory.AddWorkerAsync("1609014708850701", "Nurul Aini", "DLH");
        var (other, _) = await factory.AddWorkerAsync("1609011208850702", "Joko Santoso", "BPBD");
        var client = await SignInAsync(Roles.OperatorOpd);

        var id = IdFrom(await RecordAsync(client, own, RequestKind.Correction));
        var foreignForm = await client.GetAsync($"/Pekerja/Permintaan/Catat/{other}");
        var worker = await client.GetStringAsync($"/Pekerja/Detail/{own}");

        var r = await RequestAsync(id);
        Assert.Equal((RequestKind.Correction, RequestStatus.Received, "operator.uji", "Pemohon Uji"), (r.Kind, r.Status, r.RecordedBy, r.RequesterName));
        Assert.Equal(HttpStatusCode.NotFound, foreignForm.StatusCode);
        Assert.Contains("data-testid=\"request-link\"", worker, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var ev = await db.AuditEvents.SingleAsync(e => e.EntityType == nameof(PersonalDataRequest) && e.EntityId == id.ToString());
        Assert.Equal((AuditActions.Created, "operator.uji"), (ev.Action, ev.UserName));
        Assert.DoesNotContain("Pemohon Uji", ev.After, StringComparison.Ordinal);
        Assert.DoesNotContain("alamat saya", ev.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_MissingFields_ShowsTheReasonsAndStoresNothing()
    {
        var (own, _) = await factory.AddWorkerAsync("1609014708850711", "Sri Wahyuni", "DLH");
        var client = await SignInAsync(Roles.Koordinator);

        var response = await LindungFactory.PostFormAsync(client, $"/Pekerja/Permintaan/Catat/{own}", new() { ["Input.ReceivedOn"] = "31/12/2999" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pilih jenis permintaan.", html, StringComparison.Ordinal);
        Assert.Contains("tidak di masa depan", html, StringComparison.Ordinal);
        Assert.Contains("Nama pemohon wajib diisi", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.PersonalDataRequests.AnyAsync(r => r.PersonId == own));
    }

    [Fact]
    public async Task List_OperatorSeesOwnOpdsOpenRequestsOnly_KoordinatorSeesAll()
    {
        var (own, _) = await factory.AddWorkerAsync("1609014708850721", "Ratna Sari Dewi", "DLH");
        var (other, _) = await factory.AddWorkerAsync("1609011208850722", "Hendra Gunawan", "BPBD");
        var koordinator = await SignInAsync(Roles.Koordinator);
        var ownRequest = IdFrom(await RecordAsync(koordinator, own, RequestKind.Deletion));
        var otherRequest = IdFrom(await RecordAsync(koordinator, other, RequestKind.Deletion));
        var operatorClient = await SignInAsync(Roles.OperatorOpd);

        var operatorList = await operatorClient.GetStringAsync("/Pekerja/Permintaan");
        var koordinatorList = await koordinator.GetStringAsync("/Pekerja/Permintaan");
        var foreignDetail = await operatorClient.GetAsync($"/Pekerja/Permintaan/Detail/{otherRequest}");

        Assert.Contains("Ratna Sari Dewi", operatorList, StringComparison.Ordinal);
        Assert.DoesNotContain("Hendra Gunawan", operatorList, StringComparison.Ordinal);
        Assert.Contains("Hendra Gunawan", koordinatorList, StringComparison.Ordinal);
        Assert.Contains(ownRequest.ToString(), operatorList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreignDetail.StatusCode);
    }

    [Fact]
    public async Task Deletion_RefusedWhileEngagementActive_OperatorMayNotCarryItOut_KoordinatorErasesOnceEnded()
    {
        var (person, engagement) = await factory.AddWorkerAsync("1609014708850731", "Yuliana Pertiwi", "DLH");
        var operatorClient = await SignInAsync(Roles.OperatorOpd);
        var koordinator = await SignInAsync(Roles.Koordinator);
        var id = IdFrom(await RecordAsync(operatorClient, person, RequestKind.Deletion, "Hapus data saya"));

        var page = WebUtility.HtmlDecode(await koordinator.GetStringAsync($"/Pekerja/Permintaan/Detail/{id}"));
        var (byOperator, _) = await PostActionAsync(operatorClient, id, "Erase");
        var (blocked, blockedHtml) = await PostActionAsync(koordinator, id, "Erase");
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            await db.Engagements.Where(e => e.Id == engagement).ExecuteUpdateAsync(u => u.SetProperty(e => e.EndDate, new DateOnly(2025, 1, 31)));
        }

        var (done, _) = await PostActionAsync(koordinator, id, "Erase");
        var worker = WebUtility.HtmlDecode(await koordinator.GetStringAsync($"/Pekerja/Detail/{person}"));

        Assert.Contains("Ditolak: masih ada penugasan yang aktif.", page, StringComparison.Ordinal);
        Assert.Contains("perlu konfirmasi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Erase", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains("Penghapusan tidak dilaksanakan", blockedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var r = await RequestAsync(id);
        Assert.Equal((RequestStatus.Done, "koordinator.uji", ""), (r.Status, r.DoneBy, r.RequesterName));
        Assert.Contains("data-testid=\"erased\"", worker, StringComparison.Ordinal);
        Assert.DoesNotContain("Yuliana", worker, StringComparison.Ordinal);
        await using var check = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await check.People.AnyAsync(p => p.FullName == "Yuliana Pertiwi"));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.PersonalDataErased && e.EntityId == person.ToString() && e.UserName == "koordinator.uji"));
    }

    [Fact]
    public async Task Deletion_OfAWorkerRegisteredAtBpjs_IsDeferredWithTheDateItMayHappen()
    {
        var (person, engagement) = await factory.AddWorkerAsync("1609014708850741", "Fitri Handayani", "DLH",
            VerificationStatus.Verified, RegistrationStatus.Registered);
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            await db.Engagements.Where(e => e.Id == engagement).ExecuteUpdateAsync(u => u.SetProperty(e => e.EndDate, new DateOnly(2025, 1, 31)));
        }

        var koordinator = await SignInAsync(Roles.Koordinator);
        var id = IdFrom(await RecordAsync(koordinator, person, RequestKind.Deletion));
        var page = WebUtility.HtmlDecode(await koordinator.GetStringAsync($"/Pekerja/Permintaan/Detail/{id}"));

        Assert.Contains("Ditangguhkan: data pekerja yang sudah dikirim ke/terdaftar di BPJS wajib disimpan 5 tahun setelah penugasan terakhir berakhir (31/01/2025); penghapusan dapat dilaksanakan mulai 01/02/2030.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_CarriedOutThroughTheEditForm_MarksTheRequestDoneAndLinksTheAuditedEdit()
    {
        var (person, _) = await factory.AddWorkerAsync("1609014708850751", "Dian Permata", "DLH");
        var operatorClient = await SignInAsync(Roles.OperatorOpd);
        var id = IdFrom(await RecordAsync(operatorClient, person, RequestKind.Correction, "Alamat saya Jl. Cempaka 3"));
        var (processed, _) = await PostActionAsync(operatorClient, id, "Process");
        var detail = await operatorClient.GetStringAsync($"/Pekerja/Permintaan/Detail/{id}");
        var formUrl = $"/Pekerja/Ubah/{person}?permintaan={id}";
        var form = await operatorClient.GetStringAsync(formUrl);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Dian Permata",
            ["Input.BirthPlace"] = "Muaradua",
            ["Input.BirthDate"] = "07/08/1985",
            ["Input.Sex"] = "P",
            ["Input.Address"] = "Jl. Cempaka 3",
            ["Input.DistrictCode"] = "16.09.01",
            ["Input.VillageCode"] = "16.09.01.2002",
            ["Input.Phone"] = "",
            ["Input.Kpj"] = "",
            ["Input.Stamp"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Stamp\" value=\"(\\d+)\"").Groups[1].Value,
            ["permintaan"] = id.ToString(),
        };

        var saved = await LindungFactory.PostFormAsync(operatorClient, formUrl, fields);

        Assert.Equal(HttpStatusCode.Redirect, processed.StatusCode);
        Assert.Contains("data-testid=\"correct-link\"", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"edit-for-request\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Pekerja/Permintaan/Detail/{id}", saved.Headers.Location!.OriginalString);
        var r = await RequestAsync(id);
        Assert.Equal((RequestStatus.Done, "Address", "operator.uji"), (r.Status, r.ChangedFields, r.DoneBy));
        Assert.NotNull(r.ProcessingAt);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var edit = await db.AuditEvents.SingleAsync(e => e.Id == r.CorrectionAuditEventId);
        Assert.Equal((AuditActions.Updated, nameof(Person), person.ToString(), "{\"Address\":\"•••\"}"), (edit.Action, edit.EntityType, edit.EntityId, edit.After));
        Assert.Equal("Jl. Cempaka 3", (await db.People.SingleAsync(p => p.Id == person)).Address);
    }

    [Fact]
    public async Task Refuse_NeedsAReason_AndOnlyTheKoordinatorOrAdministrator()
    {
        var (person, _) = await factory.AddWorkerAsync("1609014708850761", "Agus Salim", "DLH");
        var koordinator = await SignInAsync(Roles.Koordinator);
        var id = IdFrom(await RecordAsync(koordinator, person, RequestKind.Deletion));
        var operatorClient = await SignInAsync(Roles.OperatorOpd);

        var (byOperator, _) = await PostActionAsync(operatorClient, id, "Refuse", new() { ["reason"] = "x" });
        var (noReason, noReasonHtml) = await PostActionAsync(koordinator, id, "Refuse", new() { ["reason"] = " " });
        var (refused, _) = await PostActionAsync(koordinator, id, "Refuse", new() { ["reason"] = "Data diperlukan untuk klaim JKK yang sedang berjalan" });
        var page = WebUtility.HtmlDecode(await koordinator.GetStringAsync($"/Pekerja/Permintaan/Detail/{id}"));

        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Contains("Alasan penolakan wajib diisi", noReasonHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var r = await RequestAsync(id);
        Assert.Equal((RequestStatus.Refused, "koordinator.uji", "Data diperlukan untuk klaim JKK yang sedang berjalan"), (r.Status, r.RefusedBy, r.RefusalReason));
        Assert.Contains("Ditolak", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"request-actions\"", page, StringComparison.Ordinal);
    }
}
