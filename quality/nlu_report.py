"""Prints intent and topic F1 from `rasa test nlu` and fails below the bar.

    python -m quality.nlu_report results/nlu

The bar: weighted F1 of at least 0.85 for intents and for FAQ topics (the ResponseSelector); no intent under 0.6.
"""
import json
import sys
from pathlib import Path

MIN_WEIGHTED_F1 = 0.85
MIN_INTENT_F1 = 0.6


def table(report: dict, title: str) -> list[str]:
    rows = [f"{title:<40} {'F1':>5} {'support':>8}"]
    for name, r in sorted(report.items()):
        if isinstance(r, dict) and "f1-score" in r and name not in ("micro avg", "macro avg", "weighted avg"):
            rows.append(f"{name:<40} {r['f1-score']:>5.2f} {r['support']:>8}")
    w = report["weighted avg"]
    rows.append(f"{'weighted avg':<40} {w['f1-score']:>5.2f} {w['support']:>8}")
    return rows


def check(out_dir: Path) -> list[str]:
    failures = []
    intents = json.loads((out_dir / "intent_report.json").read_text())
    print("\n".join(table(intents, "intent")))
    if intents["weighted avg"]["f1-score"] < MIN_WEIGHTED_F1:
        failures.append(f"intent weighted F1 {intents['weighted avg']['f1-score']:.2f} < {MIN_WEIGHTED_F1}")
    for name, r in intents.items():
        if isinstance(r, dict) and "f1-score" in r and r.get("support", 0) and r["f1-score"] < MIN_INTENT_F1:
            failures.append(f"intent {name} F1 {r['f1-score']:.2f} < {MIN_INTENT_F1}")
    topics_file = out_dir / "response_selection_report.json"
    if topics_file.exists():
        topics = json.loads(topics_file.read_text())
        print()
        print("\n".join(table(topics, "FAQ topic")))
        if topics["weighted avg"]["f1-score"] < MIN_WEIGHTED_F1:
            failures.append(f"topic weighted F1 {topics['weighted avg']['f1-score']:.2f} < {MIN_WEIGHTED_F1}")
    return failures


if __name__ == "__main__":
    problems = check(Path(sys.argv[1] if len(sys.argv) > 1 else "results/nlu"))
    for p in problems:
        print("FAIL", p)
    sys.exit(1 if problems else 0)
