using Lindung.Cli;

return await LindungCli.RunAsync(args, Console.Out, Console.Error);
