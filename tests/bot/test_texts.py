"""What the gateway itself says (web chat, Telegram, deletion, the privacy page) reads at B1, like the answers of
the assistant (quality/readability.py: Flesch-Douma at least 60, no sentence over 20 words)."""
import html
import re
from pathlib import Path

import pytest

from bot import conversations, privacy
from bot import texts as gateway_texts
from bot.telegram import texts
from quality.readability import problems

GATEWAY_TEXTS = {
    **{f"texts.{n}": v for n, v in vars(gateway_texts).items() if n.isupper()},
    "conversations.DELETED": conversations.DELETED,
    "conversations.DELETE_FAILED": conversations.DELETE_FAILED,
    "privacy.PRIVACY_REPLY": privacy.PRIVACY_REPLY,
    **{f"telegram.{n}": v for n, v in vars(texts).items()
       if n.isupper() and isinstance(v, str) and re.search(r"[.?!]", v)},  # sentences, not button labels
}


@pytest.mark.parametrize("name", sorted(GATEWAY_TEXTS))
def test_gateway_text_reads_at_b1(name):
    text = re.sub(r"^- ", "", GATEWAY_TEXTS[name], flags=re.M)
    assert problems(text) == []


def test_privacy_page_reads_at_b1():
    page = (Path(__file__).resolve().parents[2] / "bot" / "static" / "privacy.html").read_text(encoding="utf-8")
    main = page[page.index("<main"):page.index("</main>")]
    paragraphs = [html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", p))).strip()
                  for p in re.findall(r"<(?:p|li)[^>]*>(.*?)</(?:p|li)>", main, flags=re.S)]
    assert len(paragraphs) > 8
    assert problems(" ".join(paragraphs)) == []


def test_the_widget_says_what_the_gateway_says_when_the_assistant_cannot_answer():
    # one set of safety texts: the widget's own failure text (no gateway reached) is the gateway's RASA_DOWN
    widget = (Path(__file__).resolve().parents[2] / "bot" / "static" / "widget.js").read_text(encoding="utf-8")
    m = re.search(r"failed: ((?:\"[^\"]*\"\s*\+?\s*)+),", widget)
    assert m, "widget.js has no failed text"
    failed = "".join(re.findall(r"\"([^\"]*)\"", m.group(1))).replace("\\'", "'")
    assert failed == gateway_texts.RASA_DOWN
    for needed in ("112", "113", "0800-0113", "huisartsenpost"):
        assert needed in failed
