"""Writes squad-article-boundary.json: how the OFFICIAL SQuAD evaluation script's normalize_answer treats the articles
a/an/the next to every code point outside the Basic Multilingual Plane. Run with any Python 3; the file records which
(Python and Unicode versions decide which code points are letters or numbers, i.e. word characters for re's \\b).

    python3 make_squad_article_fixture.py > squad-article-boundary.json

normalize_answer below is copied from the SQuAD v1.1 evaluation script (evaluate-v1.1.py, also used by v2.0).
"""
import json
import re
import string
import sys
import unicodedata


def normalize_answer(s):
    def remove_articles(text):
        return re.sub(r'\b(a|an|the)\b', ' ', text)

    def white_space_fix(text):
        return ' '.join(text.split())

    def remove_punc(text):
        exclude = set(string.punctuation)
        return ''.join(ch for ch in text if ch not in exclude)

    def lower(text):
        return text.lower()

    return white_space_fix(remove_articles(remove_punc(lower(s))))


# Each context: the input, the output when the article(s) touching c stay, and when they go ({c} = the code point,
# {l} = its lower-case form). The last context's articles never touch c: they always go.
CONTEXTS = [
    ("a{c}", "a{l}", "{l}"),
    ("{c}a", "{l}a", "{l}"),
    ("the{c} x", "the{l} x", "{l} x"),
    ("x {c}the", "x {l}the", "x {l}"),
    ("an{c}an", "an{l}an", "{l}"),
    ("{c}an{c}", "{l}an{l}", "{l} {l}"),
    ("a {c} the", "{l}", "{l}"),
]


def ranges(code_points):
    out, start, prev = [], None, None
    for cp in code_points:
        if start is not None and cp == prev + 1:
            prev = cp
            continue
        if start is not None:
            out.append([start, prev])
        start = prev = cp
    if start is not None:
        out.append([start, prev])
    return out


assigned, kept = [], []
for cp in range(0x10000, 0x110000):
    c = chr(cp)
    if unicodedata.category(c) != 'Cn':
        assigned.append(cp)
    l = c.lower()
    outcomes = set()
    for text, keep, drop in CONTEXTS:
        result = normalize_answer(text.format(c=c))
        keep, drop = keep.format(l=l), drop.format(l=l)
        if result == keep == drop:
            continue
        if result == keep:
            outcomes.add('kept')
        elif result == drop:
            outcomes.add('removed')
        else:
            sys.exit(f'U+{cp:04X} {text!r}: unexpected {result!r}')
    if len(outcomes) != 1:
        sys.exit(f'U+{cp:04X}: contexts disagree: {outcomes}')
    if outcomes == {'kept'}:
        kept.append(cp)

json.dump({
    'generator': 'make_squad_article_fixture.py',
    'python': sys.version.split()[0],
    'unicode': unicodedata.unidata_version,
    'contexts': CONTEXTS,
    'assigned': ranges(assigned),
    'article_kept': ranges(kept),
}, sys.stdout, separators=(',', ':'))
sys.stdout.write('\n')
