using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Core.Registry.Verification;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Pekerja;

/// <summary>
/// Corrects a person's identity and contact facts — never the NIK. Values go through the importer's parsers. When
/// what would be stored is not exactly what was typed, or the change has consequences (verification reopened,
/// a mismatch with the NIK, data already at BPJS), the page shows the outcome and saves only when that same
/// outcome is submitted again. Operator OPD: only people with an engagement in their OPD (others answer 404).
/// </summary>
public sealed class UbahModel(LindungDbContext db, NikProtector nik, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>A correction request (UU PDP) this edit carries out: saving marks it Dilaksanakan and links the audited edit.</summary>
    [BindProperty(SupportsGet = true, Name = "permintaan")]
    public Guid? RequestId { get; set; }

    public Lindung.Core.Privacy.PersonalDataRequest? DataRequest { get; private set; }

    public Person Person { get; private set; } = null!;
    public List<Region> Districts { get; private set; } = [];
    public List<Region> Villages { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public List<string> Notices { get; } = [];
    public List<Change> Changes { get; private set; } = [];
    public bool NoChange { get; private set; }

    /// <summary>Set when the outcome must be seen before it is saved: submitting it unchanged saves it.</summary>
    public string? ReviewedOutcome { get; private set; }

    public sealed record Change(string Field, string? Before, string? After);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, CancellationToken.None))
        {
            return NotFound();
        }

        if (!await LoadRequestAsync(id, CancellationToken.None))
        {
            return NotFound();
        }

        Input = InputModel.From(PersonDetails.Of(Person), Person.ModifiedAt.Ticks);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        if (!scope.MayEditRegistry)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!await LoadRequestAsync(id, ct))
        {
            return NotFound();
        }

        if (Input.Stamp != Person.ModifiedAt.Ticks)
        {
            Errors.Add(t["Edit_Err_Stale"]);
            return Page();
        }

        var details = await ParseAsync(ct);
        if (details is null)
        {
            return Page();
        }

        var before = PersonDetails.Of(Person);
        Changes = Diff(before, details);
        if (Changes.Count == 0)
        {
            NoChange = true;
            return Page();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var identityChanged = details.ChangesIdentityOf(Person);
        var reopen = identityChanged && !scope.MayVerify
            ? Person.Engagements.Count(e => VerificationService.ReopensAfterIdentityChange(e, today)) : 0;
        if (reopen > 0)
        {
            Notices.Add(t["Edit_WillReopen", reopen]);
        }

        if (identityChanged && Person.Engagements.Any(e => e.Registration != RegistrationStatus.NotRegistered))
        {
            Notices.Add(t["Edit_SentToBpjs"]);
        }

        if (details.BirthDate != before.BirthDate || details.Sex != before.Sex)
        {
            // Compared in memory only, never shown: the NIK encodes birth date and sex (day + 40 for women).
            var check = Nik.Check(nik.Decrypt(Person.NikCipher), today, recordedBirthDate: details.BirthDate, recordedSex: details.Sex);
            Notices.AddRange(check.Issues.Select(i => i.Code switch
            {
                IssueCodes.NikBirthDateMismatch => t["Edit_Warn_NikBirthDate"].Value,
                IssueCodes.NikSexMismatch => t["Edit_Warn_NikSex"].Value,
                _ => null,
            }).OfType<string>());
        }

        var outcome = Outcome(details);
        if ((Notices.Count > 0 || !Input.SameAs(InputModel.From(details, Input.Stamp))) && Input.Reviewed != outcome)
        {
            ReviewedOutcome = outcome;
            return Page();
        }

        details.ApplyTo(Person);
        var reopened = reopen > 0
            ? VerificationService.ReopenAfterIdentityChange(Person.Engagements, t["Edit_ReopenReason", db.Actor.UserName], today) : 0;
        if (DataRequest is not null)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            Permintaan.CorrectionLink.Record(db, DataRequest, Person);
            await db.SaveChangesAsync(ct);
            Permintaan.CorrectionLink.LinkAuditEvent(db, DataRequest, Person);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return RedirectToPage("Permintaan/Detail", new { id = DataRequest.Id });
        }

        await db.SaveChangesAsync(ct);
        TempData["WorkerMessage"] = reopened > 0 ? "edited-reopened" : "edited";
        return RedirectToPage("Detail", new { id });
    }

    /// <summary>The request named by <c>?permintaan=</c>, when given, must be an open correction of this person.</summary>
    private async Task<bool> LoadRequestAsync(Guid personId, CancellationToken ct)
    {
        if (RequestId is not { } requestId)
        {
            return true;
        }

        DataRequest = await db.PersonalDataRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.PersonId == personId
            && r.Kind == Lindung.Core.Privacy.RequestKind.Correction
            && (r.Status == Lindung.Core.Privacy.RequestStatus.Received || r.Status == Lindung.Core.Privacy.RequestStatus.Processing), ct);
        return DataRequest is not null;
    }

    private async Task<PersonDetails?> ParseAsync(CancellationToken ct)
    {
        var (name, nameIssue) = PersonName.Parse(Input.Name);
        if (nameIssue is not null)
        {
            Errors.Add(t[nameIssue.Code == IssueCodes.NameMissing ? "Edit_Err_NameMissing" : "Edit_Err_NameInvalid"]);
        }
        else if (name!.Name.Length > 200 || name.FrontTitle?.Length > 40 || name.BackTitle?.Length > 60)
        {
            Errors.Add(t["Edit_Err_TooLong", t["Add_NameKtp"], 200]);
        }

        DateOnly birth = default;
        if (Text(Input.BirthDate) is not { } birthText)
        {
            Errors.Add(t["Val_Required", t["Reg_BirthDate"]]);
        }
        else if (!DateParsing.TryParse(birthText, out birth))
        {
            Errors.Add(t["Edit_Err_BirthDate", birthText]);
        }
        else if (birth > DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime))
        {
            Errors.Add(t["Edit_Err_BirthDateFuture", IndonesianFormat.Date(birth)]);
        }

        var sex = FieldParsing.ParseSex(Input.Sex);
        if (sex is null)
        {
            Errors.Add(t["Edit_Err_Sex"]);
        }

        var phone = Text(Input.Phone) is { } typedPhone ? FieldParsing.NormalisePhone(typedPhone) : null;
        if (phone is null && Text(Input.Phone) is { } badPhone)
        {
            Errors.Add(t["Edit_Err_Phone", badPhone]);
        }

        var kpj = Text(Input.Kpj) is { } typedKpj ? FieldParsing.NormaliseKpj(typedKpj) : null;
        if (kpj is null && Text(Input.Kpj) is { } badKpj)
        {
            Errors.Add(t["Edit_Err_Kpj", badKpj]);
        }
        else if (kpj is not null && kpj != Person.Kpj && await db.People.AnyAsync(p => p.Kpj == kpj && p.Id != Person.Id, ct))
        {
            Errors.Add(t["Edit_Err_KpjTaken", kpj]);
        }

        var village = Text(Input.VillageCode) is { } v ? Villages.FirstOrDefault(r => r.Code == v) : null;
        var district = Text(Input.DistrictCode) is { } d ? Districts.FirstOrDefault(r => r.Code == d) : null;
        if (village is null && Text(Input.VillageCode) is { } unknownVillage)
        {
            Errors.Add(t["Edit_Err_Village", unknownVillage]);
        }

        if (district is null && Text(Input.DistrictCode) is { } unknownDistrict)
        {
            Errors.Add(t["Edit_Err_District", unknownDistrict]);
        }
        else if (village is not null && district is not null && village.ParentCode != district.Code)
        {
            Errors.Add(t["Edit_Err_VillageDistrict", village.Name, district.Name]);
        }

        foreach (var (label, value, max) in new[] { ("Add_BirthPlace", Input.BirthPlace, 100), ("Reg_Address", Input.Address, 300) })
        {
            if (Text(value)?.Length > max)
            {
                Errors.Add(t["Edit_Err_TooLong", t[label], max]);
            }
        }

        return Errors.Count > 0 ? null : new PersonDetails(name!, birth, sex!.Value, Text(Input.BirthPlace), Text(Input.Address),
            district?.Code ?? village?.ParentCode, village?.Code, phone, kpj);
    }

    private List<Change> Diff(PersonDetails a, PersonDetails b)
    {
        string? Region(string? code) => code is null ? null
            : Districts.Concat(Villages).FirstOrDefault(r => r.Code == code) is { } r ? $"{r.Name} ({code})" : code;
        string Sex(char s) => t[s == 'P' ? "Sex_P" : "Sex_L"];
        return new Change[]
        {
            new(t["Add_NameKtp"], InputModel.Display(a.Name), InputModel.Display(b.Name)),
            new(t["Add_BirthPlace"], a.BirthPlace, b.BirthPlace),
            new(t["Reg_BirthDate"], IndonesianFormat.Date(a.BirthDate), IndonesianFormat.Date(b.BirthDate)),
            new(t["Reg_Sex"], Sex(a.Sex), Sex(b.Sex)),
            new(t["Reg_Address"], a.Address, b.Address),
            new(t["Reg_District"], Region(a.DistrictCode), Region(b.DistrictCode)),
            new(t["Reg_Village"], Region(a.VillageCode), Region(b.VillageCode)),
            new(t["Reg_Phone"], a.Phone, b.Phone),
            new("KPJ", a.Kpj, b.Kpj),
        }.Where(c => c.Before != c.After).ToList();
    }

    /// <summary>A short fingerprint of the values that would be stored, carried by the review form.</summary>
    private static string Outcome(PersonDetails d) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        InputModel.Display(d.Name), d.BirthDate.ToString("O", CultureInfo.InvariantCulture), d.Sex, d.BirthPlace, d.Address,
        d.DistrictCode, d.VillageCode, d.Phone, d.Kpj))))[..16];

    private static string? Text(string? value) => value?.Trim() is { Length: > 0 } s ? s : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var own = UserScope.Of(User).OwnAgencyId;
        // Every engagement of the person, not only the operator's: identity is shared by all of them.
        var person = await RegistryQueries.VisiblePeople(db, own).Include(p => p.Engagements)
            .FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        var tenant = db.CurrentTenantCode + ".";
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(tenant)).OrderBy(r => r.Code).ToListAsync(ct);
        Districts = regions.Where(r => r.Level == RegionLevel.District).ToList();
        Villages = regions.Where(r => r.Level == RegionLevel.Village).ToList();
        return true;
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? BirthPlace { get; set; }
        public string? BirthDate { get; set; }
        public string? Sex { get; set; }
        public string? Address { get; set; }
        public string? DistrictCode { get; set; }
        public string? VillageCode { get; set; }
        public string? Phone { get; set; }
        public string? Kpj { get; set; }

        /// <summary>The record's modification time when the form was opened: a save over someone else's change is refused.</summary>
        public long Stamp { get; set; }

        public string? Reviewed { get; set; }

        public static string Display(PersonName n) =>
            (n.FrontTitle is null ? "" : n.FrontTitle + " ") + n.Name + (n.BackTitle is null ? "" : ", " + n.BackTitle);

        public static InputModel From(PersonDetails d, long stamp) => new()
        {
            Name = Display(d.Name),
            BirthPlace = d.BirthPlace,
            BirthDate = IndonesianFormat.Date(d.BirthDate),
            Sex = d.Sex.ToString(),
            Address = d.Address,
            DistrictCode = d.DistrictCode,
            VillageCode = d.VillageCode,
            Phone = d.Phone,
            Kpj = d.Kpj,
            Stamp = stamp,
        };

        /// <summary>Every field as typed is exactly what would be stored (surrounding spaces aside).</summary>
        public bool SameAs(InputModel stored) =>
            new[] { (Name, stored.Name), (BirthPlace, stored.BirthPlace), (BirthDate, stored.BirthDate), (Sex, stored.Sex),
                (Address, stored.Address), (DistrictCode, stored.DistrictCode), (VillageCode, stored.VillageCode),
                (Phone, stored.Phone), (Kpj, stored.Kpj) }
            .All(p => (Text(p.Item1) ?? "") == (Text(p.Item2) ?? ""));
    }
}
