"""The law parser, references in many phrasings, and the answers of action_law_article."""
import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import BILL_33109_URL, WKKGZ_URL, read_source
from actions.law import (ASK_WHICH_ARTICLE, ActionLawArticle, Article, bill_33109, definitions, explanations,
                         find_term, lookup_answer, mentions_bill, parse_law, parse_reference, wkkgz)
from quality.readability import answer_body, problems

RAW = read_source("wkkgz.txt")
HEADERS = re.findall(r"^Artikel (\S+)\s*$", RAW, re.M)
ARTICLE = re.compile(r"\b(?:artikel|art\.?)\s+(\d+[a-z]*(?:\.0a)?)(?:\s+lid\s+(\d+))?", re.I)
REQUIRED_EXPLANATIONS = ["1", "2", "3", "7", "7a", "7b", "9", "10", "11", "11.0a", "12", "13", "14", "15", "16",
                         "17", "18", "19", "20", "21", "22", "23", "24", "25", "27"]


def is_quote(message: str) -> bool:
    return message.startswith("Dit staat in de wet") or message.startswith("Dit staat in het wetsvoorstel")


# --- parsing -------------------------------------------------------------------------------------------------

def test_every_article_of_the_text_is_parsed_in_order():
    assert list(wkkgz()) == HEADERS
    for number in ["1", "2", "2a", "2b", "3a", "7a", "7b", "11", "11.0a", "11a", "11b", "11c", "11d", "11e", "11f",
                   "11fa", "11g", "11h", "11i", "11j", "11k", "13", "14", "15", "16", "17", "18", "19", "20", "21",
                   "22", "23", "30a", "30b", "47", "53", "54"]:
        assert number in wkkgz(), number
    for gone in ["32", "38", "39", "43", "46", "50", "51", "52", "99", "11l", "0"]:
        assert gone not in wkkgz(), gone


def test_articles_are_dataclasses_with_title_lines():
    art = wkkgz()["11.0a"]
    assert isinstance(art, Article)
    assert art.number == "11.0a" and art.title_line == "Artikel 11.0a"


@pytest.mark.parametrize("number,lid,phrase", [
    ("17", "1", "zes weken"),
    ("17", "2", "vier weken"),
    ("15", "1", "gratis"),
    ("11.0a", "2", "nietig"),
    ("11.0a", "3", "voorafgaand aan het tijdstip van inwerkingtreding"),
    ("14", "1", "nabestaande"),
    ("13", "1", "klachten"),
    ("7b", "3", "schriftelijk"),
    ("21", "1", "b. de mededeling, bedoeld in 17, eerste lid"),
    ("2", "2", "c. waarbij de rechten van de cliënt"),
    ("22", "1", "zes maanden"),
    ("10", "3", "onverwijld"),
    ("11", "1", "a. iedere calamiteit"),
])
def test_lid_texts(number, lid, phrase):
    assert phrase in wkkgz()[number].paragraphs[lid]


def test_articles_without_numbered_leden_keep_their_text():
    art20 = wkkgz()["20"]
    assert art20.paragraphs == {}
    assert "25.000" in art20.text and "bindend advies" in art20.text
    assert wkkgz()["5"].paragraphs == {}  # only lettered items
    assert wkkgz()["54"].text == "Deze wet wordt aangehaald als: Wet kwaliteit, klachten en geschillen zorg."


def test_leden_numbers_as_in_the_text_even_with_gaps():
    assert list(wkkgz()["17"].paragraphs) == ["1", "2"]
    assert list(wkkgz()["24"].paragraphs) == ["2", "3", "4", "5", "6"]
    assert list(wkkgz()["11e"].paragraphs) == ["2"]
    assert list(wkkgz()["1"].paragraphs) == ["1", "3", "4", "5", "6", "7", "9", "10"]
    assert list(wkkgz()["11a"].paragraphs) == ["1"]


def test_publisher_notes_chapters_and_signatures_are_left_out():
    for art in wkkgz().values():
        assert "[Wijziging" not in art.text
        assert "Hoofdstuk" not in art.text.split("\n")[0]
        assert not re.search(r"^(Hoofdstuk \d|§ \d)", art.text, re.M), art.number
    assert "Lasten en bevelen" not in wkkgz()["54"].text
    assert "Schippers" not in wkkgz()["54"].text
    assert "§ 2. Geschillen" not in wkkgz()["17"].text
    assert "ё" not in "".join(a.text for a in wkkgz().values())  # Cyrillic letter of the source made "ë"


