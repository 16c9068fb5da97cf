"""The personal complaint route: reading answers, the route for every case, and the two actions."""
import itertools
import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.complaint_route import (ALLOWED, COMPLAINED, PLACES, PROBLEMS, PROVIDERS, ROUTE_SLOTS,
                                     ActionComplaintRoute, ValidateComplaintRouteForm, answers_from_message,
                                     build_route, offers_deadline_dates, read_answers)
from actions.law import wkkgz
from quality.readability import answer_body, problems

from .conftest import button_values

ARTICLE = re.compile(r"\bartikel\s+(\d+[a-z]*(?:\.0a)?)(?:\s+lid\s+(\d+))?", re.I)
COUNTRIES = [None, "Turkije", "België"]
ALL_CASES = list(itertools.product(PLACES, COUNTRIES, PROVIDERS, PROBLEMS, COMPLAINED))

def slots(place, country, provider, problem, complained):
    return {"route_place": place, "route_country": country, "route_provider": provider, "route_problem": problem,
            "route_complained": complained}

def route(place="nederland", provider="arts", problem="complicatie", complained="nee", country=None):
    return build_route(slots(place, country, provider, problem, complained))

def body(messages):
    return "\n".join(answer_body(m) for m in messages)

def sentences(text):
    return [s for s in re.split(r"(?<=[.!?:])\s+|\n+", text) if s.strip()]

# --- the domain and this module agree ------------------------------------------------------------------------

def test_button_payloads_of_the_domain_are_values_we_know(project_domain):
    seen = {name: set() for name in ALLOWED}
    for key, variations in project_domain["responses"].items():
        if not key.startswith("utter_ask_route_"):
            continue
        for button in variations[0].get("buttons") or []:
            for name, value in button_values(button).items():
                assert name in ALLOWED and value in ALLOWED[name], button
                seen[name].add(value)
    for name, values in seen.items():
        assert values, name
        assert set(ALLOWED[name]) - values <= {"onbekend"}, name  # every value has a button, "weet ik niet" aside

def test_form_slots_and_entities_of_the_domain(project_domain):
    form = project_domain["forms"]["complaint_route_form"]["required_slots"]
    assert form == ["route_place", "route_provider", "route_problem", "route_complained"]
    assert set(project_domain["entities"]) >= set(ALLOWED)
    assert set(ROUTE_SLOTS) <= set(project_domain["slots"])
    for name in ("action_complaint_route", "validate_complaint_route_form"):
        assert name in project_domain["actions"]

