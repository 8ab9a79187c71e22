using System.Globalization;
using System.Security.Cryptography;
using Lindung.Core.Audit;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Bpjs;

/// <summary>
/// BPJS's invoice to the regency for a month: typed in (a total, as printed on the invoice) or taken from BPJS's
/// spreadsheet (a line per participant). One per period; entering another replaces it.
/// </summary>
public sealed class BpjsInvoice : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string TenantCode { get; set; } = "";

    /// <summary>YYYY-MM.</summary>
    public required string Period { get; set; }

    /// <summary>The invoice's total in rupiah (typed, or the sum of the file's lines).</summary>
    public long Total { get; set; }

    /// <summary>Participants billed, when known (typed, or the file's lines).</summary>
    public int? Participants { get; set; }

    public string? FileName { get; set; }

    /// <summary>SHA-256 of the file, hex: the same file for the same period changes nothing.</summary>
    public string? FileHash { get; set; }

    public string? Reference { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>One participant on BPJS's invoice file, matched to a registry person by KPJ or NIK where possible.</summary>
public sealed class BpjsInvoiceLine : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string TenantCode { get; set; } = "";
    public Guid InvoiceId { get; set; }
    public int RowNumber { get; set; }
    public string? Kpj { get; set; }
    public byte[]? NikHash { get; set; }
    public string? NikMasked { get; set; }
    public required string Name { get; set; }
    public long Amount { get; set; }
    public Guid? PersonId { get; set; }
}

public sealed record InvoiceImportReport(string Period, int Lines, long Total, int Matched, bool Unchanged);

/// <summary>Enters BPJS's invoice for a period: typed, or read from its spreadsheet (all-or-nothing, idempotent per file).</summary>
public sealed class BpjsInvoiceStore(LindungDbContext db, NikProtector protector, SpreadsheetLimits limits)
{
    private enum Col
    {
        Kpj,
        Nik,
        Name,
        Amount,
    }

    private static readonly Dictionary<string, Col> Headers = new[]
    {
        (Col.Kpj, new[] { "KPJ", "No KPJ", "Nomor KPJ", "No Kartu", "Nomor Peserta" }),
        (Col.Nik, ["NIK", "No KTP", "Nomor KTP", "Nomor Induk Kependudukan"]),
        (Col.Name, ["Nama", "Nama Peserta", "Nama Lengkap", "Nama Tenaga Kerja"]),
        (Col.Amount, ["Iuran", "Jumlah Iuran", "Total Iuran", "Tagihan", "Jumlah Tagihan", "Nominal", "Jumlah", "Total"]),
    }.SelectMany(x => x.Item2.Select(h => (Key: HeaderMap.Key(h), Col: x.Item1))).ToDictionary(x => x.Key, x => x.Col, StringComparer.Ordinal);

