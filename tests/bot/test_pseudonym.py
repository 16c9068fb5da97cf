"""bot.pseudonym: a keyed, stable, unlinkable id for Rasa."""
import hashlib
import hmac
import re

import pytest

from bot.pseudonym import pseudonymise


def test_form_and_value():
    p = pseudonymise("browser-abc-123", "geheim")
    assert re.fullmatch(r"web-[0-9a-f]{64}", p)
    assert p == "web-" + hmac.new(b"geheim", b"browser-abc-123", hashlib.sha256).hexdigest()


def test_stable_for_the_same_session_and_secret():
    assert pseudonymise("s1", "k") == pseudonymise("s1", "k") == pseudonymise("s1", b"k")


def test_differs_per_session_and_per_secret():
    assert pseudonymise("s1", "k") != pseudonymise("s2", "k")
    assert pseudonymise("s1", "k") != pseudonymise("s1", "k2")


def test_does_not_contain_the_session_id():
    assert "0612345678" not in pseudonymise("0612345678", "k")


def test_unicode_session():
    assert pseudonymise("sessie-é-✓", "k").startswith("web-")


def test_empty_secret_is_refused():
    with pytest.raises(ValueError):
        pseudonymise("s1", "")


def test_telegram_prefix_same_hash_other_channel():
    tg = pseudonymise("123456789", "k", prefix="tg-")
    assert re.fullmatch(r"tg-[0-9a-f]{64}", tg)
    assert tg[3:] == pseudonymise("123456789", "k")[4:]
    assert tg != pseudonymise("123456789", "k")
