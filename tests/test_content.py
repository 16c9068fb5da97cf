"""Every answer the assistant can give is sourced, cites only articles that exist, and reads at B1."""
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from actions.law import bill_33109, wkkgz
from quality.readability import answer_body, problems

ROOT = Path(__file__).resolve().parents[1]
TOPIC_FILES = sorted((ROOT / "data" / "topics").glob("*.yml"))
SOURCES_README = (ROOT / "data" / "sources" / "README.md").read_text(encoding="utf-8")
FACTS = (ROOT / "data" / "sources" / "facts.md").read_text(encoding="utf-8")

# The names an answer may cite, each with the link(s) that belong to it.
DOCUMENTS = {
    "Wkkgz": ["wetten.overheid.nl/BWBR0037173"],
    "Kamervragen 2021Z09590": ["zoek.officielebekendmakingen.nl/ah-tk-20202021-3368", "zoek.officielebekendmakingen.nl/kv-tk-2021Z09590"],
    "Zorginstituut Nederland": ["zorginstituutnederland.nl"],
    "Ministerie van VWS": ["rivm.nl"],
    "Wetsvoorstel 33 109": ["zoek.officielebekendmakingen.nl/kst-33109"],
}
ARTICLE = re.compile(r"\b(?:artikel|art\.?)\s+(\d+[a-z]*(?:\.0a)?)(?:\s+lid\s+(\d+))?", re.I)


def topic_data():
    for path in TOPIC_FILES:
        yield path.name, yaml.safe_load(path.read_text(encoding="utf-8"))


def all_responses():
    for name, data in topic_data():
        for key, variations in (data.get("responses") or {}).items():
            for v in variations:
                yield f"{name}:{key}", key, v
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for key, variations in domain["responses"].items():
        for v in variations:
            yield f"domain.yml:{key}", key, v


def source_lines(text):
    m = re.search(r"\n\s*Bron(?:nen)?:(.*)$", text, re.S)
    return m.group(1).strip() if m else None


def allowed_links():
    """Links the source documents and facts.md give."""
    links = [link for links in DOCUMENTS.values() for link in links]
    links += re.findall(r"(?:https?://)?((?:www\.)?[a-z0-9.-]+\.(?:nl|com|org|be|eu)(?:/[^\s;)]*)?)", FACTS)
    return [re.sub(r"^www\.", "", l).rstrip("/.") for l in links]


LINKS = allowed_links()

FACTUAL = [(where, key, v) for where, key, v in all_responses() if key.startswith("utter_faq/")]


def test_there_are_topics_for_every_subject():
    names = {p.name for p in TOPIC_FILES}
    assert {"zwijgcontract.yml", "bemiddeling.yml", "klachten.yml", "plichten.yml", "implantaten.yml",
            "voorbereiding.yml", "begrippen.yml"} <= names
    assert len(FACTUAL) >= 60


@pytest.mark.parametrize("where,key,variation", FACTUAL, ids=[w for w, _, _ in FACTUAL])
def test_factual_answer_names_its_source(where, key, variation):
    sources = source_lines(variation["text"])
    assert sources, f"{where} has no 'Bron:' paragraph"
    links = re.findall(r"https?://(\S+?)[;,]?(?:\s|$)", sources + " ")
    assert links, f"{where} names no link in {sources!r}"
    for link in links:
        plain = re.sub(r"^www\.", "", link).rstrip("/.")
        assert any(plain.startswith(a) or a.startswith(plain) for a in LINKS), f"{where}: unknown link {link}"


@pytest.mark.parametrize("where,key,variation", list(all_responses()), ids=[w for w, _, _ in all_responses()])
def test_answer_reads_at_b1(where, key, variation):
    assert problems(answer_body(variation.get("text", ""))) == []