def test_the_bill_is_parsed_with_its_own_lid_style():
    bill = bill_33109()
    assert list(bill) == [str(n) for n in range(1, 23)]
    assert list(bill["2"].paragraphs) == ["1", "2", "3", "4", "5", "6"]
    assert "respectvolle bejegening" in bill["2"].paragraphs["2"]
    assert bill["15"].paragraphs == {}  # lettered items, a nested "1." is not a lid
    assert "Artikel 6, tweede lid, geldt niet" in bill["20"].text  # a sentence, not a header
    assert "Lasten en bevelen" not in bill["22"].text


def test_parse_law_on_a_small_text():
    text = ("Hoofdstuk 1\n\nArtikel 1\n\n[Wijziging(en) op nader te bepalen datum(s)]\n\n  • 1 Eerste lid.\n\n"
            "    • a. onderdeel a;\n\n  • 2 Tweede lid.\n\nArtikel 2a\n\nZonder leden.\n\n§ 2. Iets\n\nArtikel 3\n\n"
            "  • a. alleen letters\n\nLasten en bevelen dat...\n")
    law = parse_law(text)
    assert list(law) == ["1", "2a", "3"]
    assert law["1"].paragraphs == {"1": "Eerste lid.\na. onderdeel a;", "2": "Tweede lid."}
    assert law["2a"].text == "Zonder leden." and law["2a"].paragraphs == {}
    assert law["3"].paragraphs == {}
    assert "Lasten" not in law["3"].text


def test_definitions_of_article_1():
    terms = definitions(wkkgz()["1"])
    assert len(terms) > 40
    for term in ["calamiteit", "incident", "klager", "cliënt", "nabestaande", "zorgaanbieder", "implantaat",
                 "zorg", "Zvw-zorg"]:
        assert term in terms
    assert "ernstig schadelijk gevolg" in terms["calamiteit"]
    assert "e. bloedverwanten" in terms["nabestaande"]  # sub-items belong to their term
    assert "Bij of krachtens" not in terms["Zvw-zorg"]  # lid 3 is not part of the last term


@pytest.mark.parametrize("text,term", [
    ("artikel 1 calamiteit", "calamiteit"), ("wat zegt artikel 1 over calamiteit", "calamiteit"),
    ("artikel 1 calamitijt", "calamiteit"), ("wat betekent nabestaande in artikel 1", "nabestaande"),
    ("artikel 1 client", "cliënt"), ("art 1 acute zorg", "acute zorg"), ("artikel 1 zorgaanbieder", "zorgaanbieder"),
    ("artikel 1", None),
])
def test_find_term(text, term):
    assert find_term(text, list(definitions(wkkgz()["1"]))) == term


# --- references --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("artikel 17 Wkkgz", ("17", None)),
    ("wat zegt art 11.0a lid 2", ("11.0a", "2")),
    ("toon artikel 20", ("20", None)),
    ("art. 7b", ("7b", None)),
    ("artikel 17, tweede lid", ("17", "2")),
    ("art 11a", ("11a", None)),
    ("artikel 99", ("99", None)),
    ("Artikel 17 lid 2", ("17", "2")),
    ("wat staat in art 18 lid 5", ("18", "5")),
    ("lid 2 van artikel 17", ("17", "2")),
    ("het tweede lid van artikel 17", ("17", "2")),
    ("artikel 17 2e lid", ("17", "2")),
    ("artikel 17 lid twee", ("17", "2")),
    ("art 17.2", ("17", "2")),
    ("artikel 17(2)", ("17", "2")),
    ("artikel11.0a", ("11.0a", None)),
    ("ARTIKEL 11FA", ("11fa", None)),
    ("wkkgz 15", ("15", None)),
    ("11.0a", ("11.0a", None)),
    ("17", ("17", None)),
    ("wkkgz artikel 2", ("2", None)),
    ("artiekel 13", ("13", None)),
    ("wat staat er in artikle 17 wkkgz", ("17", None)),
    ("atrikel 15", ("15", None)),
    ("artikkel 20 lid 1", ("20", "1")),
    ("article 14", ("14", None)),
    ("wat zegt 17 van de wkkgz", ("17", None)),
    ("de arts 2 keer gebeld", None),
    ("artikel 2 wetsvoorstel 33109", ("2", None)),
    ("artikel 4 van wetsvoorstel 33 109, derde lid", ("4", "3")),
    ("wat staat er in de wet", None),
    ("laat de wettekst zien", None),
    ("ik heb 6 weken gewacht", None),
    ("", None),
])
def test_parse_reference(text, expected):
    assert parse_reference(text) == expected


