"""The personal complaint route: reading the answers (free text or buttons) and building the route.

Slots (domain.yml, form `complaint_route_form`):
  route_place      nederland | buitenland | onbekend
  route_country    free text, e.g. "Turkije" (filled along with route_place; not asked for itself)
  route_provider   arts | salon | bureau | onbekend
  route_problem    complicatie | implantaat | zwijg | bedreiging | bejegening | overlijden | onbekend
  route_complained nee | wacht | ontevreden | onbekend
Buttons send `/inform{"route_place": "nederland"}` and the like: entities named like the slots.
Emergencies are not handled here (rules answer them first).
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.knowledge import KAMERVRAGEN_URL, WKKGZ_URL, Source, load_yaml, organisation
from actions.form_answers import is_question
from actions.intents import OTHER_RULE_INTENTS, QUESTION_INTENTS, SKIP_INTENTS

PLACES = ("nederland", "buitenland", "onbekend")
PROVIDERS = ("arts", "salon", "bureau", "onbekend")
PROBLEMS = ("complicatie", "implantaat", "zwijg", "bedreiging", "bejegening", "overlijden", "onbekend")
COMPLAINED = ("nee", "wacht", "ontevreden", "onbekend")
ALLOWED = {
    "route_place": PLACES,
    "route_provider": PROVIDERS,
    "route_problem": PROBLEMS,
    "route_complained": COMPLAINED,
}
ROUTE_SLOTS = ("route_place", "route_country", "route_provider", "route_problem", "route_complained")


# ---------------------------------------------------------------------------------------------------------------
# Reading free text

COUNTRIES: Dict[str, Tuple[str, ...]] = {
    # canonical name: names, adjectives and cities people type (lower case, no accents)
    "Turkije": ("turkije", "turkey", "turkei", "turkiye", "turks", "turkse", "istanbul", "antalya", "izmir",
                "ankara", "alanya", "bodrum"),
    "België": ("belgie", "belgium", "belgisch", "belgische", "brussel", "antwerpen", "gent", "brugge", "hasselt",
               "leuven", "genk", "luxemburg"),
    "Duitsland": ("duitsland", "germany", "duits", "duitse", "berlijn", "dusseldorf", "keulen", "aken", "munchen",
                  "hamburg", "frankfurt", "kleef"),
    "Spanje": ("spanje", "spain", "spaans", "spaanse", "madrid", "barcelona", "marbella", "alicante", "malaga",
               "valencia", "ibiza"),
    "Polen": ("polen", "poland", "pools", "poolse", "warschau", "krakau", "wroclaw", "gdansk", "poznan", "szczecin"),
    "Hongarije": ("hongarije", "hungary", "hongaars", "hongaarse", "boedapest", "budapest"),
    "Tsjechië": ("tsjechie", "tsjechische", "tsjechisch", "praag", "brno"),
    "Litouwen": ("litouwen", "lithuania", "litouws", "litouwse", "vilnius", "kaunas"),
    "Letland": ("letland", "latvia", "riga"),
    "Estland": ("estland", "estonia", "tallinn"),
    "Colombia": ("colombia", "colombiaans", "colombiaanse", "bogota", "medellin", "cartagena"),
    "Brazilië": ("brazilie", "brazil", "braziliaans", "braziliaanse", "sao paulo", "rio de janeiro"),
    "Thailand": ("thailand", "thais", "thaise", "bangkok", "phuket", "pattaya"),
    "Marokko": ("marokko", "morocco", "marokkaans", "marokkaanse", "casablanca", "marrakech", "marrakesh",
                "tanger", "agadir", "nador"),
    "Tunesië": ("tunesie", "tunisia", "tunesisch", "tunesische", "tunis", "sousse"),
    "Iran": ("iran", "iraans", "iraanse", "teheran", "tehran"),
    "Mexico": ("mexico", "mexicaans", "mexicaanse", "tijuana", "cancun"),
    "Verenigde Arabische Emiraten": ("vae", "uae", "emiraten", "verenigde arabische emiraten", "dubai",
                                     "abu dhabi"),
    "Zuid-Korea": ("zuid-korea", "zuid korea", "korea", "koreaans", "koreaanse", "seoul"),
    "Griekenland": ("griekenland", "greece", "grieks", "griekse", "athene", "thessaloniki", "kreta"),
    "Bulgarije": ("bulgarije", "bulgaria", "bulgaars", "bulgaarse", "varna"),
    "Roemenië": ("roemenie", "romania", "roemeens", "roemeense", "boekarest"),
    "Portugal": ("portugal", "portugees", "portugese", "lissabon", "porto"),
    "Italië": ("italie", "italy", "italiaans", "italiaanse", "milaan"),
    "Frankrijk": ("frankrijk", "france", "franse", "parijs"),
    "Oostenrijk": ("oostenrijk", "austria", "oostenrijkse", "wenen"),
    "Zwitserland": ("zwitserland", "zwitserse", "zurich", "geneve"),
    "Verenigd Koninkrijk": ("verenigd koninkrijk", "engeland", "londen", "schotland", "uk"),
    "Ierland": ("ierland", "dublin"),
    "Kroatië": ("kroatie", "croatia", "kroatische", "zagreb"),
    "Servië": ("servie", "serbia", "belgrado"),
    "Albanië": ("albanie", "albania", "tirana"),
    "Oekraïne": ("oekraine", "ukraine", "kiev", "kyiv"),
    "Slowakije": ("slowakije", "bratislava"),
    "Slovenië": ("slovenie", "ljubljana"),
    "Cyprus": ("cyprus",),
    "Egypte": ("egypte", "egypt", "cairo", "kairo"),
    "Israël": ("israel", "tel aviv"),
    "Libanon": ("libanon", "lebanon", "beiroet"),
    "Jordanië": ("jordanie", "amman"),
    "India": ("india", "indiaas", "mumbai", "delhi"),
    "Pakistan": ("pakistan",),
    "Suriname": ("suriname", "paramaribo"),
    "Curaçao": ("curacao", "willemstad"),
    "Aruba": ("aruba",),
    "Verenigde Staten": ("amerika", "usa", "verenigde staten", "miami", "new york", "los angeles"),
    "Argentinië": ("argentinie", "buenos aires"),
    "Dominicaanse Republiek": ("dominicaanse republiek", "santo domingo"),
    "Costa Rica": ("costa rica",),
    "Maleisië": ("maleisie", "kuala lumpur"),
    "Indonesië": ("indonesie", "bali", "jakarta"),
    "Filipijnen": ("filipijnen", "manilla"),
    "China": ("china", "chinees", "chinese", "shanghai", "beijing"),
    "Japan": ("japan", "tokio"),
    "Georgië": ("georgie", "tbilisi"),
    "Armenië": ("armenie", "jerevan"),
    "Rusland": ("rusland", "moskou"),
    "Zuid-Afrika": ("zuid-afrika", "zuid afrika", "kaapstad", "johannesburg"),
    "Nigeria": ("nigeria", "lagos"),
    "Ghana": ("ghana", "accra"),
}
DUTCH_PLACES = (
    "nederland", "nl", "holland", "hollandse", "nederlandse", "nederlands", "amsterdam", "rotterdam", "den haag",
    "s-gravenhage", "utrecht", "eindhoven", "groningen", "tilburg", "almere", "breda", "nijmegen", "apeldoorn",
    "arnhem", "haarlem", "enschede", "amersfoort", "zaandam", "zaanstad", "den bosch", "s-hertogenbosch",
    "hertogenbosch", "hoofddorp", "zwolle", "zoetermeer", "leiden", "maastricht", "dordrecht", "ede", "alphen",
    "alkmaar", "emmen", "delft", "venlo", "deventer", "sittard", "helmond", "oss", "hilversum", "heerlen",
    "leeuwarden", "roosendaal", "purmerend", "schiedam", "lelystad", "vlaardingen", "gouda", "assen", "bussum",
    "naarden", "heemstede", "wassenaar", "rijswijk", "amstelveen", "capelle", "nieuwegein", "veenendaal", "zeist",
    "hengelo", "den helder", "hoorn", "middelburg", "vlissingen", "bergen op zoom", "weert", "roermond",
    "kerkrade", "doetinchem", "harderwijk", "woerden", "soest", "baarn", "bilthoven", "oosterhout", "waalwijk",
    "uden", "veghel", "boxtel", "zwijndrecht", "ridderkerk", "spijkenisse", "katwijk", "noordwijk", "beverwijk",
    "heerhugowaard", "blaricum", "laren", "wageningen", "kampen", "meppel", "drachten", "sneek", "heerenveen",
    "tiel", "culemborg", "gorinchem", "goes", "terneuzen",
)
ABROAD_WORDS = ("buitenland", "buitenlandse", "abroad", "over de grens", "niet in nederland",
                "niet in nl", "buiten nederland")
NOT_ABROAD_WORDS = ("niet in het buitenland", "niet buitenland", "geen buitenland")

PROVIDER_WORDS = {
    # checked in this order: what arranged it, then who treated
    "bureau": ("bemiddelingsbureau", "bemiddelings bureau", "bemiddelaar", "bemiddeling", "bureau", "buro",
               "reisbureau", "tussenpersoon", "agency", "agent", "medisch toerisme", "reisorganisatie",
               "regelde alles", "regelde het", "via een bedrijf", "via een organisatie", "facilitator"),
    "salon": ("schoonheidssalon", "beautysalon", "salon", "schoonheidsspecialist", "schoonheidsspecialiste",
              "beauty", "nagelstudio", "kapper", "estheticienne", "visagist", "tattooshop", "studio"),
    "arts": ("arts", "dokter", "doktor", "kliniek", "klinieken", "clinic", "ziekenhuis", "chirurg",
             "plastisch chirurg", "cosmetisch arts", "specialist", "dermatoloog", "tandarts", "huisarts",
             "verpleegkundige", "privekliniek", "zorgverlener", "zorgaanbieder", "praktijk", "medisch centrum",
             "behandelaar"),
}

PROBLEM_WORDS = {
    # checked in this order: the most serious first
    "overlijden": ("overleden", "overlijden", "overleed", "gestorven", "sterven", "stierf", "dood",
                   "om het leven", "niet overleefd"),
    "bedreiging": ("bedreig", "dreig", "intimid", "chanteer", "chantage", "afpers", "geweld$", "gewelddadig"),
    "zwijg": ("zwijg", "nda", "geheimhouding", "mond houden", "niet mag praten", "niets mag zeggen",
              "niks mag zeggen", "niet mag vertellen", "review", "recensie", "onder druk", "druk gezet",
              "druk zetten", "verwijder", "weghalen", "offline halen", "stil houden", "stilhouden"),
    "implantaat": ("implant", "prothese", "siliconen", "alcl", "bia-alcl", "kapselcontractie", "lekt",
                   "gescheurd implantaat"),
    "bejegening": ("bejegen", "onbeleefd", "onheus", "respectloos", "onvriendelijk", "onbeschoft", "grof",
                   "uitgescholden", "uitgelachen", "lachten me uit", "lachte me uit", "uitlachen", "niet serieus",
                   "gekleineerd", "discrimin", "vernederd",
                   "arrogant", "schreeuwde", "geschreeuwd", "slecht behandeld", "slecht bejegend", "afgeblaft",
                   "denigrerend", "bot tegen"),
    "complicatie": ("complicat", "complikat", "mislukt", "misgegaan", "mis gegaan", "ging mis", "is mis",
                    "misging",
                    "fout", "verkeerd", "slecht resultaat", "resultaat is slecht", "resultaat slecht",
                    "niet goed gegaan", "infectie", "ontsteking", "ontstoken", "litteken", "scheef",
                    "asymmetr", "pijn", "zenuw", "necrose", "verpest", "beschadigd", "schade$", "bijwerking",
                    "verlamd", "blind", "hersteloperatie", "herstel operatie", "bult", "bulten", "bultje",
                    "bultjes", "klontjes", "pijnlijk", "fouten", "foute", "lelijk",
                    "niet tevreden over het resultaat", "niet tevreden met het resultaat", "resultaat",
                    "gezwollen", "zwelling", "bloeding", "nabloeding", "doof", "gevoelloos", "knobbel"),
}

COMPLAINED_WORDS = {
    # checked in this order
    "ontevreden": ("ontevreden over het antwoord", "ontevreden met het antwoord", "ontevreden over de reactie",
                   "ontevreden met de reactie", "ontevreden over de afhandeling", "helpt niet", "helpt me niet",
                   "helpt mij niet", "helpt niks", "helpt niets",
                   "afgewezen", "niet opgelost", "wijzen alles af", "wees alles af", "oneens",
                   "niet eens met", "niet tevreden met het antwoord", "niet tevreden over het antwoord",
                   "niet tevreden met de reactie", "niet tevreden over de reactie", "slecht antwoord",
                   "antwoord is slecht", "geen oplossing", "niks mee", "niets mee", "afgepoeierd",
                   "niet tevreden met de afhandeling", "niet tevreden over de afhandeling"),
    "wacht": ("wacht", "nog geen antwoord", "nog geen reactie", "geen antwoord", "geen reactie",
              "nog niks gehoord", "nog niets gehoord", "niks gehoord", "niets gehoord", "reageren niet",
              "reageert niet", "nog niet gereageerd", "niet gereageerd", "in behandeling", "loopt nog",
              "nog bezig"),
    "nee": ("nog niet geklaagd", "niet geklaagd", "nog geen klacht", "geen klacht ingediend",
            "nog niks ingediend", "nog niets ingediend", "nog niet ingediend", "niet ingediend",
            "nog niet gemeld", "nog geen contact"),
}
_BARE_NO = re.compile(r"^(?:nee+|neen|nope|no|nog niet|nee,? nog niet|nee hoor|nee,? nog niks|nog niks|"
                      r"nee,? nog nooit|nooit|nee dat niet)\W*$")
_BARE_YES = re.compile(r"^(?:ja+|jep|jazeker|yes|klopt|zeker|ja,? dat heb ik gedaan|ja,? al gedaan|"
                       r"ja,? ik heb geklaagd|ja,? ik heb al geklaagd|al geklaagd|ja ik heb een klacht ingediend)\W*$")
_UNKNOWN = re.compile(r"\b(?:weet ik niet|weet niet|weet het niet|geen idee|geen flauw idee|onbekend|"
                      r"weet ik (?:het )?niet (?:zeker|precies|meer)|ik weet het niet|idk|geen flauw benul|"
                      r"kan ik niet zeggen|geen benul|niet zeker|twijfel|vergeten)\b")
_OTHER = re.compile(r"^(?:iets anders|anders|geen van (?:deze|allen|alle)|overig|niks van dit)\W*$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", (text or "").lower()).encode("ascii", "ignore").decode()
    text = text.replace("’", "'").replace("'", "")
    return re.sub(r"\s+", " ", text).strip()


def _vocabulary() -> List[str]:
    words = set()
    for names in COUNTRIES.values():
        words.update(n for n in names if " " not in n and len(n) >= 7)
    for group in (PROVIDER_WORDS, PROBLEM_WORDS):
        for names in group.values():
            words.update(n.rstrip("$") for n in names if " " not in n and len(n.rstrip("$")) >= 7)
    words.update(("buitenland", "nederland", "zwijgcontract", "zwijgbeding", "bemiddelingsbureau",
                  "complicatie", "implantaat", "borstimplantaat", "schoonheidssalon"))
    return sorted(words)


_VOCABULARY = _vocabulary()
# Words that are right as they are, though close to a word of the vocabulary ("nederlands" is not "nederland").
_KNOWN_WORDS = {w for names in COUNTRIES.values() for n in names for w in n.split()} | {
    w for n in DUTCH_PLACES for w in n.split()} | {
    w for group in (PROVIDER_WORDS, PROBLEM_WORDS, COMPLAINED_WORDS) for names in group.values()
    for n in names for w in n.rstrip("$").split()} | {"implantaten", "klachten", "klacht", "behandeling",
                                                       "nederlander", "geweldig", "geweldige", "gewaardeerd"}
# Stems that also count inside a compound word ("borstimplantaat", "privekliniek", "schoonheidssalon").
_COMPOUND_STEMS = {"implant", "salon", "kliniek", "klinieken", "bureau", "buro", "chirurg", "prothese", "zwijg",
                   "complicat", "infectie", "ontsteking", "litteken", "bemiddel"}


def _correct(text: str) -> str:
    """Folded text with long misspelt words put right ("zwijgkontract", "bemiddelingsburo", "turkeye")."""
    out = []
    for token in text.split(" "):
        core = token.strip(".,!?;:()")
        if len(core) >= 6 and core.isalpha() and core not in _VOCABULARY and core not in _KNOWN_WORDS:
            close = difflib.get_close_matches(core, _VOCABULARY, n=1, cutoff=0.84)
            if close:
                token = token.replace(core, close[0])
        out.append(token)
    return " ".join(out)


def _positions(text: str, phrase: str, whole: bool = False) -> List[int]:
    """Where a phrase starts in text, as a whole word or word start (stems like "bedreig" match "bedreigd");
    only as a whole word when `whole` or when the phrase ends in "$"."""
    if whole:
        phrase = phrase.rstrip("$") + "$"
    if phrase.endswith("$"):
        pattern = r"(?<![a-z0-9])" + re.escape(phrase[:-1]) + r"(?![a-z0-9])"
    elif phrase in _COMPOUND_STEMS:
        pattern = re.escape(phrase)
    elif len(phrase) <= 4 or " " in phrase:
        pattern = r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])"
    else:
        pattern = r"(?<![a-z0-9])" + re.escape(phrase)
    return [m.start() for m in re.finditer(pattern, text)]


def _negated(text: str, position: int) -> bool:
    before = text[max(0, position - 14):position]
    return bool(re.search(r"\b(?:niet|geen|nooit)\b(?: (?:in|uit|naar|het|de|bij))*\s*$", before))


def _find_country(text: str) -> Optional[str]:
    """The first foreign country the text mentions, leaving out one said with "niet" ("niet in Turkije")."""
    found: List[Tuple[int, str]] = []
    for country, names in COUNTRIES.items():
        for name in names:
            found += [(pos, country) for pos in _positions(text, name, whole=True) if not _negated(text, pos)]
    return min(found)[1] if found else None


def _read_place(text: str) -> Dict[str, Any]:
    country = _find_country(text)
    if any(_positions(text, w) for w in NOT_ABROAD_WORDS):
        return {"route_place": "nederland", "route_country": None}
    if country:
        return {"route_place": "buitenland", "route_country": country}
    abroad = [p for w in ABROAD_WORDS for p in _positions(text, w)]
    if abroad:
        return {"route_place": "buitenland"}
    dutch = [(p, _negated(text, p)) for w in DUTCH_PLACES for p in _positions(text, w, whole=True)]
    if any(not neg for _, neg in dutch):
        # "nederlands/nederlandse" alone may describe the bureau or doctor rather than the place
        strong = [p for w in DUTCH_PLACES if w not in ("nederlands", "nederlandse", "hollandse")
                  for p in _positions(text, w, whole=True) if not _negated(text, p)]
        if not strong and re.search(r"\bnederlands[e]? (?:bureau|bemiddel|reis|agent|tussen)", text):
            return {}
        return {"route_place": "nederland", "route_country": None}
    if any(neg for _, neg in dutch):
        return {"route_place": "buitenland"}
    return {}


def _first_group(text: str, groups: Dict[str, Tuple[str, ...]]) -> Optional[str]:
    for value, words in groups.items():
        if any(_positions(text, w) for w in words):
            return value
    return None


_GAG = re.compile(r"\b(?:mag|mocht|mogen|mochten|moet|moest)\b(?:\s+\w+){0,3}?\s+(?:niet|niks|niets|nergens)\b"
                  r"(?:\s+\w+){0,3}?\s+(?:zeggen|praten|vertellen|delen|posten|schrijven|melden)\b|"
                  r"\b(?:mond|kop)\s+(?:houden|dicht)\b")


_UNHAPPY_WITH = re.compile(r"\b(?:niet tevreden|ontevreden|niet blij)\s+(?:over|met)\s+(?:mijn|het|de|m'n|mn)\s+(\w+)")
_ABOUT_THE_ANSWER = {"antwoord", "reactie", "afhandeling", "klachtafhandeling", "klacht", "oplossing", "uitleg",
                     "brief", "mail", "email"}


def _read_problem(text: str) -> Optional[str]:
    value = _first_group(text, PROBLEM_WORDS)
    if value in (None, "implantaat", "bejegening", "complicatie") and _GAG.search(text):
        value = "zwijg"
    if value == "complicatie" and re.search(r"\bniet tevreden\b", text) and re.search(
            r"\b(?:antwoord|reactie|afhandeling)\b", text) and not re.search(r"\bresultaat\b", text):
        return None
    unhappy = _UNHAPPY_WITH.search(text)
    if value is None and unhappy and unhappy.group(1) not in _ABOUT_THE_ANSWER:
        value = "complicatie"  # "niet tevreden over mijn neuscorrectie": the result
    if value == "zwijg" and not re.search(r"zwijg|nda|geheimhouding|mond|praten|zeggen|vertellen|druk|stil",
                                          text):
        # "review"/"verwijderen" alone: only with pressure or a contract
        if not re.search(r"\b(?:moet|moest|moeten|wil(?:len)?|eisen|eist|eiste|vragen|vroeg|dwingen|dwong)\b",
                         text):
            return None
    return value


def _read_complained(text: str, requested: bool) -> Optional[str]:
    value = _first_group(text, COMPLAINED_WORDS)
    if value == "wacht" and re.search(r"\bwacht(?:en)?\b.*\b(?:op (?:de|mijn) (?:operatie|behandeling|afspraak))",
                                      text):
        value = None
    if value:
        return value
    if requested:
        unhappy = _UNHAPPY_WITH.search(text)
        about_result = bool(unhappy and unhappy.group(1) not in _ABOUT_THE_ANSWER)
        if re.search(r"\b(?:niet tevreden|ontevreden)\b", text) and not about_result:
            return "ontevreden"
        if _BARE_YES.match(text):
            return "onbekend"  # complained, but whether an answer came is not known: the route covers both
    return None


def read_answers(text: str, requested_slot: Optional[str] = None) -> Dict[str, Any]:
    """What a free-text message answers, as slot values: "mijn operatie in Turkije via een bureau is mislukt" →
    route_place buitenland, route_country Turkije, route_provider bureau, route_problem complicatie.

    "weet ik niet", a bare "nee"/"ja" and "iets anders" count only for the slot that was asked for
    (`requested_slot`). Typos and missing accents are tolerated."""
    folded = _fold(text)
    if not folded or folded.startswith("/"):
        return {}
    clean = _correct(folded)
    out: Dict[str, Any] = {}
    out.update(_read_place(clean))
    provider = _first_group(clean, PROVIDER_WORDS)
    if provider:
        out["route_provider"] = provider
    problem = _read_problem(clean)
    if problem:
        out["route_problem"] = problem
    complained = _read_complained(clean, requested_slot == "route_complained")
    if complained:
        out["route_complained"] = complained

    if requested_slot in ALLOWED and requested_slot not in out:
        bare = re.sub(r"^(?:nee|ja|uh+m*|hmm+|eh+)[, ]+", "", clean)
        if _UNKNOWN.search(clean) and len(clean.split()) <= 8:
            out[requested_slot] = "onbekend"
        elif requested_slot == "route_complained" and _BARE_NO.match(clean) and len(out) == 0:
            out[requested_slot] = "nee"
        elif requested_slot == "route_problem" and (_OTHER.match(clean) or _OTHER.match(bare)):
            out[requested_slot] = "onbekend"
    return out


# ---------------------------------------------------------------------------------------------------------------
# The route

@dataclass(frozen=True)
class Step:
    text: str
    sources: Tuple[str, ...]


def _wkkgz(*articles: str) -> str:
    return "Wkkgz, " + ", ".join(f"artikel {a}" for a in articles) + f" · {WKKGZ_URL}"


def _kv(*questions: int) -> str:
    return "; ".join(f"Kamervragen 2021Z09590, vraag {q} · {KAMERVRAGEN_URL}" for q in questions)


RIJKSOVERHEID_WHO_MAY_TREAT = ("Rijksoverheid · https://www.rijksoverheid.nl/onderwerpen/cosmetische-ingrepen/"
                               "vraag-en-antwoord/mag-mijn-behandelaar-de-cosmetische-ingreep-uitvoeren")
EERSTE_KAMER_GAG_BAN = "Eerste Kamer · https://www.eerstekamer.nl/wetsvoorstel/35771_zwijgbedingen_in_jeugdzorg"

PROVIDER_LABEL = {
    "arts": "bij een arts of kliniek",
    "salon": "bij een schoonheidssalon",
    "bureau": "en een bureau regelde het",
}
PROBLEM_LABEL = {
    "complicatie": "Het gaat om een complicatie of een slecht resultaat.",
    "implantaat": "Het gaat om klachten door een implantaat.",
    "zwijg": "Het gaat om druk of een zwijgcontract.",
    "bedreiging": "Je wordt bedreigd.",
    "bejegening": "Het gaat om hoe je bent behandeld: niet netjes of niet met respect.",
    "overlijden": "Iemand is overleden.",
}
COMPLAINED_LABEL = {
    "nee": "Je hebt nog niet geklaagd.",
    "wacht": "Je wacht nog op antwoord op je klacht.",
    "ontevreden": "Je hebt geklaagd, maar het antwoord helpt je niet.",
}


def _value(slots: Dict[str, Any], name: str) -> str:
    value = slots.get(name)
    return value if value in ALLOWED.get(name, ()) else "onbekend"


def offers_deadline_dates(slots: Dict[str, Any]) -> bool:
    """Whether the route offers to work out the answer dates (the 6 + 4 weeks of Wkkgz art. 17)."""
    return (_value(slots, "route_complained") == "wacht"
            and _value(slots, "route_place") != "buitenland"
            and _value(slots, "route_provider") != "salon")


def build_route(slots: Dict[str, Any]) -> List[str]:
    """The messages of a personal complaint route: an intro, then numbered steps, each with its `Bron:` line."""
    place = _value(slots, "route_place")
    provider = _value(slots, "route_provider")
    problem = _value(slots, "route_problem")
    complained = _value(slots, "route_complained")
    country = (slots.get("route_country") or "").strip() or None
    if place != "buitenland":
        country = None

    steps: List[Step] = []
    if problem in ("complicatie", "implantaat"):
        steps.append(_step_care_first(abroad=place == "buitenland"))
    if problem == "bedreiging":
        steps.append(_step_threat())
    if place == "nederland":
        steps += _steps_netherlands(provider, problem, complained)
    elif place == "buitenland":
        steps += _steps_abroad(country, provider, problem, complained)
    else:
        steps += _steps_place_unknown(provider, problem, complained)
    steps.append(_step_lmz(place))

    messages = [_intro(place, country, provider, problem, complained)]
    for number, step in enumerate(steps, start=1):
        messages.append(f"{number}. {step.text}\n\nBron: {'; '.join(step.sources)}")
    return messages


def _intro(place: str, country: Optional[str], provider: str, problem: str, complained: str) -> str:
    if place == "nederland":
        where = "in Nederland"
    elif place == "buitenland":
        where = f"in {country}" if country else "in het buitenland"
    else:
        where = None
    who = PROVIDER_LABEL.get(provider)
    if where and who:
        first = f"Je behandeling was {where}, {who}."
    elif where:
        first = f"Je behandeling was {where}."
    elif who:
        first = f"Je behandeling was {who}. Waar precies, weet je niet."
    else:
        first = "Je weet nog niet precies waar en bij wie je behandeling was. Dat is niet erg."
    parts = ["Dit is jouw route.", first, PROBLEM_LABEL.get(problem, ""), COMPLAINED_LABEL.get(complained, ""),
             "Volg de stappen hieronder."]
    return " ".join(p for p in parts if p)


# Steps in the Netherlands -----------------------------------------------------------------------------------------

def _steps_netherlands(provider: str, problem: str, complained: str) -> List[Step]:
    steps: List[Step] = []
    if problem == "zwijg":
        steps.append(_step_gag_clause_nl())
    if problem == "overlijden":
        steps.append(_step_death_nl())
    if problem == "bejegening":
        steps.append(_step_respect())
    if provider == "salon":
        steps.append(_step_salon_may_not())
        steps.append(_step_salon_complaint(complained))
    else:
        if provider == "onbekend":
            steps.append(_step_who_treated())
        if problem == "complicatie":
            steps.append(_step_tell_incidents())
        steps += _steps_complaint_nl(complained, provider)
        if provider == "bureau":
            steps.append(_step_bureau_nl())
    steps += _steps_problem_reports(problem, abroad=False, provider=provider)
    return steps


def _who(provider: str) -> str:
    return {"bureau": "de kliniek die je behandelde", "onbekend": "de zorgaanbieder"}.get(provider, "de kliniek")


def _step_complain_first(provider: str, short: bool = False, lead: str = "") -> Step:
    who = _who(provider)
    text = (f"{lead}Klaag eerst bij {who} zelf. Elke zorgaanbieder moet een klachtenregeling hebben. "
            "Schrijf je klacht op, in een brief of e-mail. Bewaar een kopie. ")
    if not short:
        text += "Vraag ook naar de klachtenfunctionaris. Die helpt je gratis met je klacht. "
    text += ("Je krijgt binnen 6 weken een schriftelijk antwoord. "
             "Dat mag hoogstens 4 weken later worden, als ze je dat op tijd laten weten.")
    sources = ("13", "14", "15", "17") if not short else ("13", "14", "17")
    return Step(text, (_wkkgz(*sources),))


def _step_waiting(provider: str, lead: str = "") -> Step:
    who = _who(provider)
    text = (f"{lead}Wacht op het antwoord van {who}. Dat moet binnen 6 weken na je klacht komen, schriftelijk. "
            "Heeft de zorgaanbieder meer tijd nodig? Dan mag dat hoogstens 4 weken langer. "
            "Dat moet hij je binnen de 6 weken schriftelijk laten weten. "
            "Wil je de precieze data weten? Geef me de datum van je klacht. Dan reken ik ze voor je uit.")
    return Step(text, (_wkkgz("17 lid 1", "17 lid 2"),))


def _step_dispute(lead: str) -> Step:
    gc = organisation("geschillencommissie_zorg")
    text = (f"{lead} Dan stap je naar de geschilleninstantie van je zorgaanbieder. "
            "Elke zorgaanbieder moet daarbij aangesloten zijn. Bijvoorbeeld bij De Geschillencommissie Zorg. "
            "Je dient je klacht daar schriftelijk in. Doe dat binnen een jaar na je klacht bij de zorgaanbieder. "
            f"Het kost meestal {gc.extra.get('fee', '€ 52,50')}. Krijg je gelijk? Dan krijg je dat geld terug. "
            "Binnen 6 maanden doet de instantie uitspraak. Die uitspraak is bindend. "
            "Je kunt tot in ieder geval € 25.000 vergoeding voor schade krijgen.")
    return Step(text, (_wkkgz("18 lid 1", "19 lid 1", "20", "21 lid 1", "22 lid 1"),)
                + tuple(s.cite() for s in gc.sources))


def _steps_complaint_nl(complained: str, provider: str) -> List[Step]:
    if complained == "nee":
        return [_step_complain_first(provider),
                _step_dispute("Lost je klacht het probleem niet op? Of krijg je niet op tijd antwoord?")]
    if complained == "wacht":
        return [_step_waiting(provider),
                _step_dispute("Krijg je geen antwoord op tijd? Of helpt het antwoord je niet?")]
    if complained == "ontevreden":
        return [_step_dispute("Helpt het antwoord op je klacht je niet?")]
    return [_step_complain_first(provider, lead="Heb je nog niet geklaagd? "),
            _step_dispute("Heb je al geklaagd, en helpt het antwoord niet? Of kwam er geen antwoord op tijd?")]


def _step_gag_clause_nl() -> Step:
    text = ("Moest je een zwijgcontract tekenen? Een afspraak dat je niet mag praten over een incident in de zorg "
            "is nietig. Dat betekent: de afspraak geldt niet. Dat geldt voor afspraken vanaf 1 juli 2023. "
            "Je mag dus klagen, een review schrijven en het incident melden. Zet de kliniek je onder druk? "
            "Meld dat bij het LMZ. De inspectie kan optreden tegen zwijgcontracten.")
    return Step(text, (_wkkgz("11.0a lid 2", "11.0a lid 3"), _kv(1, 7), EERSTE_KAMER_GAG_BAN))


def _step_death_nl() -> Step:
    text = ("Wat erg dat je iemand hebt verloren. Als nabestaande mag je ook een klacht indienen. "
            "En je mag naar de geschilleninstantie. De zorgaanbieder moet je meteen vertellen wat er is misgegaan. "
            "Een calamiteit moet hij direct melden bij de inspectie (IGJ). Vraag de zorgaanbieder of dat is gebeurd.")
    return Step(text, (_wkkgz("10 lid 3", "11 lid 1", "14 lid 1", "21 lid 1"),))


def _step_respect() -> Step:
    text = ("Respect hoort bij goede zorg. Een zorgaanbieder moet je met respect behandelen. "
            "Dat staat in de wet. Schrijf in je klacht precies op wat er gebeurde. Wat werd er gezegd, door wie, "
            "en wanneer? Doe dat zo snel mogelijk, nu je het nog goed weet.")
    return Step(text, (_wkkgz("2 lid 1", "2 lid 2"),))


def _step_care_first(abroad: bool) -> Step:
    """A complication starts with medical care, before any complaint (data/knowledge/safety.yml)."""
    safety = load_yaml("safety")
    entry, known = safety["route_care_first"], safety["sources"]
    return Step(" ".join(entry["abroad" if abroad else "nl"].split()),
                tuple(Source(known[k]["document"], known[k]["url"]).cite() for k in entry["sources"]))


def _step_tell_incidents() -> Step:
    text = ("Vraag de kliniek om uitleg. Ging er iets mis met gevolgen voor jou? Dan moet de kliniek je dat meteen "
            "vertellen. Ze moet het ook opschrijven in je dossier. En ze moet zeggen hoe de gevolgen kleiner "
            "kunnen worden.")
    return Step(text, (_wkkgz("10 lid 3"),))


def _step_who_treated() -> Step:
    big = organisation("big_register")
    text = ("Zoek eerst uit wie je behandelde. Kijk op je rekening, je afspraak of je papieren. "
            "Zoek de naam op in het BIG-register. Daar zie je of iemand bijvoorbeeld arts is. "
            "Alleen een arts mag spuiten of snijden, zoals bij botox en fillers. "
            "Deed iemand anders dat? Meld het dan bij het LMZ.")
    return Step(text, (big.source.cite(), RIJKSOVERHEID_WHO_MAY_TREAT))


def _step_salon_may_not(lead: str = "Een schoonheidssalon") -> Step:
    lmz = organisation("lmz")
    text = (f"{lead} mag niet spuiten of snijden. Botox, fillers en snijden mag alleen een arts doen. "
            f"Deed de salon dat toch? Meld het dan bij het Landelijk Meldpunt Zorg (LMZ): {lmz.phone}. "
            "Bel op werkdagen tussen 9:00 en 17:00 uur. Het LMZ zegt welke stappen je kunt zetten.")
    return Step(text, (RIJKSOVERHEID_WHO_MAY_TREAT, lmz.source.cite()))


def _step_salon_complaint(complained: str) -> Step:
    loket = organisation("klachtenloket_zorg")
    if complained == "wacht":
        lead = "Je wacht op antwoord van de salon. Duurt het te lang?"
    elif complained == "ontevreden":
        lead = "Helpt het antwoord van de salon je niet?"
    else:
        lead = ("Klaag ook bij de salon zelf. Schrijf je klacht op en bewaar een kopie. "
                "Bewaar ook foto's en berichten. Doe dat snel, nu je alles nog goed weet. Lukt het niet?")
    text = (f"{lead} Vraag dan gratis advies bij het Klachtenloket Zorg. "
            "Het loket kan ook bemiddelen tussen jou en de salon.")
    return Step(text, (loket.source.cite(),))


def _step_bureau_nl() -> Step:
    text = ("Ook het bureau kan onder de wet vallen. Dat hangt af van wat het bureau deed. "
            "Gaf het zelf zorg, zoals een diagnose, medicijnen of nazorg? Dan moet het je klacht afhandelen "
            "zoals de wet vraagt. De inspectie (IGJ) houdt dan toezicht op die zorg in Nederland. "
            "Regelde het bureau alleen de reis of een website? Dat is geen zorg.")
    return Step(text, (_kv(2, 4),))


def _steps_problem_reports(problem: str, abroad: bool, provider: str) -> List[Step]:
    steps: List[Step] = []
    if problem in ("complicatie", "onbekend"):
        steps.append(_step_report_complication(brief=problem == "onbekend"))
    if problem == "complicatie" and not abroad and provider != "salon":
        steps.append(_step_disciplinary())
    if problem == "implantaat":
        steps.append(_step_implant_data(abroad))
        steps.append(_step_rivm())
    if problem == "onbekend":
        steps.append(_step_rivm(brief=True))
    return steps


def _step_report_complication(brief: bool = False) -> Step:
    nvcg, nvpc = organisation("nvcg"), organisation("nvpc")
    lead = "Gaat het om een complicatie? " if brief else ""
    text = (f"{lead}Meld het ook bij een meldpunt van de artsen. De NVCG heeft een meldpunt voor misstanden: "
            "nvcg.nl/meldpunt. Dat mag anoniem. Ook de plastisch chirurgen (NVPC) hebben een meldpunt. "
            "En de NVPC houdt sinds 1 mei 2022 een register van cosmetische complicaties bij. "
            "Melden kan op elk moment, naast je klacht.")
    return Step(text, (nvcg.source.cite(), _kv(2), nvpc.more_sources[0].cite()))


def _step_disciplinary() -> Step:
    tucht, big = organisation("tuchtcollege"), organisation("big_register")
    text = ("Staat je behandelaar in het BIG-register, zoals een arts? Dan valt hij onder het tuchtrecht. "
            "Je kunt dan ook klagen bij het tuchtcollege. Dat kan naast je klacht bij de kliniek. "
            "Zoek de naam van je behandelaar op in het BIG-register. Daar zie je ook eerdere maatregelen.")
    return Step(text, (tucht.source.cite(), big.source.cite()))


def _step_implant_data(abroad: bool) -> Step:
    register = organisation("implantatenregister")
    if abroad:
        text = ("Vraag de kliniek om de gegevens van je implantaat, zoals het merk en het type. "
                "Bewaar ze goed. Een arts in Nederland moet je die gegevens op papier geven. "
                "Voor een kliniek in het buitenland geldt die Nederlandse regel niet.")
        return Step(text, (_wkkgz("7b lid 3"), _kv(9)))
    text = ("Vraag de kliniek om de gegevens van je implantaat, zoals het merk en het type. "
            "Je arts moet je die gegevens op papier geven. Dat moet binnen een maand, bijvoorbeeld op een "
            "implantaatkaart. Ze staan ook in het Landelijk Implantatenregister.")
    return Step(text, (_wkkgz("7a lid 1", "7b lid 3"), register.source.cite()))


def _step_rivm(brief: bool = False) -> Step:
    rivm = organisation("rivm_meldpunt")
    if brief:
        text = ("Gaat het om een implantaat? Meld je klachten dan ook bij het meldpunt van het RIVM: "
                "rivm.nl/meldpunt-bijwerkingen-implantaten. Dat kan op elk moment.")
    else:
        text = ("Meld je klachten ook bij het Meldpunt Bijwerkingen Implantaten van het RIVM: "
                "rivm.nl/meldpunt-bijwerkingen-implantaten. Dat kan op elk moment, ook als patiënt. "
                "Het meldpunt lost je klacht niet op. Maar het kan patiënten en artsen waarschuwen als dat nodig is.")
    return Step(text, (rivm.source.cite(),))


def _step_threat() -> Step:
    police = organisation("politie")
    text = ("Word je bedreigd? Dan gaat je veiligheid voor. Ben je in direct gevaar? Bel dan meteen "
            f"{police.extra.get('emergency', '112')}. Anders bel je de politie op {police.phone}. Doe aangifte. "
            "Bewaar berichten en schermafbeeldingen als bewijs.")
    return Step(text, (police.source.cite(),))


def _step_lmz(place: str) -> Step:
    lmz = organisation("lmz")
    text = (f"Wil je hulp bij je volgende stap? Bel het Landelijk Meldpunt Zorg (LMZ): {lmz.phone}. "
            "Dat kan op werkdagen van 9:00 tot 17:00 uur. Je mag anoniem bellen. "
            "Het LMZ zegt welke stappen je kunt zetten. Het lost je klacht niet zelf op.")
    sources = (lmz.source.cite(), _kv(2))
    if place != "buitenland":
        loket = organisation("klachtenloket_zorg")
        text += " Gratis advies krijg je ook bij het Klachtenloket Zorg."
        sources += (loket.source.cite(),)
    return Step(text, sources)


# Steps abroad -------------------------------------------------------------------------------------------------------

def _steps_abroad(country: Optional[str], provider: str, problem: str, complained: str) -> List[Step]:
    clinic = f"de kliniek in {country}" if country else "de kliniek in het buitenland"
    steps = [_step_abroad_not(clinic)]
    if problem == "zwijg":
        steps.append(_step_gag_clause_abroad(provider))
    if problem == "overlijden":
        steps.append(_step_death_abroad(clinic))
    if provider == "salon":
        steps.append(Step(
            "In Nederland mag alleen een arts spuiten of snijden, zoals bij botox en fillers. "
            "Voor een salon in het buitenland gelden de regels van dat land.",
            (RIJKSOVERHEID_WHO_MAY_TREAT, _kv(9))))
    steps.append(_step_complain_abroad(clinic, complained))
    if provider == "bureau":
        steps.append(_step_bureau_abroad())
    steps.append(_step_aftercare_nl())
    steps += _steps_problem_reports(problem, abroad=True, provider=provider)
    return steps


def _step_abroad_not(clinic: str) -> Step:
    text = (f"Let op: {clinic} valt niet onder de Nederlandse wet. De Nederlandse regels voor klachten gelden daar "
            "dus niet. De inspectie (IGJ) houdt geen toezicht op zorg in het buitenland. "
            "Ook het Nederlandse verbod op zwijgcontracten geldt niet voor die kliniek.")
    return Step(text, (_kv(9), "NU.nl · https://nu.nl/binnenland/6180556"))


def _step_complain_abroad(clinic: str, complained: str) -> Step:
    keep = "Bewaar alles: foto's, berichten en rekeningen."
    if complained == "wacht":
        text = (f"Je wacht op antwoord van {clinic}. De Nederlandse termijn van 6 weken geldt daar niet. "
                f"Vraag de kliniek schriftelijk wanneer je antwoord krijgt. {keep}")
    elif complained == "ontevreden":
        text = (f"Helpt het antwoord van {clinic} je niet? De Nederlandse regels voor een geschilleninstantie "
                f"gelden niet voor die kliniek. Kijk welke regels er in dat land gelden. {keep}")
    elif complained == "nee":
        text = (f"Klaag bij {clinic} zelf. Daar gelden de regels van dat land. Schrijf je klacht op en bewaar "
                f"een kopie. {keep} Doe het snel, nu je alles nog goed weet.")
    else:
        text = (f"Heb je nog niet geklaagd? Klaag dan bij {clinic} zelf, volgens de regels van dat land. "
                f"Heb je al geklaagd, en helpt het niet? Dan gelden ook daarna de regels van dat land. {keep}")
    return Step(text, (_kv(9),))


def _step_bureau_abroad() -> Step:
    text = ("Het bemiddelingsbureau valt soms wel onder de Nederlandse wet. Dat hangt af van wat het deed. "
            "Gaf het bureau in Nederland zelf zorg? Bijvoorbeeld een diagnose, medicijnen of nazorg? "
            "Dan moet het je klacht over die zorg afhandelen zoals de wet vraagt. Klaag daarover bij het bureau. "
            "Regelde het bureau alleen je reis of een website? Dat is geen zorg.")
    return Step(text, (_kv(2, 4),))


def _step_aftercare_nl() -> Step:
    text = ("Krijg je nazorg van een arts in Nederland? Dat is wel zorg in Nederland. Daarvoor gelden de "
            "Nederlandse regels. De inspectie (IGJ) houdt toezicht op die zorg in Nederland. "
            "Heb je een klacht over die nazorg? Klaag dan bij die arts of kliniek in Nederland.")
    return Step(text, (_kv(4),))


def _step_gag_clause_abroad(provider: str) -> Step:
    text = ("Moest je een zwijgcontract tekenen? In Nederland is zo'n afspraak over een incident nietig. "
            "Maar dat verbod geldt niet voor een kliniek in het buitenland. ")
    if provider in ("bureau", "onbekend"):
        text += ("Gaf een Nederlands bureau zelf zorg? Dan valt het bureau wel onder de Nederlandse wet. "
                 "Een zwijgafspraak met dat bureau is dan nietig. ")
    text += "Met je ervaring kun je altijd terecht bij het LMZ."
    return Step(text, (_wkkgz("11.0a lid 2"), _kv(2, 9)))


def _step_death_abroad(clinic: str) -> Step:
    text = (f"Wat erg dat je iemand hebt verloren. De Nederlandse regels voor nabestaanden gelden niet voor "
            f"{clinic}. Je kunt wel advies vragen bij het LMZ. Ook als familie of naaste kun je daar terecht.")
    return Step(text, (_kv(2, 9),))


# Place unknown: both cases, briefly -------------------------------------------------------------------------------

def _steps_place_unknown(provider: str, problem: str, complained: str) -> List[Step]:
    steps = [Step(
        "Zoek eerst uit waar de kliniek zit. Kijk op je rekening, je afspraak of de website. Dat maakt uit. "
        "Een kliniek in Nederland valt onder de Nederlandse wet. Een kliniek in het buitenland niet.",
        (_kv(9),))]
    if problem == "zwijg":
        steps.append(Step(
            "Moest je tekenen dat je niet mag praten over een incident in de zorg? Bij een zorgaanbieder in "
            "Nederland is zo'n afspraak nietig. Hij geldt dan niet. Dat geldt voor afspraken vanaf 1 juli 2023. "
            "Voor een kliniek in het buitenland geldt dat verbod niet.",
            (_wkkgz("11.0a lid 2", "11.0a lid 3"), _kv(9), EERSTE_KAMER_GAG_BAN)))
    if problem == "overlijden":
        steps.append(Step(
            "Wat erg dat je iemand hebt verloren. Zat de zorgaanbieder in Nederland? Dan mag je als nabestaande "
            "klagen. Een calamiteit moet hij melden bij de inspectie (IGJ). Voor een kliniek in het buitenland "
            "gelden die regels niet.",
            (_wkkgz("11 lid 1", "14 lid 1"), _kv(9))))
    if problem == "bejegening":
        steps.append(_step_respect_either())
    if provider == "salon":
        steps.append(_step_salon_may_not("In Nederland mag een schoonheidssalon"))
    lead = "Zit de kliniek in Nederland? "
    if complained == "wacht":
        steps.append(_step_waiting(provider, lead=lead))
    elif complained in ("nee", "onbekend"):
        steps.append(_step_complain_first(provider, short=True, lead=lead))
    steps.append(_step_dispute(
        "Zit de kliniek in Nederland, en lost je klacht het probleem niet op?" if complained != "ontevreden"
        else "Zit de kliniek in Nederland, en helpt het antwoord op je klacht je niet?"))
    steps.append(Step(
        "Zit de kliniek in het buitenland? Klaag dan bij de kliniek zelf, volgens de regels van dat land. "
        "De Nederlandse regels voor klachten gelden daar niet. En de inspectie (IGJ) houdt er geen toezicht op.",
        (_kv(9), "NU.nl · https://nu.nl/binnenland/6180556")))
    if provider == "bureau":
        steps.append(_step_bureau_nl())
    steps += _steps_problem_reports(problem, abroad=True, provider=provider) if problem != "implantaat" else [
        _step_implant_either(), _step_rivm()]
    return steps


def _step_respect_either() -> Step:
    text = ("Respect hoort bij goede zorg. Een zorgaanbieder in Nederland moet je met respect behandelen. "
            "Schrijf in je klacht precies op wat er gebeurde. Wat werd er gezegd, door wie, en wanneer?")
    return Step(text, (_wkkgz("2 lid 2"),))


def _step_implant_either() -> Step:
    text = ("Vraag de kliniek om de gegevens van je implantaat, zoals het merk en het type. "
            "Een arts in Nederland moet je die gegevens op papier geven. Voor een kliniek in het buitenland "
            "geldt die regel niet. Bewaar de gegevens goed.")
    return Step(text, (_wkkgz("7b lid 3"), _kv(9)))


# ---------------------------------------------------------------------------------------------------------------
# Reading a message in the form

def answers_from_message(message: Dict[str, Any], requested_slot: Optional[str]) -> Dict[str, Any]:
    """All route answers in one user message (a tracker's `latest_message`): button entities first, then the
    text. Empty when the message is urgent or a stop, or a question that says nothing about the slot asked for."""
    intent = ((message or {}).get("intent") or {}).get("name") or ""
    text = (message or {}).get("text") or ""
    if intent in SKIP_INTENTS:
        return {}
    values: Dict[str, Any] = {}
    for entity in (message or {}).get("entities") or []:
        name, value = entity.get("entity"), entity.get("value")
        if name in ALLOWED and isinstance(value, str):
            value = value.strip().lower()
            if value in ALLOWED[name]:
                values[name] = value
        elif name == "route_country" and isinstance(value, str) and value.strip():
            values[name] = value.strip()
    if not text.startswith("/"):
        for name, value in read_answers(text, requested_slot).items():
            values.setdefault(name, value)
    base_intent = intent.split("/")[0]
    if requested_slot not in values and (base_intent in OTHER_RULE_INTENTS or (
            base_intent in QUESTION_INTENTS and is_question(text))):
        return {}
    return values


class ValidateComplaintRouteForm(FormValidationAction):
    """Fills the route slots from buttons and free text; a later answer corrects an earlier one."""

    def name(self) -> Text:
        return "validate_complaint_route_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        # route_country is read along with the others, but never asked for: see next_requested_slot
        return list(domain_slots) + [s for s in ("route_country",) if s not in domain_slots]

    async def next_requested_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Optional[Dict[Text, Any]]:
        return None  # Rasa asks for the next empty slot of the form in domain.yml

    def _answers(self, tracker: Tracker) -> Dict[str, Any]:
        return answers_from_message(tracker.latest_message, tracker.get_slot("requested_slot"))

    def _one(self, tracker: Tracker, slot: str) -> Dict[Text, Any]:
        answers = self._answers(tracker)
        return {slot: answers[slot]} if slot in answers else {}

    async def extract_route_place(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._one(tracker, "route_place")

    async def extract_route_country(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        answers = self._answers(tracker)
        if "route_country" in answers:
            if answers["route_country"] is None and tracker.get_slot("route_country") is None:
                return {}
            return {"route_country": answers["route_country"]}
        if answers.get("route_place") == "nederland" and tracker.get_slot("route_country") is not None:
            return {"route_country": None}
        return {}

    async def extract_route_provider(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._one(tracker, "route_provider")

    async def extract_route_problem(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._one(tracker, "route_problem")

    async def extract_route_complained(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._one(tracker, "route_complained")

    async def validate_route_country(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return {"route_country": value.strip() if isinstance(value, str) and value.strip() else None}


class ActionComplaintRoute(Action):
    """Sends the personal route, then empties the route slots for a next time."""

    def name(self) -> Text:
        return "action_complaint_route"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        slots = {name: tracker.get_slot(name) for name in ROUTE_SLOTS}
        messages = build_route(slots)
        for i, message in enumerate(messages):
            last = i == len(messages) - 1
            if last and offers_deadline_dates(slots):
                dispatcher.utter_message(text=message, buttons=[
                    {"title": "Reken de data uit", "payload": "/ask_deadline"}])
            else:
                dispatcher.utter_message(text=message)
        return [SlotSet(name, None) for name in ROUTE_SLOTS]
