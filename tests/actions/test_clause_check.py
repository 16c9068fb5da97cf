"""The gag-clause check: reading a clause, the verdict for every case, reading the answers, and the two actions."""
import itertools
import json
import re
from datetime import date
from pathlib import Path

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.clause_check import (ANSWERS, CLAUSE_SLOTS, NO, NOTE_NOT_UNDERSTOOD, NOTE_TOO_LONG, NOTE_TOO_SHORT,
                                  UNCLEAR, YES, ActionClauseVerdict, ClauseAnalysis, ValidateClauseForm,
                                  analyse_clause, clause_answer, clause_from_first_message, read_agreed_after,
                                  read_dutch_provider, verdict)
from nlu_components.detectors import personal_data
from quality.readability import answer_body, problems

from .conftest import button_values

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 4, 15)
CLAUSE_DOMAIN = {
    "forms": {"clause_form": {"required_slots": list(CLAUSE_SLOTS)}},
    "slots": {name: {"type": "text", "mappings": [{"type": "custom"}]} for name in CLAUSE_SLOTS},
    "responses": {},
}
NIETIG, NIET_ONDER, ONDUIDELIJK = "heel waarschijnlijk nietig", "valt er niet onder", "onduidelijk"

def allowed_links():
    facts = (ROOT / "data" / "sources" / "facts.md").read_text(encoding="utf-8")
    links = ["wetten.overheid.nl/BWBR0037173", "zoek.officielebekendmakingen.nl/ah-tk-20202021-3368"]
    links += re.findall(r"(?:https?://)?((?:www\.)?[a-z0-9.-]+\.(?:nl|com|org)(?:/[^\s;)]*)?)", facts)
    return [re.sub(r"^www\.", "", link).rstrip("/.") for link in links]

LINKS = allowed_links()

def answer(text, slot, intent="inform", entities=None):
    return clause_answer({"text": text, "intent": {"name": intent}, "entities": entities or []}, slot, TODAY)

# --- reading a clause --------------------------------------------------------------------------------------------

VOID = [
    # a ban on negative statements on social media
    "Cliënt zal zich onthouden van negatieve uitlatingen over de behandeling op sociale media.",
    # a review ban
    "Het is patiënt niet toegestaan om een review of recensie over de kliniek te plaatsen.",
    # a ban on telling the inspectorate
    "Cliënt zal het incident niet melden bij de Inspectie Gezondheidszorg en Jeugd (IGJ).",
    "Cliënt verplicht zich tot geheimhouding over de complicatie en het verloop van de operatie.",
    "Het is cliënt niet toegestaan informatie over de behandeling of het resultaat daarvan aan derden te verstrekken.",
    "Patiënt zal zonder voorafgaande schriftelijke toestemming van de kliniek niets over de ingreep publiceren.",
    # the amount AND what happened
    "Partijen houden de hoogte van de vergoeding en de gang van zaken rond de operatie geheim.",
    "Deze overeenkomst gaat over de mislukte operatie. Cliënt zal hierover niets delen met derden.",
    "Cliënt verwijdert binnen 7 dagen alle reviews over de kliniek en plaatst geen nieuwe.",
    "Bij negatieve berichten op Instagram of Facebook over de behandeling betaalt cliënt een boete van € 5.000.",
    "Cliënt zal geen klacht indienen bij de geschilleninstantie en niet met de pers praten.",
]
SETTLEMENT_ONLY = [
    "Partijen houden het bedrag van de schikking geheim.",
    "De hoogte van de schadevergoeding blijft vertrouwelijk.",
    # generic confidentiality about the agreement's content, no incident
    "Partijen zullen de inhoud van deze vaststellingsovereenkomst vertrouwelijk behandelen.",
    "De kliniek vergoedt de kosten van de hersteloperatie. Partijen houden het bedrag geheim.",
    "Partijen houden het bedrag van de schikking over de mislukte behandeling geheim.",
]
NO_LIMIT = [
    "De kliniek is niet aansprakelijk voor complicaties die ontstaan na de behandeling.",
    "Cliënt geeft toestemming om foto's van het resultaat op de website te tonen.",
    "Cliënt betaalt de behandeling vooraf.",
    "Klachten worden niet in behandeling genomen na 14 dagen.",
]
PRIVACY = [
    "De kliniek publiceert geen foto's van cliënt zonder toestemming.",
    "De kliniek houdt het medisch dossier van cliënt vertrouwelijk.",
]
UNCLEAR_SUBJECT = [
    "Cliënt verplicht zich tot geheimhouding.",
    "Partijen zullen geen mededelingen doen aan derden.",
]
OTHER_LANGUAGE = [
    "The patient shall not post negative reviews about the treatment.",
    "Client agrees to keep all information confidential and will not disclose it to third parties.",
]
EMPTY = ["onbekend", "", "ok"]
UNREADABLE = ["asdf qwerty zxcv", "Zie bijlage 3 lid 4 sub b"]

