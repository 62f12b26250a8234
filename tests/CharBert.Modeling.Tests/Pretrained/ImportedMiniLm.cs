using CharBert.Modeling.Pretrained.MiniLm;
using NUnit.Framework;

namespace CharBert.Modeling.Tests.Pretrained;

/// <summary>One `models import minilm-l6` for the tests of this namespace (an import writes 90 MB), deleted after them.</summary>
[SetUpFixture]
public class ImportedMiniLm
{
    static readonly Lazy<string> Imported = new(() =>
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("minilm-l6-").FullName, MiniLmImport.Name);
        MiniLmImport.Import(directory);
        return directory;
    });

    public static string ModelDirectory => Imported.Value;

    [OneTimeTearDown]
    public void Delete()
    {
        if (Imported.IsValueCreated) Directory.Delete(Path.GetDirectoryName(Imported.Value)!, recursive: true);
    }
}
