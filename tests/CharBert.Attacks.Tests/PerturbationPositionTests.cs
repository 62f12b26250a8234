using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Resources;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class PerturbationPositionTests
{
    static readonly KeyboardMap Qwerty = KeyboardMap.CharBert2020;

    /// <summary>Positions hit by 4,000 seeded draws: with at most 8 legal positions every one shows up.</summary>
    static SortedSet<int> DrawnPositions(IPerturbation p, string word, out List<PerturbationOutcome> outcomes)
    {
        var positions = new SortedSet<int>();
        outcomes = [];
        for (ulong s = 0; s < 4000; s++)
        {
            var rng = new SplitMix64(s);
            var outcome = p.Apply(word, ref rng);
            outcomes.Add(outcome);
            positions.Add(outcome.Position);
        }
        return positions;
    }

    static int[] Range(int first, int last) => last < first ? [-1] : Enumerable.Range(first, last - first + 1).ToArray();

    [Test]
    public void Drop_uses_every_interior_index_and_only_those([Range(1, 8)] int length, [Values] bool allowEnds)
    {
        var word = "abcdefgh"[..length];
        var positions = DrawnPositions(new DropPerturbation(allowEnds), word, out var outcomes);
        var expected = length < 2 ? [-1] : allowEnds ? Range(0, length - 1) : Range(1, length - 2);
        Assert.That(positions, Is.EqualTo(expected));
        foreach (var o in outcomes.Where(o => o.Position >= 0))
            Assert.That(o.Word, Is.EqualTo(word.Remove(o.Position, 1)));
    }

    [Test]
    public void Add_inserts_at_every_interior_gap_from_the_alphabet([Range(1, 8)] int length, [Values] bool allowEnds)
    {
        var word = "abcdefgh"[..length];
        var positions = DrawnPositions(new AddPerturbation("XY", allowEnds), word, out var outcomes);
        Assert.That(positions, Is.EqualTo(allowEnds ? Range(0, length) : Range(1, length - 1)));
        foreach (var o in outcomes.Where(o => o.Position >= 0))
        {
            Assert.That(o.Changed);
            Assert.That(o.Word.Remove(o.Position, 1), Is.EqualTo(word));
            Assert.That("XY", Does.Contain(o.Word[o.Position]));
        }
    }

    [Test]
    public void Swap_uses_pairs_inside_the_word([Range(1, 8)] int length, [Values] bool allowEnds)
    {
        var word = "abcdefgh"[..length];
        var positions = DrawnPositions(new SwapPerturbation(allowEnds), word, out var outcomes);
        Assert.That(positions, Is.EqualTo(allowEnds ? Range(0, length - 2) : Range(1, length - 3)));
        foreach (var o in outcomes.Where(o => o.Position >= 0))
            Assert.That(o.Word, Is.EqualTo(word[..o.Position] + word[o.Position + 1] + word[o.Position] + word[(o.Position + 2)..]));
    }

    [Test]
    public void Swap_of_equal_letters_is_a_no_op_not_a_redraw()
    {
        var outcomes = Enumerable.Range(0, 200).Select(s =>
        {
            var rng = new SplitMix64((ulong)s);
            return new SwapPerturbation().Apply("baab", ref rng);
        }).ToArray();
        Assert.That(outcomes.All(o => !o.Changed && o.Word == "baab" && o.Position == 1));
        Assert.That(new SwapPerturbation().Enumerate("baab"), Is.Empty);
    }

    [Test]
    public void Keyboard_uses_interior_positions_lower_case_neighbours_and_no_ops_without_neighbours([Range(3, 7)] int length)
    {
        var word = "QWERTYU"[..length];
        var positions = DrawnPositions(new KeyboardPerturbation(Qwerty), word, out var outcomes);
        Assert.That(positions, Is.EqualTo(Range(1, length - 2)));
        foreach (var o in outcomes)
        {
            var original = char.ToLowerInvariant(word[o.Position]);
            Assert.That(Qwerty.Neighbours(original), Does.Contain(o.Word[o.Position]));
            Assert.That(char.IsLower(o.Word[o.Position]));
            Assert.That(o.Word.Remove(o.Position, 1), Is.EqualTo(word.Remove(o.Position, 1)));
        }

        var rng = new SplitMix64(1);
        var digit = new KeyboardPerturbation(Qwerty).Apply("a7b", ref rng);
        Assert.That(digit, Is.EqualTo(new PerturbationOutcome(PerturbationType.Keyboard, "a7b", 1, false)));
    }

    [Test]
    public void Enumerate_lists_exactly_the_distinct_words_apply_can_draw()
    {
        IPerturbation[] all =
        [
            new DropPerturbation(), new AddPerturbation("ab"), new SwapPerturbation(), new KeyboardPerturbation(KeyboardMap.Pruthi2019),
            new SubstitutePerturbation("abc"), new HomoglyphPerturbation(), new OcrPerturbation(), new CaseFlipPerturbation(),
        ];
        foreach (var p in all)
        foreach (var word in new[] { "Tom", "learn", "ammo", "Slow" })
        {
            var enumerated = p.Enumerate(word).Select(o => o.Word).ToHashSet();
            var drawn = Enumerable.Range(0, 3000).Select(s =>
            {
                var rng = new SplitMix64((ulong)s);
                return p.Apply(word, ref rng);
            }).Where(o => o.Changed).Select(o => o.Word).ToHashSet();
            Assert.That(drawn, Is.EquivalentTo(enumerated), $"{p.Type} on '{word}'");
            Assert.That(enumerated, Does.Not.Contain(word));
            Assert.That(enumerated.All(w => w[0] == word[0] && w[^1] == word[^1]), $"{p.Type} kept the ends of '{word}'");
        }
    }

    [Test]
    public void Ocr_replaces_patterns_and_case_flip_and_homoglyph_change_one_character()
    {
        Assert.That(new OcrPerturbation().Enumerate("barn").Select(o => o.Word), Does.Not.Contain("bam"),
            "'rn' ends at the last character, which is protected");
        Assert.That(new OcrPerturbation().Enumerate("burnt").Select(o => o.Word), Does.Contain("bumt"));
        Assert.That(new OcrPerturbation(allowEnds: true).Enumerate("barn").Select(o => o.Word), Does.Contain("bam"));
        Assert.That(new CaseFlipPerturbation().Enumerate("aBc").Select(o => o.Word), Is.EqualTo(new[] { "abc" }));
        Assert.That(new HomoglyphPerturbation().Enumerate("pop").Select(o => o.Word), Is.EquivalentTo(new[] { "p\u043Ep", "p\u03BFp" }));
    }

    [Test]
    public void Keyboard_maps_have_the_documented_sizes()
    {
        Assert.That(KeyboardMap.CharBert2020.PairCount, Is.EqualTo(122));
        Assert.That(KeyboardMap.CharBert2020.Neighbours('K'), Does.Contain(','));
        Assert.That(KeyboardMap.Pruthi2019.PairCount, Is.EqualTo(78));
        Assert.That(KeyboardMap.Pruthi2019.Neighbours('s'), Is.EqualTo("wxad"));
        Assert.That(KeyboardMap.Pruthi2019.Neighbours('p'), Is.EqualTo("o"));
        Assert.That(KeyboardMap.Pruthi2019.Neighbours('1'), Is.Empty);
        Assert.That(StopwordList.English.Count, Is.EqualTo(179));
        Assert.That(StopwordList.English.Contains("THESE"));
    }
}
