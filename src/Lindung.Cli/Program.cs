namespace Lindung.Cli;

public static class LindungProgram
{
    /// <summary>Bahasa Indonesia unless <c>LINDUNG_LANG=en</c>; the machine's own culture does not choose the language.</summary>
    public static Task<int> Main(string[] args) => LindungCli.RunInLanguageAsync(args, Console.Out, Console.Error,
        CliText.LanguageFrom(Environment.GetEnvironmentVariable(CliText.LanguageVariable)));
}