# --- reading free text -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,requested,expected", [
    ("mijn operatie in Turkije via een bureau is mislukt", None,
     {"route_place": "buitenland", "route_country": "Turkije", "route_provider": "bureau",
      "route_problem": "complicatie"}),
    ("nee, het was in België", "route_problem", {"route_place": "buitenland", "route_country": "België"}),
    ("nee, het was in belgie", "route_place", {"route_place": "buitenland", "route_country": "België"}),
    ("in nederland", "route_place", {"route_place": "nederland", "route_country": None}),
    ("hier in Nederland", "route_place", {"route_place": "nederland", "route_country": None}),
    ("amsterdam", "route_place", {"route_place": "nederland", "route_country": None}),
    ("in Den Haag", "route_place", {"route_place": "nederland", "route_country": None}),
    ("in het buitenland", "route_place", {"route_place": "buitenland"}),
    ("niet in nederland", "route_place", {"route_place": "buitenland"}),
    ("niet in het buitenland", "route_place", {"route_place": "nederland", "route_country": None}),
    ("in istanbul", "route_place", {"route_place": "buitenland", "route_country": "Turkije"}),
    ("turkeye", "route_place", {"route_place": "buitenland", "route_country": "Turkije"}),
    ("in Tsjechië", "route_place", {"route_place": "buitenland", "route_country": "Tsjechië"}),
    ("in dubai", "route_place", {"route_place": "buitenland", "route_country": "Verenigde Arabische Emiraten"}),
    ("een kliniek in Seoul", "route_place",
     {"route_place": "buitenland", "route_country": "Zuid-Korea", "route_provider": "arts"}),
    ("in een turkse kliniek", "route_place",
     {"route_place": "buitenland", "route_country": "Turkije", "route_provider": "arts"}),
    ("weet ik niet", "route_place", {"route_place": "onbekend"}),
    ("geen idee", "route_provider", {"route_provider": "onbekend"}),
    ("weet ik niet zeker", "route_complained", {"route_complained": "onbekend"}),
    ("weet ik niet", None, {}),
    ("weet ik niet", "route_country", {}),
    ("een arts", "route_provider", {"route_provider": "arts"}),
    ("een kliniek", "route_provider", {"route_provider": "arts"}),
    ("bij een cosmetisch arts", "route_provider", {"route_provider": "arts"}),
    ("een plastisch chirurg", "route_provider", {"route_provider": "arts"}),
    ("een schoonheidssalon", "route_provider", {"route_provider": "salon"}),
    ("bij een schoonheidsalon", "route_provider", {"route_provider": "salon"}),
    ("een bemiddelingsbureau", "route_provider", {"route_provider": "bureau"}),
    ("bemiddelingsburo", "route_provider", {"route_provider": "bureau"}),
    ("het bureau regelde alles", "route_provider", {"route_provider": "bureau"}),
    ("ik wil klagen over mijn kliniek", None, {"route_provider": "arts"}),
    ("complicatie", "route_problem", {"route_problem": "complicatie"}),
    ("het resultaat is slecht", "route_problem", {"route_problem": "complicatie"}),
    ("ik heb een infectie gekregen", "route_problem", {"route_problem": "complicatie"}),
    ("een schoonheidsspecialiste heeft fillers bij me gespoten en nu heb ik bulten", "route_problem",
     {"route_provider": "salon", "route_problem": "complicatie"}),
    ("een schoonheidsspecialiste in een salon, geen arts", "route_provider", {"route_provider": "salon"}),
    ("mijn implantaat lekt", "route_problem", {"route_problem": "implantaat"}),
    ("klachten door mijn borstimplantaat", "route_problem", {"route_problem": "implantaat"}),
    ("ik moest een zwijgcontract tekenen", "route_problem", {"route_problem": "zwijg"}),
    ("ik moest een zwijgkontract tekenen", "route_problem", {"route_problem": "zwijg"}),
    ("ze zetten me onder druk", "route_problem", {"route_problem": "zwijg"}),
    ("ik word onder druk gezet om mijn review te verwijderen", "route_problem", {"route_problem": "zwijg"}),
    ("ze bedreigen me", "route_problem", {"route_problem": "bedreiging"}),
    ("ik ben bedreigd na mijn review", "route_problem", {"route_problem": "bedreiging"}),
    ("ik ben onheus bejegend", "route_problem", {"route_problem": "bejegening"}),
    ("ze waren onbeleefd", "route_problem", {"route_problem": "bejegening"}),
    ("mijn moeder is overleden na de ingreep", "route_problem", {"route_problem": "overlijden"}),
    ("iets anders", "route_problem", {"route_problem": "onbekend"}),
    ("nee nog niet", "route_complained", {"route_complained": "nee"}),
    ("nee", "route_complained", {"route_complained": "nee"}),
    ("nee", "route_problem", {}),
    ("nog niet geklaagd", None, {"route_complained": "nee"}),
    ("ja, ik wacht op antwoord", "route_complained", {"route_complained": "wacht"}),
    ("ja maar ik heb nog niks gehoord", "route_complained", {"route_complained": "wacht"}),
    ("ja maar het antwoord helpt niet", "route_complained", {"route_complained": "ontevreden"}),
    ("ja en ik ben niet tevreden met het antwoord", "route_complained", {"route_complained": "ontevreden"}),
    ("mijn klacht is afgewezen", None, {"route_complained": "ontevreden"}),
    ("ja", "route_complained", {"route_complained": "onbekend"}),
    ("ik ben niet tevreden over mijn neuscorrectie", None, {"route_problem": "complicatie"}),
    ("ik ben ontevreden over mijn lippen", "route_complained", {"route_problem": "complicatie"}),
    ("ik ben ontevreden over het antwoord", None, {"route_complained": "ontevreden"}),
    ("ontevreden", "route_complained", {"route_complained": "ontevreden"}),
    ("het was geweldig", "route_problem", {}),
    ("ik mocht niks zeggen van de kliniek", None, {"route_provider": "arts", "route_problem": "zwijg"}),
    ("ze lachten me uit", "route_problem", {"route_problem": "bejegening"}),
    ("een nederlands bureau regelde het", None, {"route_provider": "bureau"}),
    ("mijn liposuctie in belgie is mislukt", None,
     {"route_place": "buitenland", "route_country": "België", "route_problem": "complicatie"}),
    ("hallo", "route_place", {}),
    ("/inform{\"route_place\": \"nederland\"}", "route_place", {}),
])
def test_read_answers(text, requested, expected):
    assert read_answers(text, requested) == expected