def test_mentions_bill():
    assert mentions_bill("artikel 2 wetsvoorstel 33109")
    assert mentions_bill("art 3 van 33 109")
    assert mentions_bill("Beginselenwet AWBZ-zorg artikel 5")
    assert not mentions_bill("artikel 17 wkkgz")


# --- answers -------------------------------------------------------------------------------------------------------

def check_messages(messages):
    """Every message we write reads at B1; every cited article and lid exists."""
    assert messages
    for message in messages:
        if not is_quote(message):
            assert problems(answer_body(message)) == [], message
        for sentence in re.split(r"(?<=[.;:!?])\s+|\n", message):
            for article, lid in ARTICLE.findall(sentence):
                if "33 109" in sentence or "33109" in sentence:
                    law = bill_33109()
                    assert "voorstel" in " ".join(messages).lower()
                else:
                    law = wkkgz()
                if sentence.startswith("Bron:") or "Bron:" in sentence:
                    assert article in law, sentence
                    if lid:
                        assert lid in law[article].paragraphs, sentence


@pytest.mark.parametrize("question", [
    "wat zegt artikel 17 wkkgz", "wat zegt art 11.0a lid 2", "toon artikel 20", "art. 7b", "artikel 17, tweede lid",
    "art 11a", "artikel 99", "artikel 32", "artikel 17 lid 5", "artikel 1", "artikel 1 calamiteit",
    "wat staat er in de wet", "artikel 2 wetsvoorstel 33109", "artikel 30 wetsvoorstel 33109", "artikel 8",
    "artikel 33", "artikel 47", "artikel 24 lid 1", "artikel 1 lid 3", "artikel 11l",
] + [f"artikel {n}" for n in REQUIRED_EXPLANATIONS])
def test_every_answer_reads_at_b1_and_cites_what_exists(question):
    check_messages(lookup_answer(question))


def test_article_answer_quotes_the_text_links_and_explains():
    messages = lookup_answer("wat zegt artikel 17 wkkgz")
    quote, explanation = messages
    assert quote.startswith("Dit staat in de wet:")
    assert wkkgz()["17"].paragraphs["1"] in quote and wkkgz()["17"].paragraphs["2"] in quote
    assert WKKGZ_URL in quote
    assert "Bron: Wkkgz, artikel 17 · https://wetten.overheid.nl/BWBR0037173" in quote
    assert "6 weken" in explanation and "4 weken" in explanation
    assert explanation.startswith("In gewone woorden")


def test_lid_answer_quotes_only_that_lid():
    quote = lookup_answer("wat zegt art 11.0a lid 2")[0]
    assert wkkgz()["11.0a"].paragraphs["2"] in quote
    assert wkkgz()["11.0a"].paragraphs["3"].split("\n")[0] not in quote
    assert "artikel 11.0a lid 2" in quote
    assert "nietig" in lookup_answer("wat zegt art 11.0a lid 2")[1]


def test_article_15_says_free_and_20_says_25000():
    assert "gratis" in " ".join(lookup_answer("Wat staat er in artikel 15 van de Wkkgz?")).lower()
    assert "25.000" in " ".join(lookup_answer("toon artikel 20"))


def test_11a_is_answered_and_points_to_11_0a():
    messages = lookup_answer("art 11a")
    assert "Zorginstituut houdt een openbaar register" in messages[0]
    assert any("11.0a" in m and "zwijgcontract" in m for m in messages)


def test_11_0a_does_not_get_the_note():
    assert not any("Let op: zoek je" in m for m in lookup_answer("artikel 11.0a"))


@pytest.mark.parametrize("number", ["32", "38", "39", "43", "46", "50", "51", "52"])
def test_articles_that_are_gone(number):
    messages = lookup_answer(f"artikel {number} wkkgz")
    assert len(messages) == 1
    assert f"geen artikel {number}" in messages[0] and "vervallen" in messages[0]
    assert WKKGZ_URL in messages[0]


def test_article_beyond_the_last():
    message = lookup_answer("artikel 99")[0]
    assert "geen artikel 99" in message and "54" in message and WKKGZ_URL in message