@pytest.mark.parametrize("where,key,variation", list(all_responses()), ids=[w for w, _, _ in all_responses()])
def test_cited_articles_exist(where, key, variation):
    text = variation.get("text", "")
    for sentence in re.split(r"(?<=[.;:!?])\s+|\n", text):
        for article, lid in ARTICLE.findall(sentence):
            if "33 109" in sentence or "33109" in sentence:
                law, name = bill_33109(), "bill 33 109"
                assert "voorstel" in text.lower(), f"{where} cites bill 33 109 without saying it is a proposal"
            else:
                law, name = wkkgz(), "Wkkgz"
            assert article in law, f"{where} cites article {article} that {name} does not have"
            if lid:
                assert lid in law[article].paragraphs, f"{where} cites {name} art. {article} lid {lid}: no such lid"


def test_every_topic_has_title_among_its_examples_and_enough_examples():
    for name, data in topic_data():
        examples = {}
        for block in data.get("nlu") or []:
            examples[block["intent"]] = [l[2:].strip() for l in block["examples"].splitlines() if l.startswith("- ")]
        for key, variations in (data.get("responses") or {}).items():
            intent = key.replace("utter_", "", 1)
            assert intent in examples, f"{name}: {key} has no examples"
            assert len(examples[intent]) >= 10, f"{name}: {intent} has only {len(examples[intent])} examples"
            title = (variations[0].get("metadata") or {}).get("title")
            assert title and title in examples[intent], f"{name}: {key} title {title!r} is not one of its examples"
        for intent in examples:
            assert f"utter_{intent}" in (data.get("responses") or {}), f"{name}: {intent} has no answer"


def test_examples_are_unique_across_all_training_data():
    seen = Counter()
    for path in list(TOPIC_FILES) + sorted((ROOT / "data" / "nlu").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for block in data.get("nlu") or []:
            for line in (block.get("examples") or "").splitlines():
                if line.startswith("- "):
                    seen[line[2:].strip().lower()] += 1
    assert [e for e, n in seen.items() if n > 1] == []


SAFETY = yaml.safe_load((ROOT / "data" / "knowledge" / "safety.yml").read_text(encoding="utf-8"))


def _safety_texts():
    for kind, entry in SAFETY["kinds"].items():
        yield f"kinds.{kind}", entry
    for family, followups in SAFETY["followups"].items():
        for name, entry in followups.items():
            yield f"followups.{family}.{name}", entry
    yield "route_care_first", SAFETY["route_care_first"]
    yield "gateway", SAFETY["gateway"]


SAFETY_TEXTS = list(_safety_texts())


@pytest.mark.parametrize("where,entry", SAFETY_TEXTS, ids=[w for w, _ in SAFETY_TEXTS])
def test_safety_texts_read_at_b1_and_name_known_sources(where, entry):
    for language in ("nl", "abroad"):
        if language in entry:
            assert problems(entry[language]) == [], where
    assert entry["sources"], f"{where} names no source"
    for key in entry["sources"]:
        url = re.sub(r"^https?://(www\.)?", "", SAFETY["sources"][key]["url"]).rstrip("/.")
        assert any(url.startswith(a) or a.startswith(url) for a in LINKS), f"{where}: {url} is not in facts.md"


def test_every_safety_text_has_dutch_and_english_and_gives_the_right_numbers():
    for where, entry in SAFETY_TEXTS:
        if where.startswith(("kinds.", "followups.")):
            assert entry.get("nl") and entry.get("en"), where
    kinds = SAFETY["kinds"]
    for kind in ("suicidal", "self_harm"):
        assert all(n in kinds[kind]["nl"] for n in ("113.nl", "0800-0113", "112")), kind
    assert "0900-8844" in kinds["threat"]["nl"] and "112" in kinds["threat"]["nl"]
    assert "huisartsenpost" in kinds["emergency"]["nl"] and "112" in kinds["emergency"]["nl"]
    # never the complaints line's office hours as an answer to distress
    assert not any("088" in (entry.get("nl") or "") for _, entry in SAFETY_TEXTS)