@pytest.mark.parametrize("text", VOID)
def test_clauses_that_limit_telling_about_an_incident(text):
    a = analyse_clause(text)
    assert (a.restricts_incident_info, a.about_settlement_only, a.reason) == (YES, False, "incident")
    assert a.triggers

@pytest.mark.parametrize("text", SETTLEMENT_ONLY)
def test_clauses_only_about_the_amount_or_the_agreement(text):
    a = analyse_clause(text)
    assert (a.restricts_incident_info, a.about_settlement_only, a.reason) == (NO, True, "settlement")
    assert any(re.search(r"bedrag|vergoeding|schikking|inhoud", t) for t in a.triggers)

@pytest.mark.parametrize("text", NO_LIMIT)
def test_clauses_that_limit_nothing(text):
    a = analyse_clause(text)
    assert (a.restricts_incident_info, a.about_settlement_only, a.reason) == (NO, False, "no_limit")

@pytest.mark.parametrize("text", PRIVACY)
def test_the_clinic_keeping_your_data_private_is_no_gag(text):
    a = analyse_clause(text)
    assert (a.restricts_incident_info, a.about_settlement_only, a.reason) == (NO, False, "privacy")

@pytest.mark.parametrize("text,reason", [(t, "subject") for t in UNCLEAR_SUBJECT]
                         + [(t, "language") for t in OTHER_LANGUAGE] + [(t, "empty") for t in EMPTY]
                         + [(t, "unreadable") for t in UNREADABLE])
def test_unclear_clauses(text, reason):
    a = analyse_clause(text)
    assert (a.restricts_incident_info, a.reason) == (UNCLEAR, reason)

def test_a_clause_that_names_a_legal_rule():
    a = analyse_clause("Cliënt houdt informatie over de behandeling geheim, voor zover een wettelijk voorschrift "
                       "dat vereist.")
    assert a.restricts_incident_info == YES and a.legal_rule
    assert not analyse_clause(VOID[0]).legal_rule

# --- the verdict: every combination ------------------------------------------------------------------------------

OUTCOMES = {
    "incident": VOID[0],
    "review": VOID[1],
    "igj": VOID[2],
    "settlement": SETTLEMENT_ONLY[0],
    "contract_content": SETTLEMENT_ONLY[2],
    "no_limit": NO_LIMIT[0],
    "privacy": PRIVACY[0],
    "subject": UNCLEAR_SUBJECT[0],
    "language": OTHER_LANGUAGE[0],
    "empty": "onbekend",
    "unreadable": UNREADABLE[0],
}
CASES = list(itertools.product(ANSWERS, ANSWERS, OUTCOMES))

def expected_certainty(provider, agreed, analysis):
    if provider == "nee" or agreed == "nee" or analysis.restricts_incident_info == NO:
        return NIET_ONDER
    if analysis.restricts_incident_info == YES and provider == "ja" and agreed == "ja":
        return NIETIG
    return ONDUIDELIJK

