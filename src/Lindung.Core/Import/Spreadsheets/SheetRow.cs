using Lindung.Core.Formatting;
using Microsoft.Extensions.Configuration;

namespace Lindung.Core.Import.Spreadsheets;

/// <summary>
/// One cell as the file holds it: the text, and whether the spreadsheet stored it as a number (a NIK typed
/// into a number cell has lost its 16th digit, so the origin matters) or as a date-formatted number.
/// </summary>
public readonly record struct SheetCell(string Text, CellKind Kind = CellKind.Text)
{
    public static readonly SheetCell Empty = new("");

    public bool IsNumeric => Kind is CellKind.Number or CellKind.Date;
}

public enum CellKind
{
    Text,
    Number,
    Date,
}

/// <summary>A forward-only reader of rows; never holds the file in memory.</summary>
public interface ISheetReader : IDisposable
{
    /// <summary>1-based row number in the file of the current row (as a spreadsheet program shows it).</summary>
    int RowNumber { get; }

    IReadOnlyList<SheetCell> Cells { get; }

    /// <summary>Bytes consumed so far of <see cref="TotalBytes"/>, for progress.</summary>
    long Position { get; }

    long TotalBytes { get; }

    bool Read();
}

/// <summary>
/// A file that cannot be read as a whole. <see cref="Text"/> says why for the user; <see cref="Message"/> is that text in
/// the current UI culture (Bahasa Indonesia or English).
/// </summary>
public sealed class UnreadableFileException(string code, CoreMessage text, Exception? inner = null) : Exception(null, inner)
{
    /// <summary>Stable code, e.g. <c>file.too_large</c>, <c>file.zip_bomb</c>, <c>file.encoding</c>.</summary>
    public string Code { get; } = code;

    public CoreMessage Text { get; } = text;

    public override string Message => Text.ToString();
}

/// <summary>Limits for uploaded files; configurable (<c>Lindung:Import:*</c>).</summary>
public sealed record SpreadsheetLimits
{
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Total inflated size of all parts of an XLSX.</summary>
    public long MaxInflatedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Inflated ÷ compressed size of any one part; real sheets compress 5–20×.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Excel's own limit for one cell.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    public int MaxColumns { get; init; } = 200;

    public static SpreadsheetLimits Default { get; } = new();

    /// <summary>The limits as configured (<c>Lindung:Import:MaxFileBytes</c>), the defaults otherwise: the web app and the
    /// <c>lindung</c> command read the same setting.</summary>
    public static SpreadsheetLimits FromConfiguration(IConfiguration configuration) => new()
    {
        MaxFileBytes = configuration.GetValue<long?>("Lindung:Import:MaxFileBytes")
            ?? Default.MaxFileBytes,
    };
}
