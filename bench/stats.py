"""Pure helpers: percentiles, ratios and the Markdown table. No I/O here."""
from __future__ import annotations

import math
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

DASH = "–"

# (label, key in a bot's result dict, decimals). The main table: what the benchmark is for.
MAIN_ROWS: List[Tuple[str, str, int]] = [
    ("training (s)", "train_s", 1),
    ("start-up (s)", "startup_s", 1),
    ("RSS after start-up (MB)", "rss_startup_mb", 0),
    ("RSS after latency run (MB)", "rss_latency_mb", 0),
    ("latency p50 (ms)", "p50_ms", 0),
    ("latency p95 (ms)", "p95_ms", 0),
    ("throughput, {users} users (msg/s)", "throughput_msg_s", 2),
    ("errors (latency + throughput runs)", "errors", 0),
]

# Second table: figures that explain the main ones.
DETAIL_ROWS: List[Tuple[str, str, int]] = [
    ("model file (MB)", "model_mb", 1),
    ("first reply after start-up (ms)", "first_reply_ms", 0),
    ("latency mean (ms)", "mean_ms", 0),
    ("latency max (ms)", "max_ms", 0),
    ("under load: p50 (ms)", "load_p50_ms", 0),
    ("under load: p95 (ms)", "load_p95_ms", 0),
    ("RSS after throughput run (MB)", "rss_throughput_mb", 0),
    ("empty replies (latency + throughput)", "empty_replies", 0),
    ("action server start-up (s)", "actions_startup_s", 1),
    ("action server RSS after latency run (MB)", "actions_rss_latency_mb", 0),
    ("CPU used by other processes while training (%)", "others_cpu_train_pct", 0),
    ("CPU used by other processes while measuring (%)", "others_cpu_measure_pct", 0),
]

# Rows where this/reference means nothing.
NO_RATIO = {"others_cpu_train_pct", "others_cpu_measure_pct"}


def percentile(values: Iterable[float], q: float) -> Optional[float]:
    """The q-th percentile (0..100) with linear interpolation between closest ranks.

    Same definition as numpy.percentile's default ("linear"). None for no values.
    """
    data = sorted(float(v) for v in values)
    if not data:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    if len(data) == 1:
        return data[0]
    pos = (len(data) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    frac = pos - lo
    return data[lo] + (data[hi] - data[lo]) * frac


def summarize_ms(latencies_s: Sequence[float]) -> Dict[str, Optional[float]]:
    """p50/p95/p99/mean/max in milliseconds of latencies given in seconds."""
    ms = [v * 1000.0 for v in latencies_s]
    return {
        "n": len(ms),
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "p99_ms": percentile(ms, 99),
        "mean_ms": (sum(ms) / len(ms)) if ms else None,
        "max_ms": max(ms) if ms else None,
    }


def ratio(this: Optional[float], reference: Optional[float]) -> Optional[float]:
    """this / reference; None when either is missing or the reference is 0."""
    if this is None or reference is None:
        return None
    try:
        if reference == 0:
            return None
        return float(this) / float(reference)
    except (TypeError, ValueError):
        return None


def fmt_number(value, decimals: int) -> str:
    """A figure for the table: fixed decimals, thousands unseparated, a dash when missing."""
    if value is None:
        return DASH
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return DASH
    if decimals <= 0:
        return str(int(round(float(value))))
    return f"{float(value):.{decimals}f}"


def fmt_ratio(value: Optional[float]) -> str:
    if value is None:
        return DASH
    return f"{value:.2f}"


def build_rows(
    this: Dict, reference: Dict, spec: Sequence[Tuple[str, str, int]], **label_vars
) -> List[List[str]]:
    """One row per measure: label, this, reference, ratio (this/reference), all as text."""
    rows = []
    for label, key, decimals in spec:
        a, b = this.get(key), reference.get(key)
        r = None if key in NO_RATIO else ratio(a, b)
        rows.append([label.format(**label_vars), fmt_number(a, decimals), fmt_number(b, decimals), fmt_ratio(r)])
    return rows


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; the first column left-aligned, the others right-aligned."""
    cells = [list(map(str, header))] + [list(map(str, r)) for r in rows]
    ncol = len(header)
    for r in cells:
        if len(r) != ncol:
            raise ValueError(f"row {r!r} has {len(r)} cells, the header has {ncol}")
    widths = [max(len(r[i]) for r in cells) for i in range(ncol)]
    widths = [max(w, 3) for w in widths]

    def line(r):
        parts = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, ncol)]
        return "| " + " | ".join(parts) + " |"

    sep = "| " + " | ".join([":" + "-" * (widths[0] - 1)] + ["-" * (w - 1) + ":" for w in widths[1:]]) + " |"
    return "\n".join([line(cells[0]), sep] + [line(r) for r in cells[1:]])


TABLE_HEADER = ["measure", "this assistant", "rasa init reference", "ratio (this/reference)"]
