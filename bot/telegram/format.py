"""From Rasa's answer to Telegram messages: HTML, split under Telegram's limit, buttons as an inline keyboard.

The gateway sends every text in Telegram's HTML parse mode. `to_html` escapes the text with `html.escape`, so
"<", ">" and "&" in an answer can never become markup, and turns every http(s) address into a link, so the
sources on an answer's `Bron:` line stay clickable (Telegram would link most of them itself; an explicit link
does not depend on its guesswork, e.g. for an address followed by ";" or ".").

`split_text` cuts a text into parts of at most `limit` characters as Telegram counts them (UTF-16 code units,
after the HTML is parsed, so the escaping and the link tags do not count). It cuts at the last paragraph break,
line break, end of a sentence or space that fits, in that order of preference, and only in the middle of a word
when a single word is longer than the limit. Cutting at white space means a link is never cut in two.

`render` turns Rasa's cleaned messages (bot.rasa_client.clean_messages) into `Part`s: texts with, on the last
part of a message, its buttons as an inline keyboard (one button a row: the titles are short sentences), and
documents for the `download` custom message (the complaint letter).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.telegram.texts import HELP_BUTTON, HELP_KEPT

MESSAGE_LIMIT = 4096  # characters of a text message, after entities are parsed (Bot API, sendMessage)
SAFE_LIMIT = 4000     # what split_text aims at: a margin below the limit
BUTTONS_ONLY = "Maak een keuze."  # Telegram needs a text under a keyboard; Rasa may send buttons alone

URL = re.compile(r"https?://[^\s<>\"']+")
_TRAILING = ".,;:!?)]}'\""  # punctuation after an address belongs to the sentence, not to the address


def utf16_len(text: str) -> int:
    """The length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def to_html(text: str) -> str:
    """The text escaped for parse_mode HTML, with each http(s) address as a link to itself."""
    out, pos = [], 0
    for m in URL.finditer(text):
        url = m.group().rstrip(_TRAILING)
        if not url.split("://", 1)[1]:
            continue
        start, end = m.start(), m.start() + len(url)
        out.append(html.escape(text[pos:start], quote=False))
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url, quote=False)}</a>')
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


# Where a part may end, best first: a paragraph break, a line break, the end of a sentence, a space.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?…])[\"')\]]*\s+"), re.compile(r"\s+"))


def _prefix_within(text: str, limit: int) -> int:
    """The number of characters of text whose UTF-16 length is at most limit (at least 1)."""
    if utf16_len(text) <= limit:
        return len(text)
    count = units = 0
    for ch in text:
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            break
        count += 1
    return max(1, count)


def _cut(text: str, limit: int) -> tuple[str, str]:
    """(the first part, the rest) for a text longer than limit."""
    window = _prefix_within(text, limit)
    head = text[:window + 1]  # a break right after the window still fits
    fallback = None
    for pattern in _BREAKS:
        spots = [m for m in pattern.finditer(head) if 0 < m.start() <= window]
        if not spots:
            continue
        last = spots[-1]
        if last.start() >= window // 2:  # a good break: the part is not much shorter than it may be
            return text[:last.start()].rstrip(), text[last.end():]
        fallback = fallback or last
    if fallback is not None:
        return text[:fallback.start()].rstrip(), text[fallback.end():]
    return text[:window], text[window:]  # one word longer than the limit


def split_text(text: str, limit: int = SAFE_LIMIT) -> list[str]:
    """The text in parts of at most `limit` UTF-16 code units, cut at paragraph, line, sentence or word ends;
    no part is empty or only white space."""
    if limit < 1:
        raise ValueError("limit must be positive")
    parts, rest = [], text.strip()
    while rest and utf16_len(rest) > limit:
        head, rest = _cut(rest, limit)
        rest = rest.lstrip()
        if head.strip():
            parts.append(head)
    if rest.strip():
        parts.append(rest)
    return parts


@dataclass
class Part:
    """One message to send: a text (HTML) with an optional keyboard, or a document."""
    html: str = ""
    keyboard: Optional[InlineKeyboardMarkup | ReplyKeyboardMarkup] = None
    filename: str = ""
    content: bytes = b""
    reply_to: Optional[int] = None  # the person's message this answers (the apology after a failure)

    @property
    def is_document(self) -> bool:
        return bool(self.filename)


def keyboard(buttons: list[tuple[str, str]]) -> Optional[InlineKeyboardMarkup]:
    """An inline keyboard of (title, callback_data) pairs, one button a row; None without buttons."""
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(title, callback_data=data)] for title, data in buttons])


def text_parts(text: str, buttons: list[tuple[str, str]] | None = None, limit: int = SAFE_LIMIT) -> list[Part]:
    """A text as one or more parts; the keyboard goes under the last one."""
    chunks = split_text(text, limit) or ([BUTTONS_ONLY] if buttons else [])
    parts = [Part(html=to_html(chunk)) for chunk in chunks]
    if parts and buttons:
        parts[-1].keyboard = keyboard(buttons)
    return parts


def help_keyboard() -> ReplyKeyboardMarkup:
    """The help button that stays under the chat after a crisis answer (sends HELP_BUTTON as a message)."""
    return ReplyKeyboardMarkup([[KeyboardButton(HELP_BUTTON)]], resize_keyboard=True, is_persistent=True)


def render(messages: list[dict[str, Any]], encode: Callable[[str], str], limit: int = SAFE_LIMIT) -> list[Part]:
    """Rasa's cleaned messages as parts; `encode` turns a button's payload into its callback_data. A `safety_line`
    custom puts the help button under the chat: on the answer's first text without buttons, or on a short line of
    its own (a message carries one keyboard)."""
    parts: list[Part] = []
    if any((m.get("custom") or {}).get("type") == "safety_line" for m in messages):
        parts = _render(messages, encode, limit)
        free = next((p for p in parts if not p.is_document and p.keyboard is None), None)
        if free is not None:
            free.keyboard = help_keyboard()
        else:
            parts.append(Part(html=to_html(HELP_KEPT), keyboard=help_keyboard()))
        return parts
    return _render(messages, encode, limit)


def _render(messages: list[dict[str, Any]], encode: Callable[[str], str], limit: int) -> list[Part]:
    parts: list[Part] = []
    for message in messages:
        buttons = [(b["title"], encode(b["payload"])) for b in message.get("buttons", [])]
        if message.get("text") or buttons:
            parts.extend(text_parts(message.get("text", ""), buttons, limit))
        custom = message.get("custom")
        if custom and custom.get("type") == "download":
            parts.append(Part(filename=custom["filename"], content=custom["content"].encode("utf-8")))
    return parts
