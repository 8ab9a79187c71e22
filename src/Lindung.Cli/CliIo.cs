using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Lindung.Cli;

/// <summary>Where a command writes: one JSON object or human text on stdout; messages and progress on stderr.</summary>
public sealed class CliIo(TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public TextWriter Out => stdout;

    public TextWriter Err => stderr;

    /// <summary>Prints the result: as JSON when asked, else through <paramref name="human"/>.</summary>
    public async Task<int> ResultAsync(ParseResult parse, object result, Action<TextWriter> human, int exitCode = LindungCli.Ok)
    {
        if (GlobalOptions.WantsJson(parse))
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions));
        }
        else
        {
            human(stdout);
        }

        return exitCode;
    }

    /// <summary>Reports a failure: on stderr in the run's language; with <c>--json</c> also as <c>{"error"}</c> in Indonesian.</summary>
    public async Task<int> FailAsync(ParseResult parse, int exitCode, CliMessage message)
    {
        await stderr.WriteLineAsync(CliText.ErrorLine(message.ToString()));
        if (GlobalOptions.WantsJson(parse))
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { error = message.ToIndonesian() }, JsonOptions));
        }

        return exitCode;
    }

    public IProgress<double> Progress(string label) => new StderrProgress(stderr, label);

    /// <summary>A text progress bar on stderr; a line per 10% when stderr is not a terminal.</summary>
    private sealed class StderrProgress(TextWriter err, string label) : IProgress<double>
    {
        private int last = -1;
        private readonly bool terminal = ReferenceEquals(err, Console.Error) && !Console.IsErrorRedirected;

        public void Report(double value)
        {
            var percent = (int)Math.Clamp(value * 100, 0, 100);
            if (terminal)
            {
                if (percent == last)
                {
                    return;
                }

                var filled = percent / 5;
                err.Write(string.Create(CultureInfo.InvariantCulture,
                    $"\r{label} [{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}%"));
                if (percent == 100)
                {
                    err.WriteLine();
                }
            }
            else if (percent / 10 != last / 10 || (percent == 100 && last != 100))
            {
                err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {percent}%"));
            }

            last = percent;
        }
    }
}
