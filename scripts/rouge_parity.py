#!/usr/bin/env python3
"""Checks `alert-digest eval --items` figures against Google's rouge-score package.

Each line of ITEMS holds a digest, its references and the ROUGE-1/2/L precision, recall and F1
that `alert-digest eval` computed. This recomputes them with rouge_score (use_stemmer=True,
score_multi: best F1 of each measure over the references) and fails if any differs by more
than TOLERANCE, or if the means do.
"""
import json
import sys

from rouge_score import rouge_scorer

TOLERANCE = 1e-6
MEASURES = {"rouge1": "rouge1", "rouge2": "rouge2", "rougeL": "rougeL"}


def main(path):
    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    worst = 0.0
    sums_rust = {m: 0.0 for m in MEASURES}
    sums_python = {m: 0.0 for m in MEASURES}
    count = 0
    failures = 0
    with open(path, encoding="utf-8") as items:
        for line in items:
            item = json.loads(line)
            python = scorer.score_multi(item["references"], item["digest"])
            count += 1
            for measure in MEASURES:
                ours = item[measure]
                theirs = python[measure]
                sums_rust[measure] += ours["f"]
                sums_python[measure] += theirs.fmeasure
                for key, value in (("p", theirs.precision), ("r", theirs.recall), ("f", theirs.fmeasure)):
                    diff = abs(ours[key] - value)
                    worst = max(worst, diff)
                    if diff > TOLERANCE:
                        failures += 1
                        if failures <= 10:
                            print(f"line {item['line']} {measure}.{key}: ours {ours[key]} rouge-score {value}"
                                  f" digest={item['digest']!r}", file=sys.stderr)
    for measure in MEASURES:
        diff = abs(sums_rust[measure] - sums_python[measure]) / max(count, 1)
        worst = max(worst, diff)
        if diff > TOLERANCE:
            failures += 1
            print(f"mean {measure} differs by {diff}", file=sys.stderr)
    means = " ".join(f"{m} {100 * sums_python[m] / max(count, 1):.2f}" for m in MEASURES)
    print(f"{path}: {count} items, rouge-score means x100: {means}; largest difference {worst:.3g}"
          f" ({'match' if failures == 0 else f'{failures} MISMATCHES'} to {TOLERANCE})")
    return 0 if failures == 0 and count > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
