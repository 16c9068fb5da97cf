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