def test_a_dutch_bureau_for_a_clinic_abroad_is_abroad():
    assert read_answers("via een nederlands bureau in turkije", None)["route_place"] == "buitenland"
    assert "route_place" not in read_answers("een nederlands bureau regelde het", None)

def test_a_correction_in_the_same_message_wins():
    assert read_answers("nee, niet in turkije maar in nederland", "route_place")["route_place"] == "nederland"

# --- answers of one message in the form ----------------------------------------------------------------------------

def message(text, intent="inform", entities=None):
    return {"text": text, "intent": {"name": intent}, "entities": entities or []}

def test_button_entities_come_first():
    msg = message('/inform{"route_place": "nederland"}', entities=[{"entity": "route_place", "value": "nederland"}])
    assert answers_from_message(msg, "route_place") == {"route_place": "nederland"}

def test_unknown_entity_values_are_ignored():
    msg = message("/inform", entities=[{"entity": "route_place", "value": "mars"}])
    assert answers_from_message(msg, "route_place") == {}

@pytest.mark.parametrize("intent", ["emergency", "suicidal", "threat", "stop", "restart", "human_handoff",
                                    "goodbye"])
def test_urgent_and_leaving_messages_are_never_read(intent):
    assert answers_from_message(message("ze bedreigen me in Turkije, stop", intent), "route_problem") == {}

def test_other_rule_messages_count_only_for_the_asked_slot():
    assert answers_from_message(message("wat voor weer is het in spanje", "out_of_scope"), "route_problem") == {}
    assert answers_from_message(message("in spanje", "out_of_scope"), "route_place") == {
        "route_place": "buitenland", "route_country": "Spanje"}
    assert answers_from_message(message("hoi, het was in Turkije", "greet"), "route_problem")["route_place"] == \
        "buitenland"

@pytest.mark.parametrize("text,intent", [
    ("houdt de IGJ toezicht op zo'n bureau?", "faq"),
    ("is een zwijgcontract geldig?", "faq"),
    ("geldt de wkkgz ook in turkije?", "faq"),
    ("wat zegt artikel 17?", "ask_law_article"),
    ("is dit juridisch advies?", "legal_advice"),
    ("ben jij een robot?", "bot_challenge"),
    ("wat kun je allemaal?", "capabilities"),
])
def test_questions_without_an_answer_for_the_asked_slot_are_left_to_the_faq(text, intent):
    assert answers_from_message(message(text, intent), "route_complained") == {}

def test_a_question_that_does_answer_the_asked_slot_is_read():
    found = answers_from_message(message("in turkije, geldt de wet daar?", "faq"), "route_place")
    assert found["route_place"] == "buitenland"

# --- the route for every case --------------------------------------------------------------------------------------