@pytest.mark.parametrize("provider,agreed,outcome", CASES)
def test_verdict_for_every_case(provider, agreed, outcome):
    analysis = analyse_clause(OUTCOMES[outcome])
    messages = verdict(analysis, provider, agreed)
    certainty = expected_certainty(provider, agreed, analysis)
    assert messages[0].lower().startswith(certainty)
    everything = "\n".join(messages).lower()
    if certainty != NIETIG:
        assert NIETIG not in everything  # never more certain than the law allows
    for other in {NIETIG, NIET_ONDER, ONDUIDELIJK} - {certainty}:
        assert not any(m.lower().startswith(other) for m in messages)

    # why, in the first message
    first = messages[0]
    if certainty == NIET_ONDER and provider == "nee":
        assert "buitenland" in first and "Kamervragen 2021Z09590, vraag 9" in first
    elif certainty == NIET_ONDER and agreed == "nee":
        assert "1 juli 2023" in first and "artikel 11.0a lid 3" in first
    elif certainty == NIET_ONDER and analysis.about_settlement_only:
        assert "bedrag" in first and "vandoorne.com" in first
    elif certainty == NIETIG:
        assert "artikel 11.0a lid 2" in first and "regel uit de wet" in first  # lid 3 onder a
    elif certainty == ONDUIDELIJK:
        assert "Dit maakt het verschil:" in first and "regel uit de wet" in first
        if provider == "onbekend":
            assert "in Nederland" in first and "vraag 9" in first
        if agreed == "onbekend":
            assert "1 juli 2023" in first

    # a void clause: you may still tell the IGJ/LMZ and write an honest review
    if certainty in (NIETIG, ONDUIDELIJK):
        assert any("IGJ" in m and "eerlijke review" in m for m in messages)

    # general information, not advice; LMZ for advice
    assert "geen juridisch advies" in messages[-1] and "088 - 120 50 20" in messages[-1]

    for message in messages:
        assert problems(answer_body(message)) == [], message
        sources = re.search(r"\n\nBron: (.+)$", message, re.S)
        assert sources, message
        links = re.findall(r"https?://(\S+?)[;,]?(?:\s|$)", sources.group(1) + " ")
        assert links
        for link in links:
            plain = re.sub(r"^www\.", "", link).rstrip("/.")
            assert any(plain.startswith(a) or a.startswith(plain) for a in LINKS), link

def test_a_clause_that_names_a_legal_rule_is_not_called_void():
    analysis = analyse_clause("Cliënt houdt informatie over de behandeling geheim, voor zover een wettelijk "
                              "voorschrift dat vereist.")
    messages = verdict(analysis, "ja", "ja")
    assert messages[0].startswith("Onduidelijk, omdat het beding een regel uit de wet noemt.")
    assert "Voert het beding zo'n regel uit? Dan is het niet nietig." in messages[0]

@pytest.mark.parametrize("provider,agreed", [(None, None), ("", "ja"), ("misschien", "ja"), ("ja", "later")])
def test_missing_or_odd_answers_count_as_unknown(provider, agreed):
    assert verdict(analyse_clause(VOID[0]), provider, agreed)[0].startswith("Onduidelijk, omdat")

def test_verdict_works_on_a_hand_made_analysis():
    analysis = ClauseAnalysis(YES, ("geen review",), reason="incident")
    assert verdict(analysis, "ja", "ja")[0].startswith("Heel waarschijnlijk nietig.")
    assert "geen review" in verdict(analysis, "ja", "ja")[0]
    assert verdict(ClauseAnalysis(UNCLEAR, reason="subject"), "ja", "ja")[0].startswith("Onduidelijk, omdat")

def test_the_void_verdict_names_the_words_it_saw():
    messages = verdict(analyse_clause(VOID[0]), "ja", "ja")
    assert messages[0].startswith("Heel waarschijnlijk nietig.")
    assert "sociale media" in messages[0] and "behandeling" in messages[0]
    assert "De IGJ kan optreden tegen zwijgbedingen." in messages[1] and "vraag 7" in messages[1]

def test_a_clause_from_before_july_2023_can_still_be_reported():
    messages = verdict(analyse_clause(VOID[0]), "ja", "nee")
    assert "Het werkt niet terug." in messages[0]
    assert any("melden bij het Landelijk Meldpunt Zorg" in m for m in messages)
    # the amount only: nothing to report
    assert not any("melden" in m for m in verdict(analyse_clause(SETTLEMENT_ONLY[0]), "ja", "nee")[:-1])

# --- reading the answers ---------------------------------------------------------------------------------------

