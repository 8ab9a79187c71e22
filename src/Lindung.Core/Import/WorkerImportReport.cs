using Lindung.Core.Formatting;
using Lindung.Core.Registry.Validation;

namespace Lindung.Core.Import;

/// <summary>
/// What an import did (or, in a dry run, would do). Every data row lands in exactly one of
/// <see cref="Accepted"/>, <see cref="Unchanged"/>, <see cref="Rejected"/>, <see cref="DuplicatesInFile"/>,
/// <see cref="Conflicts"/>; <see cref="Warnings"/> and <see cref="DuplicatesInRegistry"/> count across them.
/// </summary>
public sealed class WorkerImportReport
{
    public int Rows { get; set; }
    public int Accepted { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int Warnings { get; set; }
    public int DuplicatesInFile { get; set; }
    public int DuplicatesInRegistry { get; set; }
    public int Conflicts { get; set; }
    public SortedDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> WarningCodes { get; } = new(StringComparer.Ordinal);
    public bool DryRun { get; set; }
    public Guid? SubmissionId { get; set; }
    public IReadOnlyList<string> Headers { get; set; } = [];
    public IReadOnlyList<string> IgnoredColumns { get; set; } = [];

    /// <summary>Rows with an error, a warning or an in-file duplicate, for the preview and the error report.</summary>
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Problem rows beyond this many are counted but not kept (memory stays flat on huge bad files).</summary>
    public const int MaxProblemsKept = 50_000;

    public bool ProblemsTruncated { get; set; }

    internal void Count(IReadOnlyList<ValidationIssue> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }

        foreach (var code in issues.Where(i => !i.IsWarning).Select(i => i.Code).Distinct())
        {
            Errors[code] = Errors.GetValueOrDefault(code) + 1;
        }

        var warnings = issues.Where(i => i.IsWarning).Select(i => i.Code).Distinct().ToList();
        foreach (var code in warnings)
        {
            WarningCodes[code] = WarningCodes.GetValueOrDefault(code) + 1;
        }
    }

    internal void Keep(ImportProblem problem)
    {
        if (Problems.Count < MaxProblemsKept)
        {
            Problems.Add(problem);
        }
        else
        {
            ProblemsTruncated = true;
        }
    }
}

/// <summary>One problem row: its number in the file, its cells as read, and what is wrong.</summary>
public sealed record ImportProblem(int RowNumber, string[] Cells, IReadOnlyList<ValidationIssue> Issues, bool Rejected, string? Note = null)
{
    /// <summary>The "Keterangan" text: every message of the row, errors first.</summary>
    public string Explanation => string.Join("; ",
        Issues.OrderBy(i => i.IsWarning).Select(i => i.Message).Concat(Note is null ? [] : [Note]));
}

/// <summary>
/// The file as a whole cannot be imported (the CLI's exit code 1). <see cref="Text"/> says why for the user;
/// <see cref="Message"/> is that text in the current UI culture (Bahasa Indonesia or English).
/// </summary>
public sealed class UnusableImportException(string code, CoreMessage text, Exception? inner = null) : Exception(null, inner)
{
    public string Code { get; } = code;

    public CoreMessage Text { get; } = text;

    public override string Message => Text.ToString();
}
