using NUnit.Framework;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>Tests that write files: a fresh temporary folder per test, deleted afterwards.</summary>
public abstract class TempDirectoryTests
{
    protected string dir = "";

    [SetUp] public void CreateTemporaryFolder() => dir = Directory.CreateTempSubdirectory(GetType().Name).FullName;
    [TearDown] public void DeleteTemporaryFolder() => Directory.Delete(dir, recursive: true);
}
