using CharBert.Text.Tokenization;

namespace CharBert.Text.Featurization.Squad;

/// <summary>
/// From per-window start/end logits back to answer text in the original context, following Hugging Face's
/// compute_predictions_logits and get_final_text (which run_squad.py uses): top-n start/end pairs within
/// max_answer_length and inside a window's max-context tokens, de-duplicated by text, null answer for SQuAD 2.0.
/// </summary>
public static class SquadAnswerDecoder
{
    private sealed record Candidate(int Window, int Start, int End, double StartLogit, double EndLogit);

    public static SquadPrediction Decode(SquadInput example, IReadOnlyList<SquadWindow> windows,
        IReadOnlyList<float[]> startLogits, IReadOnlyList<float[]> endLogits, SquadDecodingOptions options)
    {
        if (windows.Count != startLogits.Count || windows.Count != endLogits.Count)
            throw new ArgumentException($"{windows.Count} windows but {startLogits.Count} start and {endLogits.Count} end logit rows.");
        var candidates = new List<Candidate>();
        double nullScore = double.PositiveInfinity;
        int nullWindow = 0;
        double nullStart = 0, nullEnd = 0;
        for (int w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var starts = TopIndexes(startLogits[w], options.NBestSize);
            var ends = TopIndexes(endLogits[w], options.NBestSize);
            if (options.VersionTwoWithNegative)
            {
                double score = startLogits[w][0] + endLogits[w][0];
                if (score < nullScore) { nullScore = score; nullWindow = w; nullStart = startLogits[w][0]; nullEnd = endLogits[w][0]; }
            }
            foreach (var s in starts)
                foreach (var e in ends)
                {
                    if (s >= window.Tokens.Count || e >= window.Tokens.Count) continue;
                    if (!window.TokenToOrigMap.ContainsKey(s) || !window.TokenToOrigMap.ContainsKey(e)) continue;
                    if (!window.TokenIsMaxContext.GetValueOrDefault(s)) continue;
                    if (e < s || e - s + 1 > options.MaxAnswerLength) continue;
                    candidates.Add(new Candidate(w, s, e, startLogits[w][s], endLogits[w][e]));
                }
        }
        if (options.VersionTwoWithNegative) candidates.Add(new Candidate(nullWindow, 0, 0, nullStart, nullEnd));
        candidates = candidates.OrderByDescending(c => c.StartLogit + c.EndLogit).ToList();

        var nbest = new List<(string Text, double Start, double End)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (nbest.Count >= options.NBestSize) break;
            string text;
            if (c.Start > 0)
            {
                var window = windows[c.Window];
                var pieces = window.Tokens.Skip(c.Start).Take(c.End - c.Start + 1);
                var tokenText = string.Join(" ", UnicodeRules.SplitOnPythonWhitespace(string.Join(" ", pieces).Replace(" ##", "").Replace("##", "")));
                int origStart = window.TokenToOrigMap[c.Start], origEnd = window.TokenToOrigMap[c.End];
                var origText = string.Join(" ", example.DocTokens.Skip(origStart).Take(origEnd - origStart + 1));
                text = GetFinalText(tokenText, origText, options.LowerCase);
                if (!seen.Add(text)) continue;
            }
            else
            {
                text = "";
                seen.Add(text);
            }
            nbest.Add((text, c.StartLogit, c.EndLogit));
        }
        if (options.VersionTwoWithNegative)
        {
            if (!seen.Contains("")) nbest.Add(("", nullStart, nullEnd));
            if (nbest.Count == 1) nbest.Insert(0, ("empty", 0, 0));
        }
        if (nbest.Count == 0) nbest.Add(("empty", 0, 0));

        var probabilities = Softmax(nbest.Select(n => n.Start + n.End).ToArray());
        var result = nbest.Select((n, i) => new SquadCandidate(n.Text, n.Start, n.End, probabilities[i])).ToList();
        var bestNonNull = result.FirstOrDefault(r => r.Text.Length > 0);
        if (!options.VersionTwoWithNegative) return new SquadPrediction(result[0].Text, result, 0);
        double diff = bestNonNull is null ? double.PositiveInfinity : nullScore - bestNonNull.StartLogit - bestNonNull.EndLogit;
        var answer = diff > options.NullScoreDiffThreshold ? "" : bestNonNull!.Text;
        return new SquadPrediction(answer, result, diff);
    }

    /// <summary>
    /// Hugging Face get_final_text: find the tokenised prediction inside the re-tokenised original text and map
    /// it back through space-free character alignment, so casing and punctuation come from the original.
    /// Falls back to the whole original span whenever the alignment fails.
    /// </summary>
    public static string GetFinalText(string predictedText, string originalText, bool lowerCase)
    {
        var tokenized = string.Join(" ", new BasicTokenizer(lowerCase, splitCjkIdeographs: true).Tokenize(originalText, new HashSet<string>()));
        int start = tokenized.IndexOf(predictedText, StringComparison.Ordinal);
        if (start < 0) return originalText;
        int end = start + predictedText.Length - 1;
        var (origNoSpace, origMap) = StripSpaces(originalText);
        var (tokNoSpace, tokMap) = StripSpaces(tokenized);
        if (origNoSpace.Length != tokNoSpace.Length) return originalText;
        var tokSpaceToNoSpace = new Dictionary<int, int>();
        for (int i = 0; i < tokMap.Count; i++) tokSpaceToNoSpace[tokMap[i]] = i;
        if (!tokSpaceToNoSpace.TryGetValue(start, out var nsStart) || nsStart >= origMap.Count) return originalText;
        if (!tokSpaceToNoSpace.TryGetValue(end, out var nsEnd) || nsEnd >= origMap.Count) return originalText;
        return originalText[origMap[nsStart]..(origMap[nsEnd] + 1)];
    }

    private static (string Text, List<int> NoSpaceToSpace) StripSpaces(string text)
    {
        var map = new List<int>(text.Length);
        var chars = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ') continue;
            map.Add(i);
            chars.Append(text[i]);
        }
        return (chars.ToString(), map);
    }

    private static List<int> TopIndexes(float[] logits, int n) =>
        Enumerable.Range(0, logits.Length).OrderByDescending(i => logits[i]).Take(n).ToList();

    private static double[] Softmax(double[] scores)
    {
        if (scores.Length == 0) return [];
        double max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        double sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}
