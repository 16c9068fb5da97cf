"""The plain safety checks: danger in the words people use, and no alarm where the words only look alike."""
import pytest

from nlu_components.safety import Danger, assess


def kind(text):
    danger = assess(text)
    return danger.kind if danger else None


@pytest.mark.parametrize("text", [
    "het hoeft voor mij allemaal niet meer",           # indirect
    "iedereen is beter af zonder mij",
    "ik heb mijn pillen al klaargelegd",                # a means at hand
    "wil der nie meer zijn",                            # Flemish, typed fast
    "ik kan niet meer.",                                # despair at the end of a message
    "ik zie het echt niet meer zitten sinds die facelift, mijn gezicht is kapot",
])
def test_suicidal_thoughts_without_the_obvious_words(text):
    assert kind(text) == "suicidal"


def test_english_suicidal_thoughts_are_marked_english():
    assert assess("honestly i want to kill myself after what that surgeon did") == Danger("suicidal", "en")
    assert assess("sometimes i don't want to live anymore") == Danger("suicidal", "en")


@pytest.mark.parametrize("text", [
    "ik snij mezelf weer sinds die operatie", "ik kras in mijn armen", "ik krab mijn litteken expres open",
    "k heb mij weer gesneden", "i keep cutting myself"])
def test_self_harm(text):
    assert kind(text) == "self_harm"


def test_burns_from_a_laser_are_a_complaint_not_self_harm():
    assert kind("ze hebben me verbrand bij de laserbehandeling, mag ik klagen?") != "self_harm"


@pytest.mark.parametrize("text", [
    "de eigenaar staat nu voor mijn deur en schreeuwt dat hij me wat aan gaat doen",
    "hij maakt me kapot als ik naar de inspectie stap, ik ben echt bang",
    "de arts zei dat hij mijn huis in de fik steekt als ik de klacht niet intrek",
    "ik word gevolgd sinds ik die review schreef",
    "ze weten waar mijn kinderen op school zitten"])
def test_threats_without_the_word_bedreigen(text):
    assert kind(text) == "threat"


@pytest.mark.parametrize("text", [
    "de kliniek dreigt met een rechtszaak als ik mijn review niet weghaal",
    "my surgeon threatened legal action over my post"])
def test_legal_pressure_is_no_physical_threat(text):
    assert kind(text) is None


def test_being_afraid_of_others_is_a_threat_and_not_suicidal():
    assert kind("ik ben echt bang dat ze mij iets aandoen") == "threat"


@pytest.mark.parametrize("text", [
    "mn bil is helemaal paars en koud na de BBL in turkije vorige week",
    "mijn wang is wit weggetrokken na de filler",
    "ik zie ineens wazig na de filler bij mijn neus",
    "na de botox kan ik moeilijk slikken en praten",
    "mijn kuit is dik en pijnlijk sinds de buikwandcorrectie",
    "ik krijg geen asem meer, mijn keel zit toe"])
def test_medical_warning_signs(text):
    assert kind(text) == "emergency"


@pytest.mark.parametrize("text", [
    "mijn lippen zijn nu mooi vol", "ik heb een blauwe plek na de filler",
    "pijn in mijn borst na de vergroting, is dat een complicatie"])
def test_no_emergency_in_look_alikes(text):
    assert kind(text) != "emergency"


def test_a_symptom_told_as_over_is_no_emergency_but_a_present_one_is():
    over = ("een jaar geleden kon ik na mijn neuscorrectie slecht ademen, nu gaat het goed. "
            "is mijn zwijgcontract geldig?")
    assert kind(over) == "past_symptoms"
    now = ("een jaar geleden had ik een neuscorrectie en sinds gisteren kan ik slecht ademen, "
           "ik weet niet wat ik moet doen")
    assert kind(now) == "emergency"
    # a procedure last week with symptoms now is not a story about the past
    assert kind("mijn linkerbeen is dik en heel pijnlijk en warm, ik had vorige week een facelift") == "emergency"


@pytest.mark.parametrize("text", [
    "moet ik naar de huisarts met mijn wond?", "ik denk dat mijn borstimplantaat lekt",
    "mijn lip is al weken gevoelloos na de filler", "mijn neus is na 2 maanden nog scheef, is dat normaal?"])
def test_medical_worries_go_to_the_doctor(text):
    assert kind(text) == "medical_worry"


@pytest.mark.parametrize("text", [
    "mijn implantaat is gescheurd, moet de kliniek dat melden?",
    "mijn neus is scheef na de operatie, kan ik mijn geld terugkrijgen?"])
def test_a_question_about_rights_is_not_turned_into_a_medical_worry(text):
    assert kind(text) is None


def test_suicidal_thoughts_win_over_everything_else():
    assert kind("na de liposuctie durf ik niet meer naar buiten en wil ik er gewoon niet meer zijn") == "suicidal"
    assert kind("ik wil niet meer leven en ik bloed heel erg") == "suicidal"


def test_an_attempt_and_being_held_abroad():
    assert kind("ik heb net een hele strip slaappillen genomen") == "attempt"
    assert kind("ze nemen mijn paspoort in tot ik de rest betaal, ik mag niet weg") == "threat"
    assert kind("wel denk ik sindsdien dat ik beter dood kan zijn") == "suicidal"


def test_places_wrists_and_someone_else():
    assert kind("ik sta nu op het dak van mijn flat") == "attempt"
    assert kind("ik heb net in mijn polsen gesneden, het bloedt best veel") == "attempt"
    assert kind("i took all my painkillers from the surgery about 20 min ago") == "attempt"
    assert kind("mijn beste vriendin appte net dat ze er een eind aan gaat maken vanavond") == "other_at_risk"
    assert kind("1 dag na mijn borstvergroting is mijn linkerborst opeens veel groter, keihard en helemaal blauw") == "emergency"


def test_someone_else_at_risk_in_everyday_word_order():
    assert kind("mijn vriendin zegt dat ze er vanavond een eind aan maakt") == "other_at_risk"
    # the person's own thoughts, with a friend in the story, stay their own
    assert kind("mijn vriendin is weg en ik wil er een eind aan maken") == "suicidal"
