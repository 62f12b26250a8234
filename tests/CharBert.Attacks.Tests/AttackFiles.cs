using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Recipes;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Tests;

/// <summary>Runs the streaming attack on a file the way `charbert attack` does (mixed set, edit log on) and returns
/// where the attacked copy and its edit log landed.</summary>
static class AttackFiles
{
    public sealed record Outcome(AttackManifest Manifest, string Output, string EditLogPath)
    {
        public IReadOnlyList<EditLogRow> Edits => EditLog.Read(EditLogPath);
    }

    public static Outcome Attack(IAttackFormat format, string input, string outDir, string recipe, double? rate = null, ulong seed = 1,
        int threads = 2, int chunkBytes = 64 * 1024)
    {
        var manifest = AttackRunner.Run(new AttackJob
        {
            Format = format,
            InputPath = input,
            Task = TaskId.Text,
            Sets = AttackRunner.Sets(recipe, new RecipeRequest(format.WordKind, Rate: rate), mixed: true, perType: false),
            Seed = seed,
            OutDir = outDir,
            Threads = threads,
            ChunkBytes = chunkBytes,
            Overwrite = true,
        });
        var set = manifest.Sets[0];
        return new Outcome(manifest, Path.Combine(outDir, set.Output.File), Path.Combine(outDir, set.EditLog!));
    }
}
