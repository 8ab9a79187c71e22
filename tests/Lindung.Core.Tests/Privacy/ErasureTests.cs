using System.Data.Common;
using System.Security.Cryptography;
using Lindung.Core.Agreements;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Privacy;

/// <summary>PersonalDataEraser and its legal limits, on SQLite and PostgreSQL.</summary>
public class ErasureTests
{
    private const string Tenant = "16.09";
    private static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    internal sealed record Seeded(Guid PersonId, Guid EngagementId, string Nik, string Name, byte[] Hash, byte[] Cipher);

    internal static async Task<TestDatabase> DatabaseAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context(Tenant);
        await MasterDataSeeder.SeedAsync(ctx, Tenant);
        return db;
    }

    /// <summary>A person with one engagement in <paramref name="opd"/>; ended on <paramref name="end"/> (null = running).</summary>
    internal static async Task<Seeded> PersonAsync(LindungDbContext ctx, string nik, string name, DateOnly? end,
        RegistrationStatus registration = RegistrationStatus.NotRegistered, string opd = "DLH")
    {
        var female = nik[6] >= '4';
        var person = new NewPerson(nik, name, new DateOnly(1985, 8, female ? 7 : 12), female ? 'P' : 'L', "Muaradua",
            Address: "Jl. Kenanga Ungu No. " + nik[12..16], DistrictCode: "16.09.01", VillageCode: "16.09.01.2002", Phone: "+628137" + nik[10..16]).ToPerson(Protector);
        person.Kpj = "9" + nik[6..16];
        var engagement = new Engagement
        {
            AgencyId = await ctx.Agencies.Where(a => a.Code == opd).Select(a => a.Id).SingleAsync(),
            CategoryId = await ctx.WorkerCategories.Where(c => c.Code == "NONASN").Select(c => c.Id).SingleAsync(),
            Scheme = Scheme.PU,
            Position = "Penjaga Kantor " + name,
            Wage = 2_000_000,
            FundingSource = "APBD",
            Programs = "JKK;JKM",
            StartDate = new DateOnly(2015, 1, 1),
            EndDate = end,
            EndReason = end is null ? null : EndReason.ContractEnded,
            Verification = VerificationStatus.Verified,
            VerificationReason = "Dicek oleh " + name,
            Registration = registration,
        };
        person.Engagements.Add(engagement);
        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return new Seeded(person.Id, engagement.Id, nik, name, person.NikHash, person.NikCipher);
    }

    internal static async Task<Claim> ClaimAsync(LindungDbContext ctx, Seeded s, ClaimStatus status)
    {
        var e = await ctx.Engagements.SingleAsync(x => x.Id == s.EngagementId);
        var incident = new Incident
        {
            PersonId = s.PersonId,
            EngagementId = e.Id,
            AgencyId = e.AgencyId,
            Kind = IncidentKind.Death,
            OccurredOn = new DateOnly(2016, 3, 1),
            Place = "Rumah " + s.Name,
            Description = s.Name + " meninggal",
            WorkRelated = false,
        };
        var claim = ClaimRules.NewClaim(incident);
        claim.Status = status;
        claim.StatusNote = "Berkas " + s.Name;
        claim.Heirs.Add(new Heir { Name = "Ahli Waris " + s.Name, Relationship = "istri", Phone = "+6281377799999" });
        claim.Scholarships.Add(new Scholarship { ChildName = "Anak " + s.Name, SchoolYear = "2016/2017", Level = SchoolLevel.SD, Amount = 1_500_000 });
        ctx.Incidents.Add(incident);
        ctx.Claims.Add(claim);
        await ctx.SaveChangesAsync();
        return claim;
    }

    internal static async Task BpjsListAsync(LindungDbContext ctx, string period, params (Seeded S, bool Active)[] rows)
    {
        var import = new BpjsImport { Period = period, FileName = "daftar.xlsx", FileHash = Guid.NewGuid().ToString("N") };
        ctx.BpjsImports.Add(import);
        var n = 0;
        foreach (var (s, active) in rows)
        {
            ctx.BpjsStatuses.Add(new BpjsStatus
            {
                ImportId = import.Id,
                Period = period,
                RowNumber = ++n,
                PersonId = s.PersonId,
                Kpj = "9" + s.Nik[6..16],
                NikHash = s.Hash,
                NikMasked = s.Nik[..4] + "••••••••" + s.Nik[12..],
                Name = s.Name.ToUpperInvariant(),
                BirthDate = new DateOnly(1985, 8, 7),
                Active = active,
                Explanation = "NIK sama: " + s.Name,
            });
        }

        await ctx.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erase_PersonWithDataInEveryTable_NoTableHoldsTheirNameNikOrContactAfterwards(DatabaseProvider provider)
    {
        await using var db = await DatabaseAsync(provider);
        Seeded s;
        Guid requestId;
        await using (var ctx = db.Context(Tenant))
        {
            s = await PersonAsync(ctx, "1609014708850123", "Zulaikha Qistinaya Sari", new DateOnly(2016, 6, 30), RegistrationStatus.Registered);
            var other = await PersonAsync(ctx, "1609011208850124", "Bambang Sutejo Wirawan", null);
            await ClaimAsync(ctx, s, ClaimStatus.Paid);
            await BpjsListAsync(ctx, "2016-05", (s, false), (other, true));
            ctx.BpjsNikAliases.Add(new BpjsNikAlias { NikHash = Protector.Hash("1609014708850132"), PersonId = s.PersonId });
            var invoice = new BpjsInvoice { Period = "2016-05", Total = 10_000 };
            ctx.BpjsInvoices.Add(invoice);
            ctx.BpjsInvoiceLines.Add(new BpjsInvoiceLine { InvoiceId = invoice.Id, RowNumber = 1, Kpj = "9" + s.Nik[6..16], NikHash = s.Hash, NikMasked = "1609••••••••0123", Name = s.Name, Amount = 5_400 });
            var agreement = new Agreement { Number = "PKS/1/2016", Parties = "Bupati; BPJS", Categories = "NONASN", Programs = "JKK;JKM", FundingSources = "APBD", SignedOn = new DateOnly(2016, 1, 1), ValidFrom = new DateOnly(2016, 1, 1), ValidTo = new DateOnly(2016, 12, 31) };
            var handover = new AgreementHandover { AgreementId = agreement.Id, Date = new DateOnly(2016, 2, 1), Place = "Pendopo" };
            handover.Recipients.Add(new HandoverRecipient { PersonId = s.PersonId, Name = s.Name });
            ctx.Agreements.Add(agreement);
            ctx.AgreementHandovers.Add(handover);
            ctx.RegistryConflicts.Add(new RegistryConflict { PersonId = s.PersonId, NewEngagementId = Guid.NewGuid(), ExistingEngagementId = s.EngagementId, Note = "Sama dengan " + s.Name });
            var request = new PersonalDataRequest
            {
                PersonId = s.PersonId,
                Kind = RequestKind.Deletion,
                ReceivedOn = Today,
                Channel = RequestChannel.Letter,
                RequesterName = s.Name,
                Relation = RequesterRelation.Self,
                Details = "Hapus data saya, " + s.Name,
                RecordedBy = "test",
            };
            ctx.PersonalDataRequests.Add(request);
            await ctx.SaveChangesAsync();
            requestId = request.Id;
            // A later edit, so the trail also holds an update of the personal fields.
            var p = await ctx.People.SingleAsync(x => x.Id == s.PersonId);
            p.Address = "Jl. Melati Jingga No. 9";
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = db.Context(Tenant, "koordinator.uji"))
        {
            var request = await ctx.PersonalDataRequests.SingleAsync(r => r.Id == requestId);
            var check = await new PersonalDataEraser(ctx).EraseAsync(s.PersonId, ErasureCause.Request, requestId.ToString(), Today, request);
            Assert.True(check.Allowed);
        }

        await using (var ctx = db.Context(Tenant))
        {
            foreach (var text in new[] { "Zulaikha", "Qistinaya", "ZULAIKHA", "1609014708850123", "1609••••••••0123", "628137850123",
                "Kenanga Ungu No. 0123", "Melati Jingga", "81377799999", "94708850123" })
            {
                var hits = await TextColumnsContainingAsync(ctx, text);
                Assert.True(hits.Count == 0, text + " found in " + string.Join(", ", hits));
            }

            foreach (var bytes in new[] { s.Hash, s.Cipher, Protector.Hash("1609014708850132") })
            {
                Assert.Empty(await BinaryColumnsEqualToAsync(ctx, bytes));
                Assert.Empty(await TextColumnsContainingAsync(ctx, Convert.ToBase64String(bytes)));
            }

            // The other person is untouched; the erased one keeps only non-identifying facts.
            Assert.NotEmpty(await TextColumnsContainingAsync(ctx, "Bambang Sutejo"));
            var erased = await ctx.People.Include(p => p.Engagements).SingleAsync(p => p.Id == s.PersonId);
            Assert.NotNull(erased.ErasedAt);
            Assert.Equal((new DateOnly(1985, 7, 1), 'P', "16.09.01", (string?)null), (erased.BirthDate, erased.Sex, erased.DistrictCode, erased.VillageCode));
            var engagement = Assert.Single(erased.Engagements);
            Assert.Equal((2_000_000L, new DateOnly(2016, 6, 30), RegistrationStatus.Registered), (engagement.Wage!.Value, engagement.EndDate!.Value, engagement.Registration));
            Assert.Equal(ClaimStatus.Paid, (await ctx.Claims.SingleAsync()).Status);
            Assert.Equal(2, await ctx.BpjsStatuses.CountAsync());
            var request = await ctx.PersonalDataRequests.SingleAsync();
            Assert.Equal((RequestStatus.Done, "koordinator.uji"), (request.Status, request.DoneBy));
            var ev = await ctx.AuditEvents.SingleAsync(e => e.Action == AuditActions.PersonalDataErased);
            Assert.Equal((s.PersonId.ToString(), "permintaan " + requestId), (ev.EntityId, ev.Detail));
            // History is kept, not rewritten: the creation and the later address change are still there (without values).
            var personEvents = await ctx.AuditEvents.Where(e => e.EntityType == nameof(Person) && e.EntityId == s.PersonId.ToString()).ToListAsync();
            Assert.Contains(personEvents, e => e.Action == AuditActions.Created && e.After!.Contains("\"FullName\":\"•••\"", StringComparison.Ordinal));
            Assert.Contains(personEvents, e => e.Action == AuditActions.Updated && e.After == "{\"Address\":\"•••\"}");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erase_WhileBlocked_IsRefusedWithTheReasonAndWritesNothing(DatabaseProvider provider)
    {
        await using var db = await DatabaseAsync(provider);
        await using var ctx = db.Context(Tenant);
        var active = await PersonAsync(ctx, "1609014708850201", "Aktif Masih Bekerja", null);
        var endsToday = await PersonAsync(ctx, "1609014708850202", "Berakhir Hari Ini", Today);
        var bpjs = await PersonAsync(ctx, "1609014708850203", "Aktif Di Bpjs", new DateOnly(2016, 1, 31));
        var claim = await PersonAsync(ctx, "1609014708850204", "Klaim Terbuka", new DateOnly(2016, 1, 31));
        var keep = await PersonAsync(ctx, "1609014708850205", "Wajib Simpan", Today.AddYears(-1), RegistrationStatus.Registered);
        var free = await PersonAsync(ctx, "1609014708850206", "Tidak Pernah Dikirim", Today.AddDays(-1));
        await BpjsListAsync(ctx, "2016-01", (bpjs, false));
        await BpjsListAsync(ctx, "2016-02", (bpjs, true));
        await ClaimAsync(ctx, claim, ClaimStatus.Processing);
        var eraser = new PersonalDataEraser(ctx);

        var results = new Dictionary<string, ErasureCheck>();
        foreach (var s in new[] { active, endsToday, bpjs, claim, keep, free })
        {
            results[s.Name] = await eraser.EraseAsync(s.PersonId, ErasureCause.Request, "uji", Today);
        }

        Assert.Equal([ErasureBlock.ActiveEngagement], results["Aktif Masih Bekerja"].Blocks);
        Assert.Equal([ErasureBlock.ActiveEngagement], results["Berakhir Hari Ini"].Blocks);
        Assert.Equal([ErasureBlock.BpjsMembershipActive], results["Aktif Di Bpjs"].Blocks);
        Assert.Equal("2016-02", results["Aktif Di Bpjs"].BpjsPeriod);
        Assert.Equal([ErasureBlock.OpenClaim], results["Klaim Terbuka"].Blocks);
        var deferred = results["Wajib Simpan"];
        Assert.True(deferred.Deferred);
        Assert.Equal(Today.AddYears(-1).AddYears(RetentionPolicy.Default.MustKeepYears).AddDays(1), deferred.NotBefore);
        Assert.True(results["Tidak Pernah Dikirim"].Allowed);
        var names = await ctx.People.AsNoTracking().Where(p => p.ErasedAt == null).Select(p => p.FullName).ToListAsync();
        Assert.Equal(5, names.Count);
        Assert.DoesNotContain("Tidak Pernah Dikirim", names);
        Assert.Equal(1, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.PersonalDataErased));
        Assert.Equal([ErasureBlock.AlreadyErased], (await eraser.EraseAsync(free.PersonId, ErasureCause.Request, "uji", Today)).Blocks);
    }

    [Fact]
    public void Rules_MustKeepEndsTheDayAfterThePeriod_AndAppliesOnlyToWorkersSentToBpjs()
    {
        var policy = new RetentionPolicy(5, 5, false, null);
        var ended = new DateOnly(2020, 3, 31);
        ErasureFacts Facts(RegistrationStatus r) => new(false, [(ended, r)], 0, null);

        Assert.Equal([ErasureBlock.MustKeep], ErasureRules.Check(Facts(RegistrationStatus.SentToBpjs), policy, new DateOnly(2025, 3, 31)).Blocks);
        Assert.True(ErasureRules.Check(Facts(RegistrationStatus.Registered), policy, new DateOnly(2025, 4, 1)).Allowed);
        Assert.True(ErasureRules.Check(Facts(RegistrationStatus.NotRegistered), policy, new DateOnly(2020, 4, 1)).Allowed);
        Assert.Equal("retention-below-must-keep", new RetentionPolicy(6, 5, true, null).Problem());
        Assert.Null(RetentionPolicy.Default.Problem());
        Assert.False(RetentionPolicy.Default.Confirmed);
        Assert.False(RetentionPolicy.Default.AutomaticEnabled);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_PersonalFields_AreNamedButTheirValuesNeverWritten(DatabaseProvider provider)
    {
        await using var db = await DatabaseAsync(provider);
        await using var ctx = db.Context(Tenant);
        var s = await PersonAsync(ctx, "1609014708850301", "Rahmat Hidayatullah", null);
        var p = await ctx.People.SingleAsync(x => x.Id == s.PersonId);
        p.FullName = "Rahmat Hidayatulloh";
        p.NameKey = "RAHMAT HIDAYATULLOH";
        await ctx.SaveChangesAsync();

        var update = await ctx.AuditEvents.SingleAsync(e => e.Action == AuditActions.Updated && e.EntityId == s.PersonId.ToString());
        Assert.Equal("{\"FullName\":\"•••\",\"NameKey\":\"•••\"}", update.Before);
        Assert.Equal(update.Before, update.After);
        Assert.Empty(await TextColumnsContainingAsync(ctx, "Hidayatul", except: ["People", "Engagements"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BpjsImport_AfterErasure_WorksAndNeverMatchesTheErasedPerson(DatabaseProvider provider)
    {
        await using var db = await Bpjs.BpjsStatusImporterTests.RegistryAsync(provider);
        await using (var ctx = db.Context(Tenant))
        {
            var siti = await ctx.People.SingleAsync(p => p.FullName == "Siti Nurhayati");
            await ctx.Engagements.Where(e => e.PersonId == siti.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.EndDate, new DateOnly(2024, 6, 30)));
            Assert.True((await new PersonalDataEraser(ctx).EraseAsync(siti.Id, ErasureCause.Request, "uji", Today)).Allowed);
        }

        // Same birth date (the erased person keeps 1 July of the year) and sex, and the erased person's old name: the import
        // still works and the row stays unmatched (an erased person is excluded from the candidates; an empty name and NIK
        // would not match anyway).
        var report = await Bpjs.BpjsStatusImporterTests.ImportAsync(db,
            "No KPJ;NIK;Nama Peserta;Tgl Lahir;Status Kepesertaan\n25010000009;1609014107850099;SITI NURHAYATI;01-07-1985;AKTIF\n");

        Assert.Equal((1, 0, 0, 0, 1), (report.Rows, report.MatchedExact, report.MatchedFuzzy, report.NeedsReview, report.Unmatched));
    }

    /// <summary>Every text column of every table (from the database's own catalogue) that contains <paramref name="text"/>.</summary>
    internal static async Task<List<string>> TextColumnsContainingAsync(LindungDbContext ctx, string text, string[]? except = null)
    {
        var hits = new List<string>();
        foreach (var (table, column) in await ColumnsAsync(ctx, binary: false))
        {
            if (except?.Contains(table) == true)
            {
                continue;
            }

            var like = ctx.IsPostgres ? "ILIKE" : "LIKE";
            if (await CountAsync(ctx, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" {like} @v", "%" + text + "%") > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }

    internal static async Task<List<string>> BinaryColumnsEqualToAsync(LindungDbContext ctx, byte[] value)
    {
        var hits = new List<string>();
        foreach (var (table, column) in await ColumnsAsync(ctx, binary: true))
        {
            if (await CountAsync(ctx, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = @v", value) > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }

    private static async Task<List<(string Table, string Column)>> ColumnsAsync(LindungDbContext ctx, bool binary)
    {
        var sql = ctx.IsPostgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN "
              + (binary ? "('bytea')" : "('text', 'character varying', 'character')")
            : "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND "
              + (binary ? "c.type = 'BLOB'" : "c.type = 'TEXT'");
        var conn = ctx.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.NotEmpty(list);
        return list;
    }

    private static async Task<long> CountAsync(LindungDbContext ctx, string sql, object value)
    {
        var conn = ctx.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        DbParameter p = cmd.CreateParameter();
        p.ParameterName = "@v";
        p.Value = value;
        cmd.Parameters.Add(p);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
