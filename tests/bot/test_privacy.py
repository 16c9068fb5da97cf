"""bot.privacy.scrub: personal data out, placeholders in, everything else untouched."""
from pathlib import Path

import pytest
import yaml

from bot.privacy import PLACEHOLDERS, PRIVACY_REPLY, scrub

ROOT = Path(__file__).resolve().parents[2]
EMAIL, PHONE, BSN, IBAN = (PLACEHOLDERS[k] for k in ("email", "phone", "bsn", "iban"))


@pytest.mark.parametrize("text, expected", [
    ("Mail me op jan.jansen@gmail.com.", f"Mail me op {EMAIL}."),
    ("mijn mail is j.de-vries+kliniek@mail.example.co.uk, ok?", f"mijn mail is {EMAIL}, ok?"),
    ("Stuur het naar Fatima.El-Amrani@hotmail.nl want ik wil een kopie", f"Stuur het naar {EMAIL} want ik wil een kopie"),
    ("(piet_1980@ziggo.nl)", f"({EMAIL})"),
    ("ze mailden vanaf info@kliniek-mooi.nl: 'teken dit'", f"ze mailden vanaf {EMAIL}: 'teken dit'"),
    ("mail: klacht(at)kliniek.nl", f"mail: {EMAIL}"),
    ("MARIA@XS4ALL.NL", EMAIL),
    ("twee: a.b@c.nl en d@e.com", f"twee: {EMAIL} en {EMAIL}"),
    ("jose.müller@gmx.de schreef", f"{EMAIL} schreef"),
])
def test_email_in_sentences(text, expected):
    assert scrub(text) == (expected, ["email"])


@pytest.mark.parametrize("text", [
    "email@domein", "volg @kliniek op instagram", "a@b.c", "prijs is 3 @ 25 euro", "bel de kliniek @ 10 uur",
])
def test_not_an_email(text):
    assert scrub(text) == (text, [])


@pytest.mark.parametrize("text, expected", [
    ("Mijn nummer is 06-12345678", f"Mijn nummer is {PHONE}"),
    ("bel me: 06 12 34 56 78.", f"bel me: {PHONE}."),
    ("0612345678", PHONE),
    ("+31 6 12345678 is mijn mobiel", f"{PHONE} is mijn mobiel"),
    ("+31(0)6-12345678", PHONE),
    ("0031 6 1234 5678", PHONE),
    ("vast: (020) 123 4567 of 010 - 123 45 67", f"vast: {PHONE} of {PHONE}"),
    ("tel:0612345678", f"tel:{PHONE}"),
    ("mijn Belgische nummer +32 470 12 34 56", f"mijn Belgische nummer {PHONE}"),
    ("de arts in Turkije: +90 532 123 45 67", f"de arts in Turkije: {PHONE}"),
])
def test_phone_numbers(text, expected):
    assert scrub(text) == (expected, ["phone"])


@pytest.mark.parametrize("text", [
    "Bel het Landelijk Meldpunt Zorg op 088 - 120 50 20",
    "LMZ: 088 1205020", "LMZ: 0881205020", "LMZ: +31 88 120 5020",
    "113 Zelfmoordpreventie: bel 113 of 0800-0113", "gratis: 0800 0113",
    "bij nood 112, anders de politie op 0900-8844", "0900 8844",
])
def test_public_numbers_are_kept(text):
    assert scrub(text) == (text, [])


@pytest.mark.parametrize("text", [
    "ik heb op 10-01-2026 geklaagd", "het kostte 25.000 euro", "wat zegt art 11.0a lid 2",
    "wetsvoorstel 33 109", "de operatie was op 12/03/2025 om 14:30", "postcode 1234 AB, huisnummer 12",
    "ik ben 36 jaar", "ordernummer 1234567890123", "factuur 2025-000123", "1.250,00 euro",
    "binnen 6 weken en uiterlijk 4 weken later", "",
])
def test_ordinary_numbers_are_kept(text):
    assert scrub(text) == (text, [])


@pytest.mark.parametrize("text, expected", [
    ("mijn bsn is 123456782", f"mijn bsn is {BSN}"),
    ("BSN: 1112.22.333.", f"BSN: {BSN}."),
    ("burgerservicenummer 232 262 536 staat op de brief", f"burgerservicenummer {BSN} staat op de brief"),
    ("012345672", BSN),
    ("bsn 999999990, naam weet je al", f"bsn {BSN}, naam weet je al"),
])
def test_bsn_that_passes_the_eleven_test(text, expected):
    assert scrub(text) == (expected, ["bsn"])


@pytest.mark.parametrize("text", [
    "mijn bsn is 123456789", "bsn 111222334", "1234.56.789", "232 262 537", "000000000",
])
def test_bsn_that_fails_the_eleven_test_is_kept(text):
    assert scrub(text) == (text, [])


@pytest.mark.parametrize("text, expected", [
    ("mijn iban is NL91 ABNA 0417 1643 00 en verder niets", f"mijn iban is {IBAN} en verder niets"),
    ("NL91ABNA0417164300", IBAN),
    ("rekening nl91abna0417164300 deze", f"rekening {IBAN} deze"),
    ("Betaald van NL20 INGB 0001 2345 67.", f"Betaald van {IBAN}."),
    ("IBAN: NL44-RABO-0123-4567-89", f"IBAN: {IBAN}"),
    ("Belgisch: BE71 0961 2345 6769 graag", f"Belgisch: {IBAN} graag"),
    ("GB82 WEST 1234 5698 7654 32", IBAN),
    ("DE89 3704 0044 0532 0130 00 en NL02ABNA0123456789", f"{IBAN} en {IBAN}"),
])
def test_iban(text, expected):
    assert scrub(text) == (expected, ["iban"])


@pytest.mark.parametrize("text", [
    "NL91 ABNA 0417 1643 01",      # wrong check digits
    "NL00ABNA0417164300",
    "NL91 ABNA is mijn bank",
])
def test_not_an_iban(text):
    assert scrub(text) == (text, [])


def test_everything_at_once_in_fixed_order():
    text = ("Ik ben Jan, bsn 123456782, mail jan@example.nl, bel 06-12345678, "
            "rekening NL91 ABNA 0417 1643 00. Of bel het LMZ: 088 - 120 50 20.")
    clean, kinds = scrub(text)
    assert kinds == ["email", "iban", "bsn", "phone"]
    assert clean == (f"Ik ben Jan, bsn {BSN}, mail {EMAIL}, bel {PHONE}, rekening {IBAN}. "
                     "Of bel het LMZ: 088 - 120 50 20.")
    for secret in ("123456782", "jan@example.nl", "12345678", "0417"):
        assert secret not in clean


def test_each_kind_is_named_once():
    assert scrub("06-12345678 en 06-87654321")[1] == ["phone"]


def test_email_with_digits_is_not_taken_for_a_phone_number():
    assert scrub("0612345678@kpnmail.nl") == (EMAIL, ["email"])


def test_privacy_reply_is_the_assistants_own():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert PRIVACY_REPLY == domain["responses"]["utter_share_personal_data"][0]["text"].strip()
