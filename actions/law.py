"""The law texts: a parser of data/sources/wkkgz.txt and wetsvoorstel-33109.txt, and `action_law_article`.

The text files have one line `Artikel N` per article; leden are bullet lines (`  • 1 text` in the Wkkgz,
` • 1. text` in the bill) and their sub-items are bullets indented further (`    • a. text`). Notes of the
publisher like "[Wijziging(en) op nader te bepalen datum(s)…]" are left out.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import BILL_33109_URL, WKKGZ_URL, load_yaml, organisation, read_source

WKKGZ_NAME = "Wkkgz"
BILL_NAME = "Wetsvoorstel 33 109 (Beginselenwet AWBZ-zorg)"


@dataclass(frozen=True)
class Article:
    number: str  # "17", "11.0a", "7b"
    title_line: str  # "Artikel 17"
    text: str  # the whole article as in the source (indentation kept), without publisher's notes
    paragraphs: Dict[str, str] = field(default_factory=dict)  # lid number -> text with its sub-items

    def lid_list(self) -> str:
        """"lid 1, lid 2 en lid 3" — the leden this article has, in words."""
        return _join_nl([f"lid {n}" for n in self.paragraphs])


# ---------------------------------------------------------------------------------------------------------------
# Parsing the texts

_HEADER = re.compile(r"^Artikel\s+(\d+(?:\.\d+)?[a-z]*)\s*$")
_STOP = re.compile(r"^(Hoofdstuk\s+\d|§\s*\d|Lasten en bevelen)")
_NOTE = re.compile(r"^\s*\[Wijziging(?:\(en\))?\b[^\]]*\]\s*$")
_BULLET = re.compile(r"^(\s*)•\s*(.*)$")
_LID = re.compile(r"^(\d+)\.?\s+(\S.*)$")


def _clean_line(line: str) -> str:
    # The source has a few Cyrillic "ё" where "ë" is meant ("cliёnt").
    return line.replace("ё", "ë").replace("\u00a0", " ").rstrip()


def parse_law(text: str) -> Dict[str, Article]:
    """All articles of a law text, by number, in the order of the text."""
    articles: Dict[str, Article] = {}
    current: Optional[str] = None
    lines: List[str] = []

    def close() -> None:
        if current is not None and current not in articles:
            articles[current] = _make_article(current, lines)

    for raw in text.splitlines():
        line = _clean_line(raw)
        header = _HEADER.match(line)
        if header:
            close()
            current, lines = header.group(1), []
            continue
        if current is None:
            continue
        if _STOP.match(line):
            close()
            current, lines = None, []
            continue
        if not line.strip() or _NOTE.match(line):
            continue
        lines.append(line)
    close()
    return articles


def _make_article(number: str, lines: List[str]) -> Article:
    bullets = [(len(m.group(1)), m.group(2)) for m in map(_BULLET.match, lines) if m]
    top = min((indent for indent, _ in bullets), default=None)
    paragraphs: Dict[str, str] = {}
    current: Optional[str] = None
    for line in lines:
        m = _BULLET.match(line)
        if m and len(m.group(1)) == top:
            lid = _LID.match(m.group(2))
            current = lid.group(1) if lid else None
            if current is not None:
                paragraphs[current] = lid.group(2).strip()
            continue
        if current is not None:
            paragraphs[current] += "\n" + (m.group(2) if m else line).strip()
    return Article(number=number, title_line=f"Artikel {number}", text="\n".join(lines), paragraphs=paragraphs)


@lru_cache(maxsize=None)
def wkkgz() -> Dict[str, Article]:
    """The Wkkgz (text valid from 5 October 2023), parsed."""
    return parse_law(read_source("wkkgz.txt"))


@lru_cache(maxsize=None)
def bill_33109() -> Dict[str, Article]:
    """Bill 33 109 (Beginselenwet AWBZ-zorg), parsed. A proposal, not law in force."""
    return parse_law(read_source("wetsvoorstel-33109.txt"))


def definitions(article: Article) -> Dict[str, str]:
    """The terms article 1 defines (the items "term: meaning" of its first lid), term -> whole item."""
    out: Dict[str, str] = {}
    lines = article.text.splitlines()
    levels = sorted({len(m.group(1)) for m in map(_BULLET.match, lines) if m})
    if len(levels) < 2:
        return out
    term_level = levels[1]
    term: Optional[str] = None
    in_first_lid = False
    for line in lines:
        m = _BULLET.match(line)
        if not m:
            continue
        indent, body = len(m.group(1)), m.group(2).strip()
        if indent == levels[0]:
            lid = _LID.match(body)
            in_first_lid = bool(lid and lid.group(1) == "1")
            term = None
            continue
        if not in_first_lid:
            continue
        if indent == term_level:
            name, sep, _ = body.partition(":")
            term = name.strip() if sep else None
            if term:
                out[term] = body
        elif term and indent > term_level:
            out[term] += "\n" + body
    return out


# ---------------------------------------------------------------------------------------------------------------
# Understanding a question about an article

_ART_WORD = r"(?:artikelen|artikels|artikel|artiekel|artikl|artkel|atrikel|arikel|artiekl|art\.?|artt\.?)"
_NUMBER = r"(\d{1,3}(?:\.\d{1,2}[a-z]{0,2})?[a-z]{0,2})"
_REFERENCE = re.compile(rf"\b{_ART_WORD}\s*{_NUMBER}\b", re.I)
# Misspelt "artikel" ("artikle", "artiekel", "artikkel", "atrikel") before a number.
_REFERENCE_TYPO = re.compile(rf"\b([a-z]{{5,10}})\.?\s*{_NUMBER}\b", re.I)
_WKKGZ_NUMBER = re.compile(rf"\bwkkgz\s*{_NUMBER}\b|\b{_NUMBER}\s+(?:van\s+de\s+)?wkkgz\b", re.I)
_ONLY_NUMBER = re.compile(rf"^\s*{_NUMBER}\s*[?.!]*\s*$", re.I)
_BILL = re.compile(r"\b33[\s.]?109\b|wetsvoorstel|beginselenwet|awbz", re.I)
_ORDINALS = {
    "eerste": "1", "tweede": "2", "derde": "3", "vierde": "4", "vijfde": "5", "zesde": "6", "zevende": "7",
    "achtste": "8", "negende": "9", "tiende": "10", "elfde": "11", "twaalfde": "12",
}
_CARDINALS = {
    "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7",
    "acht": "8", "negen": "9", "tien": "10", "elf": "11", "twaalf": "12",
}
_LID_PATTERNS = [
    re.compile(r"\b(?:lid|leden)\s*(\d{1,2})\b", re.I),
    re.compile(r"\b(\d{1,2})\s*(?:e|de|ste)\s+lid\b", re.I),
    re.compile(r"\b(" + "|".join(_ORDINALS) + r")\s+lid\b", re.I),
    re.compile(r"\blid\s+(" + "|".join(_CARDINALS) + r")\b", re.I),
]


def mentions_bill(text: str) -> bool:
    """Whether the message is about bill 33 109 rather than the Wkkgz."""
    return bool(_BILL.search(text or ""))


def _find_article(text: str) -> Optional[Tuple[str, int]]:
    """(article number, end of the reference) for "artikel 17", "art. 7b", "wkkgz 15", "17 wkkgz", or a misspelt
    "artikel" ("artikle 17", "atrikel 17")."""
    m = _REFERENCE.search(text)
    if m:
        return m.group(1).lower(), m.end()
    for m in _REFERENCE_TYPO.finditer(text):
        word = m.group(1).lower()
        if word != "arts" and difflib.SequenceMatcher(None, word, "artikel").ratio() >= 0.7:
            return m.group(2).lower(), m.end()
    m = _WKKGZ_NUMBER.search(text)
    if m:
        return (m.group(1) or m.group(2)).lower(), m.end()
    return None


def parse_reference(text: str) -> Optional[Tuple[str, Optional[str]]]:
    """(article, lid) that a message asks for, lid None when it names none; None when it names no article.

    Understands "artikel 17 Wkkgz", "wat zegt art 11.0a lid 2", "art. 7b", "artikel 17, tweede lid",
    "17 lid 2", "art 17.2" (lid 2), "artikel 17(2)" and a bare "11.0a".
    """
    if not text:
        return None
    clean = re.sub(r"\b33[\s.]?109\b", " ", text)
    lid = None
    found = _find_article(clean)
    if found:
        article, end = found
        rest = clean[end:]
    else:
        only = _ONLY_NUMBER.match(clean) or re.match(rf"^\s*{_NUMBER}\s+lid\b", clean, re.I)
        if not only:
            return None
        article = only.group(1).lower()
        rest = clean[only.end():]
    # "17.2" and "17(2)": an article with its lid, unless the dotted number is itself an article ("11.0a")
    dotted = re.fullmatch(r"(\d{1,3})\.(\d{1,2})", article)
    if dotted and article not in wkkgz():
        article, lid = dotted.group(1), dotted.group(2)
    paren = re.match(r"\s*\((\d{1,2})\)", rest)
    if paren and lid is None:
        lid = paren.group(1)
    if lid is None:
        for pattern in _LID_PATTERNS:
            match = pattern.search(clean)
            if match:
                value = match.group(1).lower()
                lid = _ORDINALS.get(value) or _CARDINALS.get(value) or value
                break
    return article, lid


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text)


def find_term(text: str, terms: List[str]) -> Optional[str]:
    """The term of article 1 a message asks about ("artikel 1 calamiteit"), also with small typos."""
    folded = " " + re.sub(r"[^a-z0-9 -]", " ", _fold(text)) + " "
    for term in sorted(terms, key=len, reverse=True):
        if re.search(r"(?<![a-z])" + re.escape(_fold(term)) + r"(?![a-z])", folded):
            return term
    by_fold = {_fold(t): t for t in terms}
    skip = {"artikel", "wkkgz", "betekent", "betekenis", "definitie", "staat", "zegt", "wat", "over", "lid"}
    for word in folded.split():
        if len(word) < 5 or word in skip:
            continue
        close = difflib.get_close_matches(word, list(by_fold), n=2, cutoff=0.84)
        if len(close) == 1 or (len(close) == 2 and difflib.SequenceMatcher(None, word, close[0]).ratio()
                               > difflib.SequenceMatcher(None, word, close[1]).ratio() + 0.05):
            return by_fold[close[0]]
    return None


# ---------------------------------------------------------------------------------------------------------------
# The answer

ASK_WHICH_ARTICLE = (
    "Welk artikel van de Wkkgz wil je zien? Noem het nummer. "
    "Bijvoorbeeld: artikel 17, of artikel 11.0a lid 2."
)
GAG_CLAUSE_NOTE = (
    "Let op: zoek je het artikel over zwijgcontracten? Dat is artikel 11.0a. "
    "Vraag dan: artikel 11.0a.\n\nBron: Wkkgz, artikel 11.0a · " + WKKGZ_URL
)


def explanations() -> Dict[str, Dict[str, Any]]:
    """Plain-Dutch explanations per Wkkgz article (data/knowledge/wkkgz_uitleg.yml)."""
    return {str(k): v for k, v in (load_yaml("wkkgz_uitleg").get("articles") or {}).items()}


def render(text: str) -> str:
    """Article or lid text for a chat message: leden as "Lid 1:", sub-items indented, bullets left out."""
    lines = text.splitlines()
    levels = sorted({len(m.group(1)) for m in map(_BULLET.match, lines) if m})
    out = []
    for line in lines:
        m = _BULLET.match(line)
        if not m:
            out.append(line.strip())
            continue
        depth = levels.index(len(m.group(1)))
        body = m.group(2).strip()
        lid = _LID.match(body) if depth == 0 else None
        if lid:
            out.append(f"Lid {lid.group(1)}: {lid.group(2)}")
        else:
            out.append("   " * depth + body)
    return "\n".join(out)


def _render_lid(article: Article, lid: str) -> str:
    lines = article.paragraphs[lid].splitlines()
    return "\n".join([f"Lid {lid}: {lines[0]}"] + ["   " + l for l in lines[1:]])


def _cite(law_name: str, url: str, article: Optional[str] = None, lid: Optional[str] = None) -> str:
    where = law_name
    if article:
        where += f", artikel {article}" + (f" lid {lid}" if lid else "")
    return f"Bron: {where} · {url}"


def _join_nl(items: List[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _numeric(number: str) -> int:
    return int(re.match(r"\d+", number).group(0))


def _missing_article(law: Dict[str, Article], number: str, law_word: str, url: str, name: str) -> str:
    highest = max(_numeric(n) for n in law)
    if _numeric(number) > highest:
        body = f"{law_word} heeft geen artikel {number}. De tekst loopt tot en met artikel {highest}."
    else:
        body = (f"{law_word} heeft geen artikel {number} in de huidige tekst. "
                "Misschien is het vervallen. Dat betekent: het is geschrapt.")
        family = [n for n in law if _numeric(n) == _numeric(number) and n != number]
        if family and len(family) <= 14:
            body += f" Wel bestaan: artikel {_join_nl(family)}."
    body += " Je vindt de hele tekst via de link hieronder."
    return f"{body}\n\n{_cite(name, url)}"


def lookup_answer(text: str) -> List[str]:
    """The messages that answer a question about a law article: the text, its link and a plain explanation."""
    reference = parse_reference(text)
    if reference is None:
        return [ASK_WHICH_ARTICLE]
    number, lid = reference
    if mentions_bill(text):
        return _bill_answer(number, lid)
    return _wkkgz_answer(number, lid, text)


def _bill_answer(number: str, lid: Optional[str]) -> List[str]:
    law = bill_33109()
    warning = "Let op: dit is een wetsvoorstel (33 109). Het is een voorstel, geen wet die nu geldt."
    if number not in law:
        return [_missing_article(law, number, "Het wetsvoorstel 33 109", BILL_33109_URL, BILL_NAME), warning]
    article = law[number]
    proposal = f"{warning} Voor deze tekst heb ik geen uitleg in gewone woorden."
    return _quoted(article, lid, "Dit staat in het wetsvoorstel:", article.title_line, BILL_NAME, BILL_33109_URL) + [
        proposal]


def _quoted(article: Article, lid: Optional[str], lead: str, heading: str, name: str, url: str) -> List[str]:
    """The article (or its lid) as law text with its citation; a lid it lacks gets a note and the whole article."""
    messages = []
    if lid and lid not in article.paragraphs:
        messages.append(_missing_lid(article, lid))
        lid = None
    quoted = _render_lid(article, lid) if lid else render(article.text)
    messages.append(f"{lead}\n\n{heading}\n{quoted}\n\n{_cite(name, url, article.number, lid)}")
    return messages


def _missing_lid(article: Article, lid: str) -> str:
    if not article.paragraphs:
        return f"{article.title_line} heeft geen genummerde leden. Daarom laat ik het hele artikel zien."
    return (f"{article.title_line} heeft geen lid {lid}. Het heeft {article.lid_list()}. "
            "Ik laat het hele artikel zien.")


def _wkkgz_answer(number: str, lid: Optional[str], text: str) -> List[str]:
    law = wkkgz()
    if number not in law:
        return [_missing_article(law, number, "De Wkkgz", WKKGZ_URL, WKKGZ_NAME)]
    article = law[number]
    if number == "1" and lid in (None, "1"):
        return _definitions_answer(article, text)
    messages = _quoted(article, lid, "Dit staat in de wet:", f"{article.title_line} Wkkgz", WKKGZ_NAME, WKKGZ_URL)
    messages.append(_explanation(number))
    if number == "11a":
        messages.append(GAG_CLAUSE_NOTE)
    return messages


def _explanation(number: str) -> str:
    item = explanations().get(number)
    if item and item.get("uitleg"):
        return f"In gewone woorden:\n{item['uitleg'].strip()}\n\n{_cite(WKKGZ_NAME, WKKGZ_URL, number)}"
    lmz = organisation("lmz")
    return (f"Voor artikel {number} heb ik geen uitleg in gewone woorden. "
            "Lees het hele artikel via de link hieronder. "
            f"Wil je weten wat het voor jou betekent? Bel het {lmz.name} ({lmz.short}): {lmz.phone}."
            f"\n\n{_cite(WKKGZ_NAME, WKKGZ_URL, number)}; {lmz.source.cite()}")


def _definitions_answer(article: Article, text: str) -> List[str]:
    terms = definitions(article)
    term = find_term(text, list(terms))
    if term:
        messages = [f"Dit staat in de wet:\n\nArtikel 1 lid 1 Wkkgz, over \"{term}\"\n"
                    f"{render_definition(terms[term])}\n\n{_cite(WKKGZ_NAME, WKKGZ_URL, '1', '1')}"]
        plain = (explanations().get("1", {}).get("termen") or {}).get(term)
        if plain:
            messages.append(f"In gewone woorden:\n{plain.strip()}\n\n{_cite(WKKGZ_NAME, WKKGZ_URL, '1', '1')}")
        return messages
    intro = (explanations().get("1", {}).get("uitleg") or "").strip()
    listing = "\n".join(f"- {t}" for t in terms)
    return [
        f"{intro}\n\n{_cite(WKKGZ_NAME, WKKGZ_URL, '1')}",
        f"Dit staat in de wet: artikel 1 lid 1 legt deze woorden uit.\n{listing}\n\n"
        f"{_cite(WKKGZ_NAME, WKKGZ_URL, '1', '1')}",
        "Welk woord wil je weten? Vraag het zo: artikel 1 calamiteit. Of: artikel 1 klager.",
    ]


def render_definition(item: str) -> str:
    lines = item.splitlines()
    return "\n".join(lines[:1] + ["   " + l for l in lines[1:]])


# ---------------------------------------------------------------------------------------------------------------
# Action

class ActionLawArticle(Action):
    """Answers "wat zegt artikel 17 Wkkgz?": the law text, its link and a plain explanation."""

    def name(self) -> Text:
        return "action_law_article"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = (tracker.latest_message or {}).get("text") or ""
        for message in lookup_answer(text):
            dispatcher.utter_message(text=message)
        return []
