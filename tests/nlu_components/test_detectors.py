import pytest

from nlu_components import detectors


@pytest.mark.parametrize("text", [
    "Ik bloed heel erg na de ingreep en het stopt niet", "het bloeden houdt niet op", "ik kan niet goed ademen",
    "ik ben zo benauwd", "pijn op me borst sinds gisteren", "ik heb hoge koorts", "koorts van 40 graden",
    "ik ben net flauwgevallen", "mijn vriendin is bewusteloos", "mijn lippen worden blauw", "NOODGEVAL"])
def test_emergencies(text):
    assert detectors.emergency(text)


@pytest.mark.parametrize("text", [
    "wat is een calamiteit", "hoeveel bloed verlies je bij een lipo", "is koorts na een operatie normaal",
    "pijn in mijn borst na de vergroting, is dat een complicatie"])
def test_not_emergencies(text):
    assert not detectors.emergency(text)


@pytest.mark.parametrize("text", ["ik wil niet meer leven", "ik denk aan zelfmoord", "ik wil gewoon dood",
                                  "niemand zou me missen als ik er niet meer was", "ik wil er een eind aan maken",
                                  "suïcidale gedachten"])
def test_suicidal(text):
    assert detectors.suicidal(text)


def test_not_suicidal():
    assert not detectors.suicidal("mijn moeder is dood na de ingreep, kan ik klagen?")


def test_threats_but_not_legal_steps():
    assert detectors.threat("ik word bedreigt door het bureau")
    assert detectors.threat("ze sturen dreigberichten")
    assert detectors.threat("de eigenaar intimideert me")
    assert not detectors.threat("de kliniek dreigt met een rechtszaak als ik mijn review niet weghaal")
    assert not detectors.threat("mijn termijn dreigt te verlopen")


@pytest.mark.parametrize("text", [
    "de eigenaar stuurt me berichten dat hij weet waar ik woon als ik mijn review niet weghaal",
    "ze zeggen dat ze precies weten waar mijn dochter woont",
    "hij schreef: we komen je halen",
    "de arts zei dat ze me in elkaar laten slaan",
    "je gaat er spijt van krijgen, appte de kliniek",
])
def test_threats_that_do_not_say_so(text):
    assert detectors.threat(text)


@pytest.mark.parametrize("text", [
    "ik weet niet waar de kliniek woont of zit",
    "waar woon je als je in het buitenland wordt behandeld",
    "ik heb spijt van mijn operatie",
    "krijg ik spijt als ik fillers neem",
    "komen ze me halen van het vliegveld na de operatie",
])
def test_not_threats(text):
    assert not detectors.threat(text)


@pytest.mark.parametrize("text,kinds", [
    ("mail me op jan.jansen@example.nl", ["email"]),
    ("bel me op 06-12345678", ["phone"]),
    ("mijn bsn is 111222333", ["bsn"]),              # passes the eleven-test
    ("rekening NL91 ABNA 0417 1643 00", ["iban"]),
    ("mijn bsn is 123456789", []),                  # fails the eleven-test
    ("bel het LMZ op 088 - 120 50 20", []),          # public numbers are not personal data
    ("klacht ingediend op 10-01-2026", []),
])
def test_personal_data(text, kinds):
    assert detectors.personal_data(text) == kinds


@pytest.mark.parametrize("text,expected", [
    ("Can a Dutch clinic make me sign a gag clause?", True),
    ("i had surgery in turkey, can the dutch health inspectorate help me?", True),
    ("is een zwijgcontract geldig", False),
    ("ik heb een klacht over mijn kliniek in turkije", False),
    ("hi", False),
])
def test_english(text, expected):
    assert detectors.english(text) is expected


def test_law_reference_and_complaint_date():
    assert detectors.law_reference("wat staat er in art. 17 wkkgz")
    assert detectors.law_reference("artikel 11.0a lid 2")
    assert not detectors.law_reference("welk artikel gaat over zwijgcontracten")
    assert detectors.complaint_date("ik heb mijn klacht op 3 maart 2026 ingediend")
    assert detectors.complaint_date("klacht van 01-03-2026, tot wanneer?")
    assert not detectors.complaint_date("hoe lang mag de kliniek over mijn klacht doen")


@pytest.mark.parametrize("text", ["", "   ", "klacht " * 500, "73nFiYlACnltzUSL2lNPbQc9IJp9RS+8sdf/asd==",
                                  "\x00\x01 binary \ufffd", "<script>alert(1)</script>", "??"])
def test_unreadable(text):
    assert detectors.unreadable(text)


@pytest.mark.parametrize("text", ["is een zwijgcontract geldig?", "wat zegt art. 17 lid 2", "ok", "ja",
                                  "artikel 10 lid 3 wkkgz?", "12 februari 2026", "10-01-2026", "€ 25.000",
                                  "ik heb op 10-01-2026 geklaagd", "Ik bloed heel erg"])
def test_readable(text):
    assert not detectors.unreadable(text)


def test_pasted_clause():
    clause = ("Artikel 7. Cliënt verbindt zich ertoe zich te onthouden van negatieve uitlatingen over de behandeling "
              "op sociale media, op straffe van een boete van 5000 euro.")
    assert detectors.pasted_clause(clause)
    assert not detectors.law_reference(clause)
    assert not detectors.pasted_clause("mag de kliniek mij een zwijgcontract laten tekenen over mijn behandeling "
                                       "als ik later een review wil schrijven?")
    assert not detectors.pasted_clause("zal ik klagen?")


def test_quoted_clause_in_a_message_about_a_clause():
    assert detectors.pasted_clause('kijk eens naar dit beding: "Partijen houden de hoogte van de schadevergoeding geheim"')
    assert not detectors.pasted_clause('de arts zei "dat komt wel goed" maar het ging mis')


def _examples(path):
    import yaml
    from pathlib import Path
    data = yaml.safe_load((Path(__file__).resolve().parents[2] / path).read_text(encoding="utf-8"))
    for item in data.get("nlu") or []:
        for line in (item.get("examples") or "").splitlines():
            if line.strip().startswith("- "):
                yield item.get("intent"), line.strip()[2:].strip()


SAFETY = ("emergency", "suicidal", "self_harm", "threat")
EXAMPLE_FILES = ["data/nlu/safety.yml", "data/nlu/basics.yml", "data/nlu/guided.yml", "data/nlu/privacy.yml",
                 "tests/nlu/test_nlu.yml"]


def test_plain_checks_catch_the_safety_examples_without_the_model():
    # safety must not depend on a retrained model: the checks alone find (nearly) every example
    examples = [(i, t) for f in EXAMPLE_FILES for i, t in _examples(f) if i in SAFETY]
    caught = [t for i, t in examples if getattr(detectors, i)(t)]
    assert len(caught) / len(examples) >= 0.9, set(t for _, t in examples) - set(caught)


def test_plain_checks_raise_no_safety_alarm_on_other_examples():
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    files = EXAMPLE_FILES + sorted(str(p.relative_to(root)) for p in (root / "data" / "topics").glob("*.yml"))
    false_alarms = [(i, t) for f in files for i, t in _examples(f) if i not in SAFETY
                    and any(getattr(detectors, k)(t) for k in SAFETY)]
    assert false_alarms == []
