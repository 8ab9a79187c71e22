using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Lindung.Web.Tests.Infrastructure;

/// <summary>
/// Writes every log line the web app produces during the test run (every category, Information and up — more than
/// production's defaults log) to a file under <see cref="Directory"/>, one file per test process. test.sh runs the
/// log scan (<c>LogScanTests</c>) over these files after the whole suite: no NIK, token, password or TOTP key may
/// appear in any line.
/// </summary>
public sealed class TestLogCapture : ILoggerProvider
{
    public const string DirectoryVariable = "LINDUNG_TEST_LOG_DIR";

    public static readonly TestLogCapture Instance = new();

    private static readonly Lock Gate = new();
    private static StreamWriter? writer;

    public static string Directory => Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "lindung-test-logs");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
        // Shared by every factory of the process; flushed on each line, closed when the process ends.
    }

    private static void Write(string line)
    {
        lock (Gate)
        {
            if (writer is null)
            {
                System.IO.Directory.CreateDirectory(Directory);
                var path = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"web-{Environment.ProcessId}.log"));
                writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false));
            }

            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}";
            if (exception is not null)
            {
                line += " " + exception.ToString().ReplaceLineEndings(" | ");
            }

            Write(line.ReplaceLineEndings(" | "));
        }
    }
}
