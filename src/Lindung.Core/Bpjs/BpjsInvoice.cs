using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
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
    public Guid Id { get; set; } = VersionSevenId.New();
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
    public Guid Id { get; set; } = VersionSevenId.New();
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

    private static readonly Dictionary<string, Col> Headers = BpjsFile.Synonyms(
        (Col.Kpj, BpjsFile.KpjHeaders),
        (Col.Nik, BpjsFile.NikHeaders),
        (Col.Name, BpjsFile.NameHeaders),
        (Col.Amount, ["Iuran", "Jumlah Iuran", "Total Iuran", "Tagihan", "Jumlah Tagihan", "Nominal", "Jumlah", "Total"]));

    /// <summary>Invoice lines written per batch (the provider's bulk path), so a large invoice never sits in memory.</summary>
    private const int Batch = 10_000;

    public async Task SaveTypedAsync(string period, long total, int? participants, string? reference, CancellationToken ct = default)
    {
        CheckPeriod(period);
        if (total < 0 || participants < 0)
        {
            throw new UnusableImportException("invoice.negative", ImportMessages.InvoiceNegative);
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
        await using var spooled = await BpjsFile.SpoolAsync(file, ct);
        if (await db.BpjsInvoices.AsNoTracking().FirstOrDefaultAsync(i => i.Period == period && i.FileHash == spooled.Hash, ct) is { } same)
        {
            return new InvoiceImportReport(period, same.Participants ?? 0, same.Total,
                await db.BpjsInvoiceLines.CountAsync(l => l.InvoiceId == same.Id && l.PersonId != null, ct), Unchanged: true);
        }

        using var reader = SpreadsheetFiles.Open(spooled.Content, fileName, null, limits);
        var columns = BpjsFile.Columns(reader, Headers);
        if (!columns.ContainsKey(Col.Amount) || !(columns.ContainsKey(Col.Kpj) || columns.ContainsKey(Col.Nik)))
        {
            throw new UnusableImportException("header.missing", ImportMessages.InvoiceColumnsMissing);
        }

        var kpjs = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await foreach (var p in db.People.AsNoTracking().Where(p => p.Kpj != null).Select(p => new { p.Kpj, p.Id }).AsAsyncEnumerable().WithCancellation(ct))
        {
            kpjs.TryAdd(p.Kpj!, p.Id);
        }

        var byHash = await BpjsFile.NikIndexAsync(db, ct);

        // One transaction: the old invoice goes, the new one is written in batches; a bad line rolls everything back.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RemoveAsync(period, ct);
        var invoice = new BpjsInvoice { Period = period, FileName = Trim(Path.GetFileName(fileName), 200), FileHash = spooled.Hash };
        db.BpjsInvoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        var lines = new List<BpjsInvoiceLine>(Batch);
        int count = 0, matched = 0;
        long total = 0;
        string? Cell(Col c) => columns.TryGetValue(c, out var i) && i < reader.Cells.Count ? reader.Cells[i].Text?.Trim() : null;
        while (reader.Read())
        {
            var kpj = FieldParsing.NormaliseKpj(Cell(Col.Kpj));
            var nik = BpjsMatcher.Digits(Cell(Col.Nik));
            var amountText = Cell(Col.Amount);
            if (kpj is null && nik.Length == 0 && string.IsNullOrWhiteSpace(amountText))
            {
                continue;
            }

            if (!FieldParsing.TryParseRupiah(amountText, out var amount))
            {
                throw new UnusableImportException("invoice.amount",
                    ImportMessages.InvoiceAmountInvalid(reader.RowNumber, Trim(amountText, 30)));
            }

            var nikHash = nik.Length == 16 ? protector.Hash(nik) : null;
            Guid? person = kpj is not null && kpjs.TryGetValue(kpj, out var k) ? k
                : nikHash is not null && byHash.TryGetValue(nikHash, out var h) ? h : null;
            lines.Add(new BpjsInvoiceLine
            {
                TenantCode = invoice.TenantCode,
                InvoiceId = invoice.Id,
                RowNumber = reader.RowNumber,
                Kpj = kpj,
                NikHash = nikHash,
                NikMasked = nik.Length == 16 ? NikProtector.Mask(nik) : null,
                Name = Trim(Cell(Col.Name), 200) ?? "",
                Amount = amount,
                PersonId = person,
            });
            count++;
            total += amount;
            matched += person is null ? 0 : 1;
            if (lines.Count == Batch)
            {
                await BulkInsert.InsertAsync(db, lines, ct);
                lines.Clear();
            }
        }

        await BulkInsert.InsertAsync(db, lines, ct);
        invoice.Total = total;
        invoice.Participants = count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new InvoiceImportReport(period, count, total, matched, Unchanged: false);
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
        if (!Periods.TryParse(period, out _))
        {
            throw new UnusableImportException("bpjs.period", ImportMessages.BpjsPeriodInvalid(period));
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