FIRST_MESSAGES = [
    ('klopt dit beding: "Cliënt zal zich onthouden van negatieve uitlatingen over de behandeling op sociale media"',
     "Cliënt zal zich onthouden van negatieve uitlatingen over de behandeling op sociale media"),
    ("dit staat in mijn contract: cliënt onthoudt zich van negatieve uitlatingen op sociale media",
     "cliënt onthoudt zich van negatieve uitlatingen op sociale media"),
    ("mag dit in mijn contract: 'het is patiënt niet toegestaan om een review te plaatsen'",
     "het is patiënt niet toegestaan om een review te plaatsen"),
    ("Is dit geldig? „Patiënt zal geen recensies plaatsen over de ingreep.”",
     "Patiënt zal geen recensies plaatsen over de ingreep."),
    ("Cliënt verplicht zich om geen negatieve recensies te plaatsen over de behandeling of het resultaat daarvan.",
     "Cliënt verplicht zich om geen negatieve recensies te plaatsen over de behandeling of het resultaat daarvan."),
    ("kun je mijn zwijgbeding controleren", None),
    ("ik wil een beding uit mijn contract laten checken", None),
    ("kun je mijn zwijgbeding controleren, de kliniek in Turkije wil dat ik teken en ik weet niet of dat mag", None),
    ("in mijn vaststellingsovereenkomst staat dat ik niets mag vertellen, klopt dat", None),
]

@pytest.mark.parametrize("text,clause", FIRST_MESSAGES)
def test_the_clause_in_the_first_message(text, clause):
    assert clause_from_first_message(text) == clause
    expected = ({"clause_text": clause}, []) if clause else ({}, [])
    assert answer(text, None, intent="check_clause") == expected

@pytest.mark.parametrize("text,expected", [
    ("Cliënt zal geen review plaatsen.", "Cliënt zal geen review plaatsen."),
    ('Dit staat erin: "Cliënt zal geen review plaatsen."', "Cliënt zal geen review plaatsen."),
    ("Artikel 7: Cliënt zal geen review plaatsen.", "Cliënt zal geen review plaatsen."),
    ("weet ik niet", "onbekend"),
    ("ik heb het contract niet", "onbekend"),
    ("ik ben het kwijt", "onbekend"),
])
def test_the_clause_when_asked(text, expected):
    assert answer(text, "clause_text", intent="inform") == ({"clause_text": expected}, [])

def test_a_pasted_clause_with_a_rule_intent_is_read():
    text = "Artikel 7: Cliënt zal geen review plaatsen."
    assert answer(text, "clause_text", intent="ask_law_article") == ({"clause_text": "Cliënt zal geen review plaatsen."},
                                                                       [])
    text = 'mag dit: "Cliënt zal geen review plaatsen"?'
    assert answer(text, "clause_text", intent="faq") == ({"clause_text": "Cliënt zal geen review plaatsen"}, [])

def test_a_short_answer_or_a_question_asks_again():
    assert answer("geheim", "clause_text") == ({"clause_text": None}, [NOTE_TOO_SHORT])
    assert answer("wat is een beding?", "clause_text", intent="faq") == ({}, [])  # the FAQ rule answers
    assert answer("wat bedoel je precies met beding?", "clause_text", intent="inform") == ({"clause_text": None}, [])
    assert answer("x " * 1100, "clause_text") == ({"clause_text": None}, [NOTE_TOO_LONG])

def test_personal_data_in_the_clause_is_replaced():
    values, notes = answer("Mevrouw (BSN 111222333, mail s@example.nl) zal geen review plaatsen.", "clause_text",
                           intent="share_personal_data")
    assert personal_data(values["clause_text"]) == []
    assert "[BSN weggelaten]" in values["clause_text"] and "[e-mailadres weggelaten]" in values["clause_text"]
    assert len(notes) == 1 and "BSN" in notes[0] and "e-mailadres" in notes[0] and problems(notes[0]) == []

@pytest.mark.parametrize("text,expected", [
    ("ja", "ja"), ("klopt", "ja"), ("nee", "nee"), ("weet ik niet", "onbekend"), ("geen idee", "onbekend"),
    ("in Turkije", "nee"), ("buitenland", "nee"), ("een kliniek in Istanbul", "nee"), ("nee, in België", "nee"),
    ("de kliniek zat in Antalya", "nee"), ("Amsterdam", "ja"), ("in Nederland", "ja"), ("Nederlandse kliniek", "ja"),
    ("ja, in Rotterdam", "ja"), ("hmm", None),
])
def test_dutch_provider_from_free_text(text, expected):
    assert read_dutch_provider(text) == expected

