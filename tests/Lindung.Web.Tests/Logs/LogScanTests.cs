using System.Text.RegularExpressions;
using Lindung.Core.Api;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Tests.Infrastructure;

namespace Lindung.Web.Tests.Logs;

/// <summary>
/// Issue 7: no NIK, token or password in any log line. <see cref="TestLogCapture"/> records every log line of the web
/// app during the whole test run; test.sh runs <see cref="LogsOfTheFullTestRun_HoldNoNikTokenOrPassword"/> after the
/// suite (trait Category=LogScan, excluded from the main run). The scanner itself is tested on planted lines.
/// </summary>
public partial class LogScanTests
{
    [Fact]
    [Trait("Category", "LogScan")]
    public void LogsOfTheFullTestRun_HoldNoNikTokenOrPassword()
    {
        var files = Directory.Exists(TestLogCapture.Directory) ? Directory.GetFiles(TestLogCapture.Directory, "*.log") : [];
        Assert.True(files.Length > 0, $"No captured logs in {TestLogCapture.Directory}: run the whole suite first (test.sh does).");
        var lines = 0L;
        var findings = new List<string>();
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                lines++;
                if (Scan(line) is { } finding && findings.Count < 20)
                {
                    findings.Add($"{Path.GetFileName(file)}: {finding}: {line[..Math.Min(line.Length, 300)]}");
                }
            }
        }

        // A run of the suite logs tens of thousands of lines; a handful would mean the capture was not wired in.
        Assert.True(lines > 5_000, $"Only {lines} captured log lines.");
        Assert.True(findings.Count == 0, "Secrets in the logs:\n" + string.Join('\n', findings));
    }

    [Theory]
    [InlineData("Request GET /Pekerja?q=1609014708850001", "NIK")]
    [InlineData("Imported row NIK 1609011208850002 for KESRA", "NIK")]
    [InlineData("Authorization: Bearer lnd_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_ab", "token")]
    [InlineData("Sign-in for admin.uji with Kopi-Pagi-Muaradua-42", "password")]
    [InlineData("Host=db;Username=lindung;Password=rahasia", "password")]
    [InlineData("authenticator key JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "TOTP key")]
    public void Scanner_FindsEachKindOfSecret(string line, string kind) => Assert.Equal(kind, Scan(line));

    [Theory]
    [InlineData("Executed DbCommand (3ms) [Parameters=[@p0='?' (DbType = Binary)], CommandType='Text', CommandTimeout='30']")]
    [InlineData("Request GET /Pekerja?q=1609••••••••0001")]
    [InlineData("Snapshot 2025-04 took 1234567890123456789 ticks")]
    [InlineData("Person 0196f3a2-1609-7014-7088-500012345678 updated")]
    [InlineData("Token lnd_AbCd (prefix) revoked")]
    [InlineData("Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres")]
    public void Scanner_LeavesHarmlessLinesAlone(string line) => Assert.Null(Scan(line));

    /// <summary>The kind of secret in the line, or null.</summary>
    private static string? Scan(string line)
    {
        foreach (Match m in SixteenDigits().Matches(line))
        {
            if (Nik.Check(m.Value, new DateOnly(2026, 1, 1)).Value is not null)
            {
                return "NIK";
            }
        }

        if (Token().IsMatch(line))
        {
            return "token";
        }

        if (line.Contains(LindungFactory.Password, StringComparison.Ordinal) || ConnectionPassword().IsMatch(line))
        {
            return "password";
        }

        return line.Contains(LindungFactory.TotpKey, StringComparison.Ordinal) ? "TOTP key" : null;
    }

    [GeneratedRegex(@"(?<!\d)\d{16}(?!\d)")]
    private static partial Regex SixteenDigits();

    [GeneratedRegex(ApiTokens.Prefix + @"[A-Za-z0-9_\-]{20,}")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?i)\bpassword=[^;\s'""]+")]
    private static partial Regex ConnectionPassword();
}