@pytest.mark.parametrize("place,country,provider,problem,complained", ALL_CASES)
def test_every_route_is_numbered_sourced_and_b1(place, country, provider, problem, complained):
    messages = build_route(slots(place, country, provider, problem, complained))
    assert len(messages) >= 3
    assert not re.match(r"^\d+\.", messages[0])  # an intro first
    for number, msg in enumerate(messages[1:], start=1):
        assert msg.startswith(f"{number}. "), msg
        assert re.search(r"\n\nBron: [^\n]+ · https?://\S+", msg), f"step without source: {msg}"
    for msg in messages:
        assert problems(answer_body(msg)) == [], msg
        for article, lid in ARTICLE.findall(msg):
            assert article in wkkgz(), msg
            if lid:
                assert lid in wkkgz()[article].paragraphs, (article, lid)
    text = body(messages)
    assert "088 - 120 50 20" in text  # the LMZ is always named
    if problem == "bedreiging":
        assert "112" in messages[1] and "0900-8844" in messages[1]  # safety comes first
    if problem == "zwijg":
        assert "nietig" in text
    if problem == "implantaat":
        assert "RIVM" in text
    if place == "buitenland":
        check_abroad(messages, country)
    if place == "onbekend":
        assert "Zit de kliniek in Nederland?" in text or "Zit de kliniek in Nederland," in text
        assert "Zit de kliniek in het buitenland?" in text

def check_abroad(messages, country):
    text = body(messages)
    assert "valt niet onder de Nederlandse wet" in text
    assert "geen toezicht op zorg in het buitenland" in text
    assert "verbod op zwijgcontracten geldt niet" in text
    assert "klachtenfunctionaris" not in text
    assert "€ 25.000" not in text and "52,50" not in text
    assert "Klachtenloket" not in text
    for sentence in sentences(text):
        low = sentence.lower()
        if "toezicht" in low:
            assert "geen" in low or "in nederland" in low, sentence
        if "6 weken" in low:
            assert "geldt daar niet" in low, sentence
        if "geschilleninstantie" in low:
            assert "niet" in low, sentence
    if country:
        assert country in messages[0] and f"de kliniek in {country}" in text

@pytest.mark.parametrize("provider,problem,complained", itertools.product(PROVIDERS, PROBLEMS, COMPLAINED))
def test_unknown_values_are_like_missing_ones(provider, problem, complained):
    assert build_route({"route_provider": provider, "route_problem": problem, "route_complained": complained}) == \
        build_route(slots("onbekend", None, provider, problem, complained))
    assert build_route({"route_place": "mars", "route_provider": provider, "route_problem": problem,
                        "route_complained": complained}) == build_route(slots("onbekend", None, provider, problem,
                                                                                  complained))

def test_netherlands_doctor_not_yet_complained():
    messages = route(problem="bejegening")
    text = body(messages)
    assert "Je behandeling was in Nederland, bij een arts of kliniek." in messages[0]
    for phrase in ["klachtenregeling", "klachtenfunctionaris", "gratis", "Schrijf je klacht op", "6 weken",
                   "4 weken", "geschilleninstantie", "bindend", "€ 25.000", "€ 52,50", "binnen een jaar",
                   "respect", "088 - 120 50 20", "9:00 tot 17:00"]:
        assert phrase in text, phrase
    assert text.index("klachtenfunctionaris") < text.index("geschilleninstantie")
    assert "artikel 2 lid 2" in messages[1] and "artikel 13" in "\n".join(messages)

def test_unhappy_with_the_answer_goes_to_the_geschilleninstantie_first():
    messages = route(problem="bejegening", complained="ontevreden")
    steps = [m for m in messages[1:] if "geschilleninstantie" in m or "klachtenfunctionaris" in m]
    assert "geschilleninstantie" in steps[0]
    assert "klachtenfunctionaris" not in body(messages)
    assert "artikel 21 lid 1" in steps[0] and "6 maanden" in steps[0]

def test_waiting_offers_the_dates():
    messages = route(complained="wacht")
    assert "Geef me de datum van je klacht" in body(messages)
    assert offers_deadline_dates(slots("nederland", None, "arts", "complicatie", "wacht"))
    assert not offers_deadline_dates(slots("buitenland", "Turkije", "arts", "complicatie", "wacht"))
    assert not offers_deadline_dates(slots("nederland", None, "arts", "complicatie", "nee"))
    abroad = route(place="buitenland", country="Polen", complained="wacht")
    assert "De Nederlandse termijn van 6 weken geldt daar niet" in body(abroad)