@pytest.mark.parametrize("text,expected", [
    ("ja", "ja"), ("nee", "nee"), ("weet ik niet", "onbekend"), ("lang geleden", "onbekend"),
    ("vorig jaar", "ja"), ("2022", "nee"), ("in 2021", "nee"), ("2023", "onbekend"), ("zomer 2023", "onbekend"),
    ("begin 2023", "nee"), ("eind 2023", "ja"), ("juni 2023", "nee"), ("juli 2023", "ja"), ("augustus 2023", "ja"),
    ("30 juni 2023", "nee"), ("1 juli 2023", "ja"), ("15-09-2023", "ja"), ("voor 1 juli 2023", "nee"),
    ("na 1 juli 2023", "ja"), ("daarna", "ja"), ("eerder", "nee"), ("3 jaar geleden", "nee"),
    ("twee jaar geleden", "ja"), ("gisteren", "ja"), ("vorige maand", "ja"),
    ("ik moet het nog tekenen", "ja"), ("hmm", None),
])
def test_agreed_after_from_free_text(text, expected):
    assert read_agreed_after(text, TODAY) == expected

@pytest.mark.parametrize("slot", ["clause_dutch_provider", "clause_agreed_after"])
@pytest.mark.parametrize("value", ANSWERS)
def test_buttons(slot, value):
    payload = "/inform" + json.dumps({slot: value})
    assert answer(payload, slot, entities=[{"entity": slot, "value": value}]) == ({slot: value}, [])
    # a button for the other question is not read
    other = [s for s in ("clause_dutch_provider", "clause_agreed_after") if s != slot][0]
    assert answer(payload, other, entities=[{"entity": slot, "value": value}]) == ({}, [])

def test_an_answer_that_says_nothing_asks_again():
    assert answer("hmm", "clause_dutch_provider") == ({"clause_dutch_provider": None}, [NOTE_NOT_UNDERSTOOD])
    assert answer("tja", "clause_agreed_after") == ({"clause_agreed_after": None}, [NOTE_NOT_UNDERSTOOD])
    # a question with an intent no rule answers: asked again, not left to a missing rule
    assert answer("wat bedoel je?", "clause_agreed_after") == ({"clause_agreed_after": None}, [NOTE_NOT_UNDERSTOOD])
    assert problems(NOTE_NOT_UNDERSTOOD) == [] and problems(NOTE_TOO_SHORT) == [] and problems(NOTE_TOO_LONG) == []

@pytest.mark.parametrize("slot", list(CLAUSE_SLOTS) + [None])
@pytest.mark.parametrize("text,intent", [
    ("wat is een zwijgbeding?", "faq"),
    ("mag een kliniek dat vragen", "faq/zwijgcontract_geldig"),
    ("wat zegt artikel 11.0a?", "ask_law_article"),
    ("hallo", "greet"),
    ("ik bloed heel erg", "emergency"),
    ("ik wil er niet meer zijn", "suicidal"),
    ("ze bedreigen me", "threat"),
    ("stop", "stop"),
    ("doei", "goodbye"),
    ("ik wil een mens spreken", "human_handoff"),
])
def test_questions_safety_and_leaving_are_left_to_the_rules(slot, text, intent):
    assert answer(text, slot, intent=intent) == ({}, [])

def test_a_clause_in_an_emergency_message_is_not_read():
    text = 'ik bloed heel erg en mijn contract zegt: "Cliënt zal geen review plaatsen over de behandeling"'
    for slot in (None, "clause_text"):
        assert answer(text, slot, intent="emergency") == ({}, [])

# --- the actions ------------------------------------------------------------------------------------------------

async def validate(tracker):
    dispatcher = CollectingDispatcher()
    events = await ValidateClauseForm().run(dispatcher, tracker, CLAUSE_DOMAIN)
    # the answers read; which question comes next (requested_slot) is the form's business
    return ({e["name"]: e["value"] for e in events if e["event"] == "slot" and e["name"] != "requested_slot"},
            dispatcher.messages)

async def test_form_reads_the_clause_from_the_message_that_starts_it(tracker_for):
    values, _ = await validate(tracker_for(FIRST_MESSAGES[0][0], intent="check_clause"))
    assert values == {"clause_text": FIRST_MESSAGES[0][1]}
    values, _ = await validate(tracker_for("kun je mijn zwijgbeding controleren", intent="check_clause"))
    assert values == {}

