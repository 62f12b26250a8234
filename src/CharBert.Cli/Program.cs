using System.CommandLine;
using CharBert.Cli;

var root = new RootCommand("CharBert.NET: character-aware robustness toolkit (CharBERT in TorchSharp)");
foreach (var command in CommandRegistry.All())
    root.Subcommands.Add(command);
var exitCode = CliRunner.Invoke(root, args);
PeakMemoryReport.WriteIfRequested();
return exitCode;
