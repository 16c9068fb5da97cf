"""Readability of Dutch answers, measured the way Dutch plain-language guidance does.

B1 ("taalniveau B1", the level the Rijksoverheid writes for) is checked with three figures:
- the Flesch-Douma reading ease, the Dutch adaptation of Flesch (Douma 1960):
  206.835 - 0.93 * (words per sentence) - 77 * (syllables per word); 60-70 reads as "fairly easy";
- the longest sentence (B1 guidance: keep sentences under about 15-20 words);
- the average sentence length.
Syllables are counted as groups of vowels, with Dutch diphthongs ("ij", "ui", "oe", "eu"…) as one vowel and a
diaeresis ("cliënt", "geïnformeerd") starting a new syllable.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_URL = re.compile(r"https?://\S+|\b\w+(\.\w+)+/\S*")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    longest_sentence: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / max(self.sentences, 1)

    @property
    def flesch_douma(self) -> float:
        if not self.words:
            return 100.0
        return 206.835 - 0.93 * self.words_per_sentence - 77 * (self.syllables / self.words)


def syllables(word: str) -> int:
    """Count the syllables of one Dutch word."""
    w = word.lower()
    # a diaeresis marks a new syllable: split there before the accents go
    w = re.sub(r"[ëïöüä]", lambda m: "-" + m.group(0), w)
    w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
    w = w.replace("ij", "y")
    count = sum(len(_VOWELS.findall(part)) for part in w.split("-"))
    return max(count, 1)


def sentences(text: str) -> list[str]:
    text = _URL.sub(" ", text)
    parts = [p.strip(" -•*\t") for p in _SENTENCE_END.split(text)]
    return [p for p in parts if _WORD.search(p)]


def measure(text: str) -> Readability:
    sents = sentences(text)
    lengths = [len(_WORD.findall(s)) for s in sents]
    words = [w for s in sents for w in _WORD.findall(s)]
    return Readability(
        words=len(words),
        sentences=len(sents),
        syllables=sum(syllables(w) for w in words),
        longest_sentence=max(lengths, default=0),
    )


# The bar every answer meets (see data/topics/README.md).
MAX_SENTENCE_WORDS = 20
MAX_AVERAGE_SENTENCE_WORDS = 14
MIN_FLESCH_DOUMA = 60


def problems(text: str) -> list[str]:
    """What keeps a text from B1, empty when it reads at B1."""
    r = measure(text)
    out = []
    if r.longest_sentence > MAX_SENTENCE_WORDS:
        out.append(f"longest sentence has {r.longest_sentence} words (max {MAX_SENTENCE_WORDS})")
    if r.words_per_sentence > MAX_AVERAGE_SENTENCE_WORDS:
        out.append(f"{r.words_per_sentence:.1f} words per sentence (max {MAX_AVERAGE_SENTENCE_WORDS})")
    if r.flesch_douma < MIN_FLESCH_DOUMA:
        out.append(f"Flesch-Douma {r.flesch_douma:.0f} (min {MIN_FLESCH_DOUMA})")
    return out


def answer_body(text: str) -> str:
    """The answer without its closing source paragraph (names of laws and links are not prose)."""
    return re.split(r"\n\s*Bron(nen)?:", text)[0]