async def test_form_reads_only_the_asked_question(tracker_for):
    tracker = tracker_for("in Turkije", requested_slot="clause_dutch_provider")
    assert (await validate(tracker))[0] == {"clause_dutch_provider": "nee"}
    tracker = tracker_for("vorig jaar", requested_slot="clause_agreed_after",
                          slots={"clause_text": VOID[0], "clause_dutch_provider": "ja"})
    assert (await validate(tracker))[0] == {"clause_agreed_after": "ja"}
    # a long clause-like message while the provider is asked is not read as the clause
    tracker = tracker_for(VOID[4], requested_slot="clause_dutch_provider", slots={"clause_text": VOID[0]})
    values, messages = await validate(tracker)
    assert "clause_text" not in values

async def test_form_buttons(tracker_for):
    tracker = tracker_for('/inform{"clause_agreed_after": "onbekend"}', requested_slot="clause_agreed_after",
                          entities=[{"entity": "clause_agreed_after", "value": "onbekend"}])
    assert (await validate(tracker))[0] == {"clause_agreed_after": "onbekend"}

async def test_form_tells_about_personal_data(tracker_for):
    tracker = tracker_for("Cliënt (tel. 06-12345678) zal geen review plaatsen.", intent="share_personal_data",
                          requested_slot="clause_text")
    values, messages = await validate(tracker)
    assert values == {"clause_text": "Cliënt (tel. [telefoonnummer weggelaten]) zal geen review plaatsen."}
    assert "telefoonnummer" in messages[0]["text"]

async def test_action_sends_the_verdict_and_resets(tracker_for):
    dispatcher = CollectingDispatcher()
    values = {"clause_text": VOID[0], "clause_dutch_provider": "ja", "clause_agreed_after": "ja"}
    events = await ActionClauseVerdict().run(dispatcher, tracker_for("", slots=values), CLAUSE_DOMAIN)
    texts = [m["text"] for m in dispatcher.messages]
    assert texts == verdict(analyse_clause(VOID[0]), "ja", "ja")
    assert texts[0].startswith("Heel waarschijnlijk nietig.")
    assert events == [{"event": "slot", "timestamp": None, "name": name, "value": None} for name in CLAUSE_SLOTS]

async def test_action_without_a_clause_is_unclear_but_abroad_is_still_clear(tracker_for):
    dispatcher = CollectingDispatcher()
    await ActionClauseVerdict().run(dispatcher, tracker_for("", slots={"clause_text": "onbekend",
                                                                        "clause_dutch_provider": "ja",
                                                                        "clause_agreed_after": "ja"}), CLAUSE_DOMAIN)
    assert dispatcher.messages[0]["text"].startswith("Onduidelijk, omdat ik de tekst van het beding niet ken.")
    dispatcher = CollectingDispatcher()
    await ActionClauseVerdict().run(dispatcher, tracker_for("", slots={"clause_dutch_provider": "nee"}),
                                    CLAUSE_DOMAIN)
    assert dispatcher.messages[0]["text"].startswith("Valt er niet onder, omdat de kliniek in het buitenland zit.")

def test_domain_form_slots_entities_and_buttons(project_domain):
    assert project_domain["forms"]["clause_form"]["required_slots"] == list(CLAUSE_SLOTS)
    for name in CLAUSE_SLOTS:
        assert project_domain["slots"][name]["mappings"] == [{"type": "custom"}], name
    assert {"clause_dutch_provider", "clause_agreed_after"} <= set(project_domain["entities"])
    for name in ("validate_clause_form", "action_clause_verdict"):
        assert name in project_domain["actions"]
    for slot in ("clause_dutch_provider", "clause_agreed_after"):
        seen = set()
        for button in project_domain["responses"][f"utter_ask_{slot}"][0].get("buttons") or []:
            for name, value in button_values(button).items():
                assert name == slot and value in ANSWERS, button
                assert answer(button["payload"], slot, entities=[{"entity": name, "value": value}]) == (
                    {slot: value}, [])
                seen.add(value)
        assert seen == set(ANSWERS), slot

def test_the_date_is_not_asked_for_a_provider_abroad():
    from actions.clause_check import questions_needed
    slots = ["clause_text", "clause_dutch_provider", "clause_agreed_after"]
    assert questions_needed(slots, "nee") == ["clause_text", "clause_dutch_provider"]
    assert questions_needed(slots, "ja") == slots
    assert questions_needed(slots, None) == slots
