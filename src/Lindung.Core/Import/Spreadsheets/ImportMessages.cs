using Lindung.Core.Formatting;

namespace Lindung.Core.Import.Spreadsheets;

/// <summary>
/// Why a file as a whole cannot be imported, for the person who sent it: worker, BPJS and invoice files alike. Each is a
/// <see cref="CoreMessage"/> whose key is the member's name, in Bahasa Indonesia and English.
/// </summary>
public static class ImportMessages
{
    public static CoreMessage NotUtf8 => new(nameof(NotUtf8));

    public static CoreMessage BinaryOrUtf16 => new(nameof(BinaryOrUtf16));

    public static CoreMessage MalformedCsv(int row) => new(nameof(MalformedCsv), row);

    public static CoreMessage NotXlsx => new(nameof(NotXlsx));

    public static CoreMessage NotCsv => new(nameof(NotCsv));

    public static CoreMessage XmlDtd => new(nameof(XmlDtd));

    public static CoreMessage ZipBomb => new(nameof(ZipBomb));

    public static CoreMessage NoSheet => new(nameof(NoSheet));

    /// <summary>The file's size in whole MB rounded up (a file just over a 1 MB limit is "2 MB", not "1 MB"), the limit rounded down.</summary>
    public static CoreMessage TooLarge(long size, long max) => new(nameof(TooLarge), (size + Mebibyte - 1) / Mebibyte, max / Mebibyte);

    private const long Mebibyte = 1024 * 1024;

    public static CoreMessage CellTooLarge(int max) => new(nameof(CellTooLarge), max);

    public static CoreMessage TooManyColumns(int max) => new(nameof(TooManyColumns), max);

    public static CoreMessage SheetNotFound(string name) => new(nameof(SheetNotFound), name);

    public static CoreMessage FileEmpty => new(nameof(FileEmpty));

    public static CoreMessage OpdUnknown => new(nameof(OpdUnknown));

    public static CoreMessage CategoryNotFound => new(nameof(CategoryNotFound));

    public static CoreMessage PeriodInvalid => new(nameof(PeriodInvalid));

    /// <summary>Required columns missing from the header row; <paramref name="columns"/> are their template names.</summary>
    public static CoreMessage ColumnsMissing(string columns) => new(nameof(ColumnsMissing), columns);

    public static CoreMessage CategoryColumnMissing => new(nameof(CategoryColumnMissing));

    public static CoreMessage NoHeaderRow => new(nameof(NoHeaderRow));

    public static CoreMessage BpjsColumnsMissing => new(nameof(BpjsColumnsMissing));

    public static CoreMessage BpjsPeriodInvalid(string period) => new(nameof(BpjsPeriodInvalid), period);

    public static CoreMessage InvoiceNegative => new(nameof(InvoiceNegative));

    public static CoreMessage InvoiceColumnsMissing => new(nameof(InvoiceColumnsMissing));

    public static CoreMessage InvoiceAmountInvalid(int row, string? amount) => new(nameof(InvoiceAmountInvalid), row, amount);
}
