import json

from quality.nlu_report import check


def report(weighted, per_intent):
    r = {name: {"f1-score": f1, "support": 5} for name, f1 in per_intent.items()}
    r["weighted avg"] = {"f1-score": weighted, "support": 5 * len(per_intent)}
    return r


def test_passes_above_the_bar(tmp_path):
    (tmp_path / "intent_report.json").write_text(json.dumps(report(0.93, {"greet": 1.0, "faq": 0.9})))
    assert check(tmp_path) == []


def test_fails_on_a_weak_intent_or_a_low_average(tmp_path):
    (tmp_path / "intent_report.json").write_text(json.dumps(report(0.80, {"greet": 1.0, "faq": 0.5})))
    failures = check(tmp_path)
    assert any("weighted" in f for f in failures)
    assert any("faq" in f for f in failures)


def test_checks_faq_topics_too(tmp_path):
    (tmp_path / "intent_report.json").write_text(json.dumps(report(0.95, {"greet": 1.0})))
    (tmp_path / "response_selection_report.json").write_text(json.dumps(report(0.7, {"faq/a": 0.7})))
    assert any("topic" in f for f in check(tmp_path))
