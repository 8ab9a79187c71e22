using System.Globalization;
using System.Security.Cryptography;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Bpjs;

public sealed record BpjsImportReport(string Period, int Rows, int MatchedExact, int MatchedFuzzy, int NeedsReview, int Unmatched,
    int Active, int Inactive, bool StatusAssumed, bool Unchanged, int KpjFilled, int KpjDiffers, int Registered, Guid ImportId);

/// <summary>
/// Takes in a BPJS file for a period (docs/bpjs.md): reads the columns by header synonyms, matches each row
/// (<see cref="BpjsMatcher"/>), stores the rows with their decisions and applies confident matches to the
/// registry — the KPJ where the registry has none, "Terdaftar" on the person's verified engagements when BPJS
/// lists them active. One transaction; the same file for the same period changes nothing; another file for the
/// period replaces that period's rows.
/// </summary>
public sealed class BpjsStatusImporter(LindungDbContext db, NikProtector protector, SpreadsheetLimits limits, MatchSettings? settings = null)
{
    private enum Col
    {
        Kpj,
        Nik,
        Name,
        BirthDate,
        Sex,
        Status,
        ParticipationDate,
        LastPaid,
    }

    private static readonly Dictionary<string, Col> Headers = new[]
    {
        (Col.Kpj, new[] { "KPJ", "No KPJ", "Nomor KPJ", "No Kartu", "Nomor Peserta" }),
        (Col.Nik, ["NIK", "No KTP", "Nomor KTP", "Nomor Induk Kependudukan"]),
        (Col.Name, ["Nama", "Nama Peserta", "Nama Lengkap", "Nama Tenaga Kerja"]),
        (Col.BirthDate, ["Tgl Lahir", "Tanggal Lahir"]),
        (Col.Sex, ["JK", "L/P", "Jenis Kelamin"]),
        (Col.Status, ["Status", "Status Kepesertaan", "Status Peserta", "Keterangan Status"]),
        (Col.ParticipationDate, ["Tgl Kepesertaan", "Tanggal Kepesertaan", "TMT Kepesertaan", "Tgl Daftar", "Tanggal Terdaftar"]),
        (Col.LastPaid, ["Periode Iuran Terakhir", "Iuran Terakhir", "Bulan Iuran Terakhir", "Periode Terakhir"]),
    }.SelectMany(x => x.Item2.Select(h => (Key: HeaderMap.Key(h), Col: x.Item1))).ToDictionary(x => x.Key, x => x.Col, StringComparer.Ordinal);

    public async Task<BpjsImportReport> RunAsync(Stream file, string fileName, string period, CancellationToken ct = default)
    {
        if (!DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var periodStart))
        {
            throw new UnusableImportException("bpjs.period", $"Periode tidak sah: {period} (YYYY-MM).");
        }

        // Hash first, then read: a seekable file is read twice; anything else is spooled to a temporary file, never to memory.
        await using var spooled = file.CanSeek ? null : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        if (spooled is not null)
        {
            await file.CopyToAsync(spooled, ct);
        }