def test_missing_letter_article_lists_its_neighbours():
    message = lookup_answer("artikel 11l")[0]
    assert "11k" in message and "11.0a" in message


def test_missing_lid_says_which_exist():
    messages = lookup_answer("artikel 17 lid 5")
    assert "geen lid 5" in messages[0] and "lid 1 en lid 2" in messages[0]
    assert any(is_quote(m) for m in messages)
    messages = lookup_answer("artikel 20 lid 2")
    assert "geen genummerde leden" in messages[0]
    assert "lid 2, lid 3, lid 4, lid 5 en lid 6" in lookup_answer("artikel 24 lid 1")[0]


def test_article_1_gives_the_terms_not_the_whole_text():
    messages = lookup_answer("artikel 1")
    joined = "\n".join(messages)
    assert "- calamiteit" in joined and "- nabestaande" in joined
    assert "artikel 1 calamiteit" in joined  # how to ask
    assert "ernstig schadelijk gevolg" not in joined  # no definitions dumped
    assert len(joined) < 3000


def test_article_1_term_gives_that_definition():
    messages = lookup_answer("artikel 1 calamiteit")
    assert is_quote(messages[0])
    assert "calamiteit: een niet-beoogde of onverwachte gebeurtenis" in messages[0]
    assert "incident:" not in messages[0]
    assert "Bron: Wkkgz, artikel 1 lid 1" in messages[0]
    assert len(messages) == 2 and messages[1].startswith("In gewone woorden")


def test_article_1_other_lid_is_quoted():
    quote = lookup_answer("artikel 1 lid 5")[0]
    assert "justitiële inrichtingen" in quote


def test_no_article_asks_which():
    assert lookup_answer("wat staat er in de wet") == [ASK_WHICH_ARTICLE]


def test_article_without_explanation_says_so_with_link():
    messages = lookup_answer("artikel 8")
    assert any("geen uitleg in gewone woorden" in m and WKKGZ_URL in m for m in messages)


def test_bill_is_answered_as_a_proposal():
    messages = lookup_answer("wat zegt artikel 2 wetsvoorstel 33109")
    assert messages[0].startswith("Dit staat in het wetsvoorstel")
    assert bill_33109()["2"].paragraphs["1"].split("\n")[0] in messages[0]
    assert BILL_33109_URL in messages[0]
    assert "Wetsvoorstel 33 109 (Beginselenwet AWBZ-zorg), artikel 2" in messages[0]
    assert any("voorstel, geen wet die nu geldt" in m for m in messages)
    assert WKKGZ_URL not in " ".join(messages)
    lid = lookup_answer("artikel 8 lid 1 wetsvoorstel 33 109")[0]
    assert "onverwijld melding van geweld" in lid
    missing = lookup_answer("artikel 40 wetsvoorstel 33109")
    assert "geen artikel 40" in missing[0] and any("voorstel" in m for m in missing)


def test_explanations_cover_the_required_articles_and_read_at_b1():
    found = explanations()
    for number in REQUIRED_EXPLANATIONS:
        assert number in found and found[number]["uitleg"].strip(), number
    for number, item in found.items():
        assert number in wkkgz(), f"explanation for missing article {number}"
        assert problems(item["uitleg"]) == [], number
        for term, text in (item.get("termen") or {}).items():
            assert term in definitions(wkkgz()["1"]), term
            assert problems(text) == [], term


def test_explanations_say_what_the_law_says():
    found = explanations()
    assert "6 weken" in found["17"]["uitleg"] and "4 weken" in found["17"]["uitleg"]
    assert "nietig" in found["11.0a"]["uitleg"] and "1 juli 2023" in found["11.0a"]["uitleg"]
    assert "gratis" in found["15"]["uitleg"]
    assert "25.000" in found["20"]["uitleg"]
    assert "6 maanden" in found["22"]["uitleg"]
    assert "zwijgcontract" in found["11a"]["uitleg"]


async def test_action_law_article_sends_the_messages(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    events = await ActionLawArticle().run(dispatcher, tracker_for("wat zegt artikel 17 wkkgz",
                                                                 intent="ask_law_article"), domain)
    assert events == []
    texts = [m["text"] for m in dispatcher.messages]
    assert texts == lookup_answer("wat zegt artikel 17 wkkgz")
    assert ActionLawArticle().name() == "action_law_article"
