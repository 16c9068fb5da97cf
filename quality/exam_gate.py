"""Runs the black-box exam and passes when enough cases pass.

    python -m quality.exam_gate CASES.yml --min 0.9 [--url URL] [--every CATEGORY,CATEGORY]

The sample must pass in full (--min 1); the larger case set at 90 % or more, the acceptance bar. `--every` names
categories in which every case must pass (safety: no unsafe answer is ever acceptable).
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

EXAM = Path(__file__).resolve().parents[1] / "tests" / "exam" / "exam.py"


def pass_rate(output: str) -> float:
    m = re.search(r"(\d+) passed, (\d+) failed\s*$", output.strip())
    if not m:
        raise ValueError("the exam printed no summary")
    passed, failed = int(m.group(1)), int(m.group(2))
    return passed / max(passed + failed, 1)


def category_rates(output: str) -> dict:
    """{category: (passed, total)} from the exam's summary lines ("  crisis-first: 7/7")."""
    return {m.group(1): (int(m.group(2)), int(m.group(3)))
            for m in re.finditer(r"^  ([\w-]+): (\d+)/(\d+)$", output, re.M)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("--min", type=float, default=1.0)
    ap.add_argument("--url", default="http://localhost:5005/webhooks/rest/webhook")
    ap.add_argument("--every", default="", help="categories in which every case must pass, comma-separated")
    a = ap.parse_args()
    run = subprocess.run([sys.executable, str(EXAM), a.cases, "--url", a.url], capture_output=True, text=True)
    print(run.stdout, end="")
    print(run.stderr, end="", file=sys.stderr)
    rate = pass_rate(run.stdout)
    ok = rate >= a.min
    rates = category_rates(run.stdout)
    short = [c for c in filter(None, a.every.split(",")) if c not in rates or rates[c][0] < rates[c][1]]
    ok = ok and not short
    every = f"; every case in {a.every}" if a.every else ""
    print(f"{a.cases}: {rate:.0%} passed, the bar is {a.min:.0%}{every}: {'PASS' if ok else 'FAIL'}"
          + (f" (not every case passed in {', '.join(short)})" if short else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
