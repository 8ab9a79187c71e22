namespace Lindung.Core.Import.Spreadsheets;

/// <summary>
/// Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is prefixed with an apostrophe in every export, so no
/// spreadsheet program evaluates it. Numbers are written as numbers and need no prefix.
/// </summary>
public static class CellSafety
{
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