    public async Task SaveTypedAsync(string period, long total, int? participants, string? reference, CancellationToken ct = default)
    {
        CheckPeriod(period);
        if (total < 0 || participants < 0)
        {
            throw new UnusableImportException("invoice.negative", "Jumlah tagihan dan jumlah peserta tidak boleh negatif.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RemoveAsync(period, ct);
        db.BpjsInvoices.Add(new BpjsInvoice { Period = period, Total = total, Participants = participants, Reference = Trim(reference, 100) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<InvoiceImportReport> ImportAsync(Stream file, string fileName, string period, CancellationToken ct = default)
    {
        CheckPeriod(period);
        await using var spooled = file.CanSeek ? null : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        if (spooled is not null)
        {
            await file.CopyToAsync(spooled, ct);
        }

        var buffer = spooled ?? file;
        buffer.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer));
        if (await db.BpjsInvoices.AsNoTracking().FirstOrDefaultAsync(i => i.Period == period && i.FileHash == hash, ct) is { } same)
        {
            return new InvoiceImportReport(period, same.Participants ?? 0, same.Total,
                await db.BpjsInvoiceLines.CountAsync(l => l.InvoiceId == same.Id && l.PersonId != null, ct), Unchanged: true);
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

        if (!columns.ContainsKey(Col.Amount) || !(columns.ContainsKey(Col.Kpj) || columns.ContainsKey(Col.Nik)))
        {
            throw new UnusableImportException("header.missing", "Kolom wajib tidak ditemukan: perlu kolom Iuran (jumlah rupiah) dan KPJ atau NIK.");
        }

        var byKpj = await db.People.AsNoTracking().Where(p => p.Kpj != null).Select(p => new { p.Kpj, p.Id }).ToListAsync(ct);
        var kpjs = byKpj.GroupBy(p => p.Kpj!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var byHash = await db.People.AsNoTracking().Select(p => new { p.NikHash, p.Id }).ToDictionaryAsync(p => Convert.ToHexString(p.NikHash), p => p.Id, ct);
        foreach (var alias in await db.BpjsNikAliases.AsNoTracking().ToListAsync(ct))
        {
            byHash.TryAdd(Convert.ToHexString(alias.NikHash), alias.PersonId);
        }

        var invoice = new BpjsInvoice { Period = period, FileName = Trim(Path.GetFileName(fileName), 200), FileHash = hash };
        var lines = new List<BpjsInvoiceLine>();
        string? Cell(Col c) => columns.TryGetValue(c, out var i) && i < reader.Cells.Count ? reader.Cells[i].Text?.Trim() : null;
        while (reader.Read())
        {
            var kpj = FieldParsing.NormaliseKpj(Cell(Col.Kpj));
            var nik = new string((Cell(Col.Nik) ?? "").Where(char.IsAsciiDigit).ToArray());
            var amountText = Cell(Col.Amount);
            if (kpj is null && nik.Length == 0 && string.IsNullOrWhiteSpace(amountText))
            {
                continue;
            }

            if (!FieldParsing.TryParseRupiah(amountText, out var amount))
            {
                throw new UnusableImportException("invoice.amount",
                    $"Baris {reader.RowNumber}: jumlah iuran \"{Trim(amountText, 30)}\" bukan angka rupiah. Tidak ada yang disimpan; perbaiki lalu unggah ulang.");
            }

            Guid? person = kpj is not null && kpjs.TryGetValue(kpj, out var k) ? k
                : nik.Length == 16 && byHash.TryGetValue(Convert.ToHexString(protector.Hash(nik)), out var h) ? h : null;
            lines.Add(new BpjsInvoiceLine
            {
                TenantCode = db.CurrentTenantCode!,
                InvoiceId = invoice.Id,
                RowNumber = reader.RowNumber,
                Kpj = kpj,
                NikHash = nik.Length == 16 ? protector.Hash(nik) : null,
                NikMasked = nik.Length == 16 ? NikProtector.Mask(nik) : null,
                Name = Trim(Cell(Col.Name), 200) ?? "",
                Amount = amount,
                PersonId = person,
            });
        }

        invoice.Total = lines.Sum(l => l.Amount);
        invoice.Participants = lines.Count;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RemoveAsync(period, ct);
        db.BpjsInvoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        await BulkInsert.InsertAsync(db, lines, ct);
        await tx.CommitAsync(ct);
        return new InvoiceImportReport(period, lines.Count, invoice.Total, lines.Count(l => l.PersonId != null), Unchanged: false);
    }

    private async Task RemoveAsync(string period, CancellationToken ct)
    {
        var old = await db.BpjsInvoices.Where(i => i.Period == period).ToListAsync(ct);
        foreach (var invoice in old)
        {
            await db.BpjsInvoiceLines.Where(l => l.InvoiceId == invoice.Id).ExecuteDeleteAsync(ct);
            db.BpjsInvoices.Remove(invoice);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void CheckPeriod(string period)
    {
        if (!DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new UnusableImportException("bpjs.period", $"Periode tidak sah: {period} (YYYY-MM).");
        }
    }

    private static string? Trim(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
}

/// <summary>Where Lindung's bill and BPJS's invoice disagree about one worker.</summary>
public enum InvoiceDifference
{
    /// <summary>On both, for different amounts.</summary>
    AmountDiffers = 1,

    /// <summary>BPJS bills a registry person who is not active that month.</summary>
    BilledNotActive = 2,

    /// <summary>Active and on Lindung's bill, but not on BPJS's invoice.</summary>
    ActiveNotBilled = 3,

    /// <summary>On BPJS's invoice but not on Lindung's bill (not registered in the registry, or unknown to it).</summary>
    BilledNotInBill = 4,
}

public sealed record InvoiceDifferenceLine(InvoiceDifference Kind, Guid? PersonId, string Name, string? NikMasked, string? Kpj, long? Ours, long? Theirs);

public sealed record InvoiceComparison(string Period, long BillTotal, int BillWorkers, BpjsInvoice Invoice, bool HasLines, bool HasStatusList,
    IReadOnlyList<InvoiceDifferenceLine> Differences)
{
    public long Difference => Invoice.Total - BillTotal;

    public int Count(InvoiceDifference kind) => Differences.Count(d => d.Kind == kind);
}

/// <summary>
/// Compares a month's bill (<see cref="MonthlyBill"/>) with BPJS's invoice (docs/billing.md): totals always; per worker when
/// the invoice came as a file. "Active" is BPJS's participant list for the month when there is one, else being on the bill.
/// </summary>
public sealed class InvoiceComparer(LindungDbContext db)
{
    public async Task<InvoiceComparison?> CompareAsync(Bill bill, CancellationToken ct = default)
    {
        var invoice = await db.BpjsInvoices.AsNoTracking().FirstOrDefaultAsync(i => i.Period == bill.Period, ct);
        if (invoice is null)
        {
            return null;
        }

        var lines = await db.BpjsInvoiceLines.AsNoTracking().Where(l => l.InvoiceId == invoice.Id).OrderBy(l => l.RowNumber).ToListAsync(ct);
        var hasList = await db.BpjsImports.AnyAsync(i => i.Period == bill.Period, ct);
        var ours = bill.Lines.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => (Total: g.Sum(l => l.Total), First: g.First()));
        var active = hasList
            ? (await db.BpjsStatuses.AsNoTracking().Where(s => s.Period == bill.Period && s.Active && s.PersonId != null)
                .Select(s => s.PersonId!.Value).Distinct().ToListAsync(ct)).ToHashSet()
            : ours.Keys.ToHashSet();
        var differences = new List<InvoiceDifferenceLine>();
        if (lines.Count > 0)
        {
            var theirs = lines.Where(l => l.PersonId != null).GroupBy(l => l.PersonId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
            var names = await NamesAsync(lines.Where(l => l.PersonId != null).Select(l => l.PersonId!.Value).Where(id => !ours.ContainsKey(id)).ToList(), ct);
            foreach (var (person, amount) in theirs.OrderBy(t => ours.TryGetValue(t.Key, out var o) ? o.First.Name : names.GetValueOrDefault(t.Key).Name, StringComparer.Ordinal))
            {
                var mine = ours.TryGetValue(person, out var o) ? o : default;
                var (name, nik, kpj) = mine.First is { } f ? (f.Name, f.NikMasked, f.Kpj) : names.GetValueOrDefault(person);
                if (!active.Contains(person))
                {
                    differences.Add(new(InvoiceDifference.BilledNotActive, person, name ?? "", nik, kpj, mine.First is null ? null : mine.Total, amount));
                }
                else if (mine.First is null)
                {
                    differences.Add(new(InvoiceDifference.BilledNotInBill, person, name ?? "", nik, kpj, null, amount));
                }
                else if (mine.Total != amount)
                {
                    differences.Add(new(InvoiceDifference.AmountDiffers, person, name ?? "", nik, kpj, mine.Total, amount));
                }
            }

            differences.AddRange(lines.Where(l => l.PersonId == null)
                .Select(l => new InvoiceDifferenceLine(InvoiceDifference.BilledNotInBill, null, l.Name, l.NikMasked, l.Kpj, null, l.Amount)));
            differences.AddRange(ours.Where(o => active.Contains(o.Key) && !theirs.ContainsKey(o.Key)).OrderBy(o => o.Value.First.Name, StringComparer.Ordinal)
                .Select(o => new InvoiceDifferenceLine(InvoiceDifference.ActiveNotBilled, o.Key, o.Value.First.Name, o.Value.First.NikMasked, o.Value.First.Kpj, o.Value.Total, null)));
        }

        return new InvoiceComparison(bill.Period, bill.Total, bill.Lines.Select(l => l.PersonId).Distinct().Count(), invoice, lines.Count > 0, hasList, differences);
    }

    private async Task<Dictionary<Guid, (string? Name, string? Nik, string? Kpj)>> NamesAsync(List<Guid> ids, CancellationToken ct) =>
        (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.FullName, p.NikMasked, p.Kpj }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => ((string?)p.FullName, (string?)p.NikMasked, p.Kpj));
}
