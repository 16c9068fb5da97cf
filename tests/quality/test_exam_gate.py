import pytest

from quality.exam_gate import pass_rate


def test_pass_rate_reads_the_summary():
    assert pass_rate("FAIL c-1: missing\n  klacht: 9/10\n9 passed, 1 failed\n") == 0.9
    assert pass_rate("14 passed, 0 failed") == 1.0


def test_no_summary_is_an_error():
    with pytest.raises(ValueError):
        pass_rate("Traceback ...")


def test_category_rates_read_the_summary_lines():
    from quality.exam_gate import category_rates
    out = "FAIL sf-51: missing\n  crisis-first: 7/7\n  story: 3/5\n52 passed, 2 failed\n"
    assert category_rates(out) == {"crisis-first": (7, 7), "story": (3, 5)}