        var buffer = spooled ?? file;
        buffer.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer));
        var previous = await db.BpjsImports.AsNoTracking().Where(i => i.Period == period).ToListAsync(ct);
        if (previous.FirstOrDefault(i => i.FileHash == hash) is { } same)
        {
            return new BpjsImportReport(period, same.Rows, same.MatchedExact, same.MatchedFuzzy, same.NeedsReview, same.Unmatched, same.Active,
                same.Inactive, same.StatusAssumed, Unchanged: true, 0, 0, 0, same.Id);
        }

        buffer.Position = 0;
        using var reader = SpreadsheetFiles.Open(buffer, fileName, null, limits);
        if (!reader.Read())
        {
            throw new UnusableImportException("file.empty", "Berkas kosong: tidak ada baris judul kolom.");
        }

        var columns = new Dictionary<Col, int>();
        for (var i = 0; i < reader.Cells.Count; i++)
        {
            if (Headers.TryGetValue(HeaderMap.Key(reader.Cells[i].Text ?? ""), out var col))
            {
                columns.TryAdd(col, i);
            }
        }

        if (!columns.ContainsKey(Col.Name) || !(columns.ContainsKey(Col.Nik) || columns.ContainsKey(Col.BirthDate)))
        {
            throw new UnusableImportException("header.missing", "Kolom wajib tidak ditemukan: perlu kolom Nama dan NIK (atau Tanggal Lahir bila BPJS tidak mencantumkan NIK).");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (previous.Count > 0)
        {
            var ids = previous.Select(p => p.Id).ToList();
            await db.BpjsStatuses.Where(s => ids.Contains(s.ImportId)).ExecuteDeleteAsync(ct);
            await db.BpjsImports.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
        }

        var import = new BpjsImport { Period = period, FileName = Path.GetFileName(fileName), FileHash = hash, StatusAssumed = !columns.ContainsKey(Col.Status) };
        db.BpjsImports.Add(import);

        var byHash = await db.People.AsNoTracking().Select(p => new { p.NikHash, p.Id }).ToDictionaryAsync(p => Convert.ToHexString(p.NikHash), p => p.Id, ct);
        foreach (var alias in await db.BpjsNikAliases.AsNoTracking().ToListAsync(ct))
        {
            byHash.TryAdd(Convert.ToHexString(alias.NikHash), alias.PersonId);
        }

        var matcher = new BpjsMatcher(settings ?? await MatchSettingsStore.LoadAsync(db, ct),
            nik => byHash.TryGetValue(Convert.ToHexString(protector.Hash(nik)), out var id) ? id : null,
            (day, sex) => db.People.AsNoTracking().Where(p => p.BirthDate == day && p.Sex == sex)
                .Select(p => new { p.Id, p.NikCipher, p.FullName, p.BirthDate, p.Sex }).ToList()
                .Select(p => new RegistryPerson(p.Id, protector.Decrypt(p.NikCipher), NameSimilarity.Normalize(p.FullName), p.BirthDate, p.Sex)).ToList());

        var rows = new List<BpjsStatus>();
        string? Cell(Col c) => columns.TryGetValue(c, out var i) && i < reader.Cells.Count ? reader.Cells[i].Text?.Trim() : null;
        while (reader.Read())
        {
            var name = Cell(Col.Name);
            var nikText = Cell(Col.Nik);
            if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(nikText))
            {
                continue;
            }

            var nik = new string((nikText ?? "").Where(char.IsAsciiDigit).ToArray());
            DateOnly? birth = DateParsing.TryParse(Cell(Col.BirthDate), out var b) ? b : null;
            var decision = matcher.Match(new BpjsPersonRow(nik, name ?? "", birth, FieldParsing.ParseSex(Cell(Col.Sex))));
            var statusText = Cell(Col.Status);
            rows.Add(new BpjsStatus
            {
                ImportId = import.Id,
                Period = period,
                RowNumber = reader.RowNumber,
                PersonId = decision.Kind is MatchKind.Exact or MatchKind.Fuzzy ? decision.PersonId : null,
                Kpj = Cell(Col.Kpj) is { Length: > 0 } kpj ? kpj : null,
                NikHash = nik.Length == 16 ? protector.Hash(nik) : null,
                NikMasked = nik.Length == 16 ? NikProtector.Mask(nik) : null,
                Name = (name ?? "").Length > 200 ? name![..200] : name ?? "",
                BirthDate = birth,
                Sex = FieldParsing.ParseSex(Cell(Col.Sex)),
                Active = import.StatusAssumed || IsActive(statusText),
                StatusText = statusText is { Length: > 40 } ? statusText[..40] : statusText,
                ParticipationDate = DateParsing.TryParse(Cell(Col.ParticipationDate), out var p) ? p : null,
                LastPaidPeriod = Cell(Col.LastPaid) is { Length: > 0 } lp ? lp[..Math.Min(7, lp.Length)] : null,
                Match = decision.Kind,
                NameScore = decision.NameScore,
                Explanation = decision.Explanation,
                Review = decision.Kind == MatchKind.NeedsReview ? ReviewState.Pending : ReviewState.None,
                Candidates = decision.Kind == MatchKind.NeedsReview ? string.Join(',', decision.Candidates.Take(10)) : null,
            });
        }

        import.Rows = rows.Count;
        import.MatchedExact = rows.Count(r => r.Match == MatchKind.Exact);
        import.MatchedFuzzy = rows.Count(r => r.Match == MatchKind.Fuzzy);
        import.NeedsReview = rows.Count(r => r.Match == MatchKind.NeedsReview);
        import.Unmatched = rows.Count(r => r.Match == MatchKind.Unmatched);
        import.Active = rows.Count(r => r.Active);
        import.Inactive = rows.Count - import.Active;
        import.ImportedBy = db.Audit(AuditActions.BpjsImported, nameof(BpjsImport), import.Id.ToString(),
            $"periode {period}, {rows.Count} baris, cocok NIK {import.MatchedExact}, cocok otomatis {import.MatchedFuzzy}, perlu diperiksa {import.NeedsReview}, tidak cocok {import.Unmatched}").UserName;
        db.BpjsStatuses.AddRange(rows);
        var (kpjFilled, kpjDiffers, registered) = await ApplyAsync(db, rows.Where(r => r.PersonId is not null).ToList(), periodStart, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BpjsImportReport(period, import.Rows, import.MatchedExact, import.MatchedFuzzy, import.NeedsReview, import.Unmatched,
            import.Active, import.Inactive, import.StatusAssumed, Unchanged: false, kpjFilled, kpjDiffers, registered, import.Id);
    }

    /// <summary>
    /// Applies matched rows to the registry: the KPJ where the person has none (a different KPJ is counted, never
    /// overwritten), and Terdaftar on their verified, not-ended engagements when BPJS lists them active.
    /// </summary>
    public static async Task<(int KpjFilled, int KpjDiffers, int Registered)> ApplyAsync(LindungDbContext db, IReadOnlyList<BpjsStatus> matched, DateOnly periodStart,
        CancellationToken ct)
    {
        int filled = 0, differs = 0, registered = 0;
        foreach (var chunk in matched.Chunk(500))
        {
            var ids = chunk.Select(r => r.PersonId!.Value).Distinct().ToList();
            var people = await db.People.Include(p => p.Engagements).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var row in chunk)
            {
                var person = people[row.PersonId!.Value];
                if (row.Kpj is { } kpj)
                {
                    if (person.Kpj is null)
                    {
                        person.Kpj = kpj;
                        filled++;
                    }
                    else if (!string.Equals(person.Kpj, kpj, StringComparison.Ordinal))
                    {
                        differs++;
                    }
                }

                if (!row.Active)
                {
                    continue;
                }

                foreach (var e in person.Engagements.Where(e => e.Verification == VerificationStatus.Verified
                             && (e.EndDate is null || e.EndDate >= periodStart) && e.Registration != RegistrationStatus.Registered))
                {
                    e.Registration = RegistrationStatus.Registered;
                    e.RegisteredOn = row.ParticipationDate ?? periodStart;
                    registered++;
                }
            }
        }

        return (filled, differs, registered);
    }

    /// <summary>Status words BPJS lists use for an active participant; anything else counts as not active.</summary>
    public static bool IsActive(string? status) =>
        HeaderMap.Key(status ?? "") is "AKTIF" or "AKTIP" or "A" or "1" or "YA" or "ACTIVE" or "PESERTAAKTIF";
}
