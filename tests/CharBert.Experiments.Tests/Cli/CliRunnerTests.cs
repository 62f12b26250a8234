using System.CommandLine;
using CharBert.Cli;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>How <see cref="CliRunner"/> turns failures into exit codes and one-line messages, on a made-up command.</summary>
[NonParallelizable]
public class CliRunnerTests
{
    static (int Exit, string Err) Run(Exception? failure, params string[] args)
    {
        var command = new Command("fail");
        var count = new Option<int>("--count");
        command.Options.Add(count);
        command.SetAction(_ => failure is null ? 0 : throw failure);
        var root = new RootCommand { command };
        var old = Console.Error;
        var err = new StringWriter();
        Console.SetError(err);
        try { return (CliRunner.Invoke(root, args), err.ToString()); }
        finally { Console.SetError(old); }
    }

    [Test]
    public void Usage_errors_and_input_errors_share_exit_code_2()
    {
        var parse = Run(null, "fail", "--count", "many");
        Assert.That(parse, Is.EqualTo((CliRunner.ExitBadInput, "error: --count: 'many' is not a whole number (at most 2147483647) (see charbert fail --help)" + Environment.NewLine)));
        var input = Run(new ArgumentException("--count must be positive", "count"), "fail");
        Assert.That(input, Is.EqualTo((CliRunner.ExitBadInput, "error: --count must be positive" + Environment.NewLine)), "no (Parameter 'count')");
    }

    [Test]
    public void A_bug_is_one_line_with_exit_70_and_the_stack_trace_only_on_request()
    {
        var (exit, err) = Run(new NullReferenceException("Object reference not set to an instance of an object."), "fail");
        Assert.That(exit, Is.EqualTo(CliRunner.ExitInternalError));
        Assert.That(err.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(err, Does.StartWith("error: internal error (NullReferenceException: ").And.Contain("CHARBERT_DEBUG=1"));
    }
}
