namespace Lindung.Cli;

public static class LindungProgram
{
    public static Task<int> Main(string[] args) => LindungCli.RunAsync(args, Console.Out, Console.Error);
}
