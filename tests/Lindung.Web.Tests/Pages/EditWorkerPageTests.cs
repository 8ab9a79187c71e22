using System.Net;
using System.Text.RegularExpressions;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>/Pekerja/Ubah: correcting a worker's identity and contact facts (never the NIK).</summary>
public class EditWorkerPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    /// <summary>Every field as the form sends it, already in the stored form (so no review step is needed).</summary>
    private static Dictionary<string, string> Fields(string name, string birthDate = "07/08/1985", string sex = "P") => new()
    {
        ["Input.Name"] = name,
        ["Input.BirthPlace"] = "Muaradua",
        ["Input.BirthDate"] = birthDate,
        ["Input.Sex"] = sex,
        ["Input.Address"] = "",
        ["Input.DistrictCode"] = "16.09.01",
        ["Input.VillageCode"] = "16.09.01.2002",
        ["Input.Phone"] = "",
        ["Input.Kpj"] = "",
    };

    /// <summary>Opens the edit form like a browser (anti-forgery token, the record's stamp, a pending review) and posts the fields.</summary>
    internal static async Task<(HttpResponseMessage Response, string Html)> PostEditAsync(HttpClient client, Guid id,
        Dictionary<string, string> fields, string? formHtml = null)
    {
        formHtml ??= await client.GetStringAsync($"/Pekerja/Ubah/{id}");
        fields["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(formHtml);
        fields["Input.Stamp"] = Regex.Match(formHtml, "name=\"Input.Stamp\" value=\"(\\d+)\"").Groups[1].Value;
        if (Regex.Match(formHtml, "name=\"Input.Reviewed\" value=\"([0-9A-F]+)\"") is { Success: true } reviewed)
        {
            fields["Input.Reviewed"] = reviewed.Groups[1].Value;
        }

        var response = await client.PostAsync($"/Pekerja/Ubah/{id}", new FormUrlEncodedContent(fields));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<HttpClient> SignInAsync(string role) => await factory.SignInAsync(LindungFactory.UserOf[role], LindungFactory.Password);

    [Fact]
    public async Task Edit_OwnOpdWorkerByOperator_IsStoredWithNameKeyAndAuditedWithoutTheNik()
    {
        const string nik = "1609014708850101";
        var (id, _) = await factory.AddWorkerAsync(nik, "Rina Wulandari", "DLH");
        var client = await SignInAsync(Roles.OperatorOpd);
        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/Pekerja/Ubah/{id}"));
        var fields = Fields("Hj. Rina Wulandari Putri, S.Pd.");
        fields["Input.Address"] = "Jl. Merdeka No. 5";
        fields["Input.Phone"] = "+6281398765432";
        fields["Input.Kpj"] = "12345678901";
        fields["Input.DistrictCode"] = "16.09.02";
        fields["Input.VillageCode"] = "16.09.02.2012";

        var (response, _) = await PostEditAsync(client, id, fields);

        Assert.Contains("1609••••••••0101", form, StringComparison.Ordinal);
        Assert.Contains("NIK tidak dapat diubah di sini", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Data pekerja disimpan.", detail, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var p = await db.People.SingleAsync(x => x.Id == id);
        Assert.Equal(("Rina Wulandari Putri", "Hj.", "S.Pd.", "RINA WULANDARI PUTRI"), (p.FullName, p.FrontTitle, p.BackTitle, p.NameKey));
        Assert.Equal(("Jl. Merdeka No. 5", "+6281398765432", "12345678901", "16.09.02", "16.09.02.2012"),
            (p.Address, p.Phone, p.Kpj, p.DistrictCode, p.VillageCode));
        Assert.Equal("1609••••••••0101", p.NikMasked);
        var ev = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.Updated && e.EntityType == nameof(Person) && e.EntityId == id.ToString());
        Assert.Equal("operator.uji", ev.UserName);
        // Personal data (UU PDP): the trail names the changed fields, never their values (docs/privacy-requests.md).
        Assert.Contains("\"NameKey\":\"•••\"", ev.After, StringComparison.Ordinal);
        Assert.Contains("\"FullName\":\"•••\"", ev.Before, StringComparison.Ordinal);
        Assert.Contains("\"Address\":\"•••\"", ev.After, StringComparison.Ordinal);
        foreach (var text in new[] { ev.Before, ev.After, ev.Detail })
        {
            Assert.DoesNotContain("Rina Wulandari", text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Merdeka", text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(nik, text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Nik", text ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Edit_ValuesThatAreNormalised_AreShownAndStoredOnlyOnceConfirmed()
    {
        var (id, _) = await factory.AddWorkerAsync("1609014708850102", "Dewi Lestari", "DLH");
        var client = await SignInAsync(Roles.Koordinator);
        Dictionary<string, string> Typed()
        {
            var fields = Fields("  Dewi   Lestari ");
            fields["Input.Phone"] = "0813-1111-2222";
            fields["Input.Kpj"] = "123 4567 8902";
            return fields;
        }

        var (review, html) = await PostEditAsync(client, id, Typed());

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("beginilah data akan disimpan", html, StringComparison.Ordinal);
        Assert.Contains("+6281311112222", html, StringComparison.Ordinal);
        Assert.Contains("12345678902", html, StringComparison.Ordinal);
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            Assert.Null((await db.People.SingleAsync(x => x.Id == id)).Phone);
        }

        var (confirmed, _) = await PostEditAsync(client, id, Typed(), html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using var after = factory.Database.Context(LindungFactory.Tenant);
        var p = await after.People.SingleAsync(x => x.Id == id);
        Assert.Equal(("Dewi Lestari", "+6281311112222", "12345678902"), (p.FullName, p.Phone, p.Kpj));
    }

    [Theory]
    [InlineData("0111", "Input.BirthDate", "31/02/1985", "Tanggal lahir \"31/02/1985\" tidak dikenali")]
    [InlineData("0112", "Input.BirthDate", "07/08/2099", "Tanggal lahir 07/08/2099 belum terjadi.")]
    [InlineData("0113", "Input.VillageCode", "16.08.01.2006", "Desa/kelurahan dengan kode \"16.08.01.2006\" tidak ada di kabupaten ini.")]
    [InlineData("0114", "Input.VillageCode", "16.09.01.9999", "Desa/kelurahan dengan kode \"16.09.01.9999\" tidak ada di kabupaten ini.")]
    [InlineData("0115", "Input.VillageCode", "16.09.02.2012", "Desa Tanjung Bulan tidak berada di Kecamatan Muara Dua.")]
    [InlineData("0116", "Input.Phone", "0735-321456", "Nomor HP \"0735-321456\" tidak dikenali")]
    [InlineData("0117", "Input.Kpj", "1234567890", "Nomor KPJ \"1234567890\" tidak sah")]
    [InlineData("0118", "Input.Name", "Siti 2", "Nama memuat angka")]
    public async Task Edit_InvalidValue_IsRefusedWithTheReasonAndNothingIsStored(string serial, string field, string value, string message)
    {
        var (id, _) = await factory.AddWorkerAsync("160901470885" + serial, "Nur Aisyah", "DLH");
        var client = await SignInAsync(Roles.OperatorOpd);
        var fields = Fields("Nur Aisyah Rahma");
        fields[field] = value;

        var (response, html) = await PostEditAsync(client, id, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Belum disimpan", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal("Nur Aisyah", (await db.People.SingleAsync(x => x.Id == id)).FullName);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Updated && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Edit_OperatorOfAnotherOpd_IsNotFoundAndNothingChanges()
    {
        var (own, _) = await factory.AddWorkerAsync("1609014708850121", "Maya Sari", "DLH");
        var (other, _) = await factory.AddWorkerAsync("1609011208850122", "Bambang Irawan", "BPBD");
        var client = await SignInAsync(Roles.OperatorOpd);
        var ownForm = await client.GetStringAsync($"/Pekerja/Ubah/{own}");

        var get = await client.GetAsync($"/Pekerja/Ubah/{other}");
        var (post, _) = await PostEditAsync(client, other, Fields("Bambang Irawan Saputra", "12/08/1985", "L"), ownForm);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains("Maya Sari", ownForm, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal("Bambang Irawan", (await db.People.SingleAsync(x => x.Id == other)).FullName);
    }

    [Theory]
    [InlineData("0131", Roles.OperatorOpd, RegistrationStatus.NotRegistered, "Nanda Pratiwi Utami", VerificationStatus.Pending)]
    [InlineData("0132", Roles.OperatorOpd, RegistrationStatus.NotRegistered, "nanda  pratiwi", VerificationStatus.Verified)]
    [InlineData("0133", Roles.Koordinator, RegistrationStatus.NotRegistered, "Nanda Pratiwi Utami", VerificationStatus.Verified)]
    [InlineData("0134", Roles.OperatorOpd, RegistrationStatus.Registered, "Nanda Pratiwi Utami", VerificationStatus.Verified)]
    public async Task Edit_VerifiedWorker_ReopensVerificationOnlyForAnOperatorsIdentityChangeNotYetAtBpjs(string serial, string role,
        RegistrationStatus registration, string newName, VerificationStatus expected)
    {
        var (id, engagementId) = await factory.AddWorkerAsync("160901470885" + serial, "Nanda Pratiwi", "DLH",
            VerificationStatus.Verified, registration);
        var client = await SignInAsync(role);

        var (first, html) = await PostEditAsync(client, id, Fields(newName));
        var response = first.StatusCode == HttpStatusCode.OK ? (await PostEditAsync(client, id, Fields(newName), html)).Response : first;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (expected == VerificationStatus.Pending)
        {
            Assert.Contains("1 penugasan yang belum dikirim ke BPJS kembali menunggu verifikasi", html, StringComparison.Ordinal);
            var queue = await (await SignInAsync(Roles.Koordinator)).GetStringAsync("/Pengajuan/Verifikasi");
            Assert.Contains("Identitas diubah oleh operator.uji; perlu verifikasi ulang.", queue, StringComparison.Ordinal);
        }

        if (registration == RegistrationStatus.Registered)
        {
            Assert.Contains("sudah dikirim ke BPJS", html, StringComparison.Ordinal);
        }

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var e = await db.Engagements.SingleAsync(x => x.Id == engagementId);
        Assert.Equal(expected, e.Verification);
        Assert.Equal(expected == VerificationStatus.Pending ? "Identitas diubah oleh operator.uji; perlu verifikasi ulang." : null,
            e.VerificationReason);
        Assert.Equal(NameKeys.For(newName), (await db.People.SingleAsync(x => x.Id == id)).NameKey);
    }

    [Fact]
    public async Task Edit_BirthDateThatDisagreesWithTheNik_IsShownAsAWarningBeforeSaving()
    {
        var (id, _) = await factory.AddWorkerAsync("1609014708850141", "Yuni Kartika", "DLH");
        var client = await SignInAsync(Roles.Koordinator);

        var (review, html) = await PostEditAsync(client, id, Fields("Yuni Kartika", birthDate: "17/08/1985"));

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("Tanggal lahir tidak cocok dengan tanggal dalam NIK", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal(new DateOnly(1985, 8, 7), (await db.People.SingleAsync(x => x.Id == id)).BirthDate);
    }

    [Fact]
    public async Task Edit_AfterSomeoneElseSavedTheWorker_IsRefusedAndKeepsTheirChange()
    {
        var (id, _) = await factory.AddWorkerAsync("1609014708850151", "Fitri Handayani", "DLH");
        var client = await SignInAsync(Roles.OperatorOpd);
        var form = await client.GetStringAsync($"/Pekerja/Ubah/{id}");
        await using (var other = factory.Database.Context(LindungFactory.Tenant, "koordinator.uji"))
        {
            (await other.People.SingleAsync(x => x.Id == id)).Address = "Jl. Ahmad Yani 1";
            await other.SaveChangesAsync();
        }

        var (response, html) = await PostEditAsync(client, id, Fields("Fitri Handayani Putri"), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("diubah pengguna lain sejak formulir dibuka", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var p = await db.People.SingleAsync(x => x.Id == id);
        Assert.Equal(("Fitri Handayani", "Jl. Ahmad Yani 1"), (p.FullName, p.Address));
    }
}