def test_complained_unknown_covers_both():
    text = body(route(complained="onbekend"))
    assert "Heb je nog niet geklaagd?" in text and "Heb je al geklaagd" in text

def test_implant_in_the_netherlands():
    text = body(route(problem="implantaat"))
    assert "op papier" in text and "binnen een maand" in text and "Meldpunt Bijwerkingen Implantaten" in text
    assert "artikel 7b lid 3" in "\n".join(route(problem="implantaat"))

def test_gag_clause_in_the_netherlands_is_void():
    messages = route(problem="zwijg")
    assert "nietig" in messages[1] and "1 juli 2023" in messages[1] and "artikel 11.0a lid 2" in messages[1]
    assert "LMZ" in messages[1]

def test_gag_clause_abroad_is_not_covered_by_the_ban():
    text = body(route(place="buitenland", country="Turkije", provider="bureau", problem="zwijg"))
    assert "verbod geldt niet voor een kliniek in het buitenland" in text
    assert "Gaf een Nederlands bureau zelf zorg?" in text

def test_threat_starts_with_the_police_everywhere():
    for place in PLACES:
        messages = route(place=place, problem="bedreiging", country="Turkije" if place == "buitenland" else None)
        assert "112" in messages[1] and "0900-8844" in messages[1] and "aangifte" in messages[1]
        assert "Bron: Politie · https://www.politie.nl" in messages[1]

def test_death_in_the_netherlands():
    text = "\n".join(route(problem="overlijden"))
    assert "nabestaande" in text and "calamiteit" in text and "IGJ" in text
    assert "artikel 14 lid 1" in text and "artikel 11 lid 1" in text and "artikel 10 lid 3" in text

def test_complication_with_a_doctor():
    text = "\n".join(route(problem="complicatie"))
    assert "NVCG" in text and "NVPC" in text and "tuchtcollege" in text and "BIG-register" in text
    assert "artikel 10 lid 3" in text

def test_salon_may_not_inject_or_cut():
    text = "\n".join(route(provider="salon"))
    assert "mag niet spuiten of snijden" in text and "alleen een arts" in text and "LMZ" in text
    assert "rijksoverheid.nl/onderwerpen/cosmetische-ingrepen" in text
    assert "tuchtcollege" not in text
    assert "klachtenfunctionaris" not in text  # a salon is not said to have one

def test_bureau_depends_on_what_it_does():
    for place in ("nederland", "buitenland"):
        text = "\n".join(route(place=place, provider="bureau", country="Turkije" if place == "buitenland" else None))
        assert "hangt af van wat" in text
        assert "vraag 2" in text and "vraag 4" in text
        assert "diagnose, medicijnen of nazorg" in text

def test_abroad_names_aftercare_in_the_netherlands_and_the_meldpunten():
    text = "\n".join(route(place="buitenland", country="Turkije"))
    assert "nazorg van een arts in Nederland" in text and "vraag 4" in text and "vraag 9" in text
    assert "NVCG" in text

def test_unknown_provider_checks_the_big_register():
    text = body(route(provider="onbekend"))
    assert "BIG-register" in text and "Alleen een arts mag spuiten of snijden" in text

# --- the actions --------------------------------------------------------------------------------------------------

def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}

async def validate(tracker, domain):
    dispatcher = CollectingDispatcher()
    events = await ValidateComplaintRouteForm().run(dispatcher, tracker, domain)
    return slot_events(events), dispatcher

async def test_first_message_fills_three_answers(tracker_for, domain):
    tracker = tracker_for("mijn operatie in Turkije via een bureau is mislukt", intent="start_complaint_route")
    found, _ = await validate(tracker, domain)
    assert found == {"route_place": "buitenland", "route_country": "Turkije", "route_provider": "bureau",
                     "route_problem": "complicatie"}

async def test_buttons_fill_their_slot(tracker_for, domain):
    tracker = tracker_for('/inform{"route_provider": "salon"}', requested_slot="route_provider",
                          entities=[{"entity": "route_provider", "value": "salon"}],
                          active_loop="complaint_route_form")
    found, _ = await validate(tracker, domain)
    assert found == {"route_provider": "salon"}

async def test_a_later_answer_corrects_an_earlier_one(tracker_for, domain):
    tracker = tracker_for("nee, het was in België", requested_slot="route_problem",
                          slots={"route_place": "nederland", "route_provider": "arts"},
                          active_loop="complaint_route_form")
    found, _ = await validate(tracker, domain)
    assert found == {"route_place": "buitenland", "route_country": "België"}

async def test_back_to_the_netherlands_clears_the_country(tracker_for, domain):
    tracker = tracker_for('/inform{"route_place": "nederland"}', requested_slot="route_problem",
                          entities=[{"entity": "route_place", "value": "nederland"}],
                          slots={"route_place": "buitenland", "route_country": "Turkije"},
                          active_loop="complaint_route_form")
    found, _ = await validate(tracker, domain)
    assert found == {"route_place": "nederland", "route_country": None}

async def test_dont_know_fills_only_the_asked_slot(tracker_for, domain):
    tracker = tracker_for("weet ik niet", requested_slot="route_problem", active_loop="complaint_route_form")
    found, _ = await validate(tracker, domain)
    assert found == {"route_problem": "onbekend"}

async def test_faq_question_in_the_form_is_not_read(tracker_for, domain):
    tracker = tracker_for("houdt de IGJ toezicht op zo'n bureau in Turkije?", intent="faq",
                          requested_slot="route_complained", active_loop="complaint_route_form")
    found, _ = await validate(tracker, domain)
    assert found == {}

async def test_threat_in_the_form_is_not_read(tracker_for, domain):
    tracker = tracker_for("ze bedreigen me", intent="threat", requested_slot="route_problem",
                          active_loop="complaint_route_form")
    found, _ = await validate(tracker, domain)
    assert found == {}

async def test_the_form_never_asks_for_the_country_itself(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("in nederland", requested_slot="route_place", active_loop="complaint_route_form")
    events = await ValidateComplaintRouteForm().run(dispatcher, tracker, domain)
    assert not any(e["event"] == "slot" and e["name"] == "requested_slot" for e in events)

async def test_action_complaint_route_sends_the_route_and_resets(tracker_for, domain):
    values = slots("nederland", None, "arts", "bejegening", "nee")
    dispatcher = CollectingDispatcher()
    events = await ActionComplaintRoute().run(dispatcher, tracker_for("", slots=values), domain)
    assert [m["text"] for m in dispatcher.messages] == build_route(values)
    assert slot_events(events) == {name: None for name in ROUTE_SLOTS}
    assert all(not m["buttons"] for m in dispatcher.messages)

async def test_action_complaint_route_offers_a_button_for_the_dates(tracker_for, domain):
    values = slots("nederland", None, "arts", "complicatie", "wacht")
    dispatcher = CollectingDispatcher()
    await ActionComplaintRoute().run(dispatcher, tracker_for("", slots=values), domain)
    assert dispatcher.messages[-1]["buttons"] == [{"title": "Reken de data uit", "payload": "/ask_deadline"}]

def test_every_link_of_every_route_is_a_page_the_sources_name():
    from actions.knowledge import SOURCES_DIR
    sources = (SOURCES_DIR / "facts.md").read_text(encoding="utf-8") + (SOURCES_DIR / "README.md").read_text(
        encoding="utf-8")
    known = {re.sub(r"^www\.", "", l).rstrip("/.") for l in re.findall(
        r"(?:https?://)?((?:www\.)?[a-z0-9.-]+\.(?:nl|com|org)(?:/[^\s;),|]*)?)", sources)}
    links = set()
    for case in ALL_CASES:
        for msg in build_route(slots(*case)):
            links.update(re.findall(r"https?://(\S+?)[;,]?(?:\s|$)", msg + " "))
    assert links
    for link in links:
        plain = re.sub(r"^www\.", "", link).rstrip("/.")
        assert any(plain.startswith(k) or k.startswith(plain) for k in known), link
