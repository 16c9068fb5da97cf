"""Plain checks for danger in a message: suicidal thoughts, self-harm, a threat, a medical emergency, and a medical
worry that is no emergency. They read the text as people type it (no capitals, typos, Flemish, a little English)
and must not depend on how well a model generalises.

`assess(text)` gives the kind of danger and the language of the signal, or None. A medical emergency that a story
tells as over ("vorig jaar kon ik slecht ademen, nu gaat het goed") is `past_symptoms`: the question is answered,
with one short safety line.

Patterns work on folded text (lower case, no accents, one space between words; see `fold`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Pattern


def fold(text: str) -> str:
    """Lower case, accents off, one space between words; curly apostrophes become straight ones."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", text).strip()


def _compile(patterns: List[str]) -> List[Pattern[str]]:
    return [re.compile(p) for p in patterns]


def _any(patterns: List[Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


ME = r"(?:mezelf|mijzelf|me zelf|mij zelf)"
BODY = (r"(?:(?:linker|rechter)?(?:huid|plek|plekje|puntje|neuspuntje|bil|billen|kont|lip|lippen|mond|neus|neuspunt|wang|wangen|voorhoofd|kin|borst|borsten|"
        r"tepel|tepels|gezicht|oog|ogen|ooglid|wond|buik|been|arm|vinger|gebied|kaak|slaap|jukbeen|traangoot))")
PROCEDURE = (r"(?:filler|fillers|botox|behandeling|ingreep|operatie|injectie|prik|prikken|bbl|lipo|liposuctie|"
             r"vetinjectie|lipofilling|ooglidcorrectie|neuscorrectie|facelift|implantaat|implantaten|"
             r"borstvergroting|buikwandcorrectie|haartransplantatie|draadlift|kliniek)")

# --- suicidal thoughts and despair --------------------------------------------------------------------------
SUICIDAL_NL = _compile([
    r"\bzelfmoord", r"\bsu[iy]?cid", r"\bzelfdoding", r"\blevensmoe\b", r"\bafscheidsbrie",
    r"\bniet meer (willen |wil )?(leven|bestaan)\b", r"\bwil(de|len)? (gewoon |liever |echt |eigenlijk )*dood\b",
    r"\b(ik )?(wil|wou|wilde) (gewoon |echt )?(er )?(niet meer|nie meer) (zijn|leven|bestaan|wakker worden)\b",
    r"\bdood (wil|willen|zijn|gaan) (is|lijkt|zou)\b", r"\b(liever|beter) dood\b", r"\bwas ik (maar|gewoon) dood\b",
    r"\b(wou|wilde|zou willen) dat ik (dood|er niet meer) (was|ben|zou zijn)\b",
    r"\beind(e)? aan (mijn leven |m'?n leven |het leven |alles |het |mezelf )?(maken|te maken|stellen|brengen)\b",
    r"\b(mezelf|mijzelf) (iets |wat )?(aan ?doen|aan te doen|van kant|van het leven)", r"\b(mij|me) van (kant|het leven)",
    r"\bvan kant (maken|te maken)\b", r"\bophangen\b", r"\bvan het leven (te )?beroven\b",
    r"\bals ik er niet meer (was|ben|zou zijn)\b", r"\bmijn leven (te )?(be)?eindigen\b",
    r"\bzie (ik )?het (allemaal |echt |gewoon |nie )?(niet|nie) meer zitten\b", r"\b(niet|nie) meer zitten om\b", r"\bzie het (echt )?niet zitten meer\b",
    r"\bleven (heeft|had|is) (voor mij )?(geen zin|zinloos)\b", r"\bgeen zin (meer )?in (het|mijn|m'?n) leven\b",
    r"\b(het|alles) heeft (toch )?(allemaal )?geen (zin|nut) meer\b", r"\bheeft (het )?(toch )?allemaal geen zin\b",
    r"\b(kan|wil) (zo )?(niet|nie) (meer )?verder( leven| zo)?\b(?! (hier|daar|met|hiermee|ermee|mee))", r"\bwil (gewoon )?verdwijnen\b",
    r"\bhoeft (voor mij |van mij )?(allemaal |echt )?(niet|nie) meer\b",
    r"\bbeter (af )?zonder mij\b", r"\bzonder mij (beter|veel beter)\b", r"\bniemand (zou|zal|gaat) (me|mij) missen\b",
    r"\b(ben|blijf) (alleen maar |gewoon )?(een )?(last|blok aan het been) voor\b",
    r"\b(pillen|medicijnen|tabletten|slaappillen|slaapmiddel\w*|pammetjes|oxazepam)\b.{0,40}"
    r"\b(klaar ?liggen|liggen klaar|gespaard|verzameld|opgespaard|allemaal|in een keer|innemen|slikken)\b",
    r"\boverdosis\b", r"\b(voor|onder) (de|een) trein\b", r"\bop het spoor\b",
    r"\b(springen|spring) (van|vanaf|uit|voor)\b", r"\bvan (de|een) (brug|flat|dak) (af )?(springen|spring)\b",
    r"\b(ik )?kan (het |dit )?(niet|nie) meer( aan)?\s*[.!]*$", r"\bik kan niet meer\s*[.!,]",
    r"\b(ik )?(hou|houd) (het|dit) (niet|nie) (meer )?vol\b", r"\bik trek (het|dit) (niet|nie) meer\b",
    r"\bklaar (mee )?met (alles|het leven|leven)\b", r"\bben er klaar mee,? met alles\b",
    r"\bgeen reden (meer )?om (te leven|door te gaan)\b", r"\bniet meer wakker (worden|te worden)\b",
    r"\bvoor (mij|me)\b.{0,20}\bgeen zin\b", r"\bbeter af\b.{0,30}\bals ik\b.{0,15}\b(niet|nie)\b", r"\bgeen uitweg\b",
    r"^ik wil (gewoon |echt )?(niet|nie) meer\W*$", r"\bwat heeft (het|mijn) leven (nog )?(voor )?(een )?zin\b",
    r"\bnooit meer wakker\b", r"\bmijn leven is (voorbij|over)\b", r"\bwil (er )?niet meer zijn\b",
    r"\bbeter (af )?(is |zijn |zou zijn |zouden zijn |was |waren )?zonder (mij|me)\b",
    r"\b(dat|als) ik er (niet|nie) meer (ben|was|zou zijn)\b", r"\bbeter\b.{0,40}\bals\b.{0,25}\ber (niet|nie) meer (is|ben|was)\b",
    r"\bzin (meer )?(om|in) (door te gaan|te leven|verder te (gaan|leven)|leven)\b",
    r"\bwat heeft (het|dit|alles|mijn leven) (nog )?(voor )?(een )?zin\b.{0,10}\b(door te gaan|te leven|leven)\b",
    r"\beind(e)? aan\b.{0,20}\b(maak|maakt|maken|gemaakt|te maken|stellen|brengen)\b", r"\bmaak\w* (ik |je )?(er )?een eind(e)? aan\b",
    r"\b(sta|zit|ben|stond|zat) (nu |hier |al )*(op|bij|naast|aan) (het|de|een|ons) (spoor|spoorlijn|brug|dak|rand|spoorwegovergang)\b",
    r"\b(brug|spoor|spoorlijn|perron|dak|flat|flatgebouw|balkon|raam|viaduct|parkeergarage|toren)\b.{0,60}\b(springen|spring|gesprongen|naar beneden|naar het water|water te kijken|als de trein|kijk naar beneden)\b",
    r"\bwil\w* (\w+ ){0,3}(niet|nie|nier|nit|ni) meer (leven|zijn|bestaan)\b", r"\bwil ik (gewoon |echt )?dood\b",
    r"\b(pillen|pilletjes|pillekes|medicijnen|tabletten|slaappillen|slaapmiddel\w*|pammetjes|oxazepam|paracetamol|strips)\b.{0,60}"
    r"\b(klaar ?liggen|liggen (\w+ ){0,2}(klaar|naast)|klaargelegd|klaar gelegd|bij elkaar|gespaard|verzameld|opgespaard|"
    r"allemaal (in|tegelijk|innemen|slikken|nemen|opnemen)|in een keer|naast me|naast mij)\b",
    r"\btouw\b.{0,30}\b(gekocht|klaar|opgehangen|gehaald)\b", r"\bje weet wel waarvoor\b",
    r"\bjammer dat (het|ik) (\w+ )?(niet gelukt|nog leef|overleefd)", r"\b(expres|bewust|met opzet)\b.{0,40}\b(tegen een boom|voor de trein|gereden|ongeluk)\b",
    r"\bhoop (dat )?ik\b.{0,30}\b(ongeluk|doodga|dood ga|niet meer wakker|verongeluk|er niet meer)",
    r"\bpunt achter (mijn|m'?n|mn) leven\b", r"\bachter mijn leven\b", r"\bpunt achter\b.{0,20}\b(alles|het leven)\b",
    r"\b(brief|briefje|brieven|afscheid)\b.{0,30}\b(voor|aan|van) (mijn|m'?n|mn) (kinderen|kids|man|vrouw|ouders|moeder|mama|"
    r"vader|papa|familie|dochter|zoon|vriend|vriendin)\b.{0,20}\b(geschreven|schrijven|genomen|nemen)\b",
    r"\ber (\w+ )?(niet|nie) meer (ben|is|was|zou zijn)\b.{0,20}$|\bals ik er (\w+ )?(niet|nie) meer (ben|was)\b",
    r"\b(vanavond|vannacht|morgen) is (het|'?t) (gedaan|voorbij|afgelopen|klaar)\b",
    # settling affairs, saying goodbye
    r"\b(gegeven|weggegeven|gebracht|geregeld|op een rijtje|opgeruimd)\b.{0,80}\b(niet meer nodig|hoeft niet te weten|"
    r"klaar voor|ook geregeld|is dat (ook )?geregeld|denkt dat ik op reis)\b",
    r"\b(testament|wachtwoorden|levensverzekering)\b", r"\b(laatste bericht|afscheid genomen van)\b",
    r"\b(denk|dacht|denken)\b.{0,20}\b(aan )?(doodgaan|dood gaan|sterven|de dood|dood te gaan)\b",
    r"\bwaarom (ben|leef) ik (hier )?nog\b", r"\b(stoppen|ophouden|kappen) met (het )?leven\b",
    r"\bstuur om(gooi|gooien|trekken|te gooien)\b", r"\btegen een boom (rijden|aan rijden|te rijden)\b",
    r"\b(niet|nie|ni) meer wakker\b", r"\b(hebben|heeft) (me|mij) (toch )?(niet|nie) meer nodig\b",
    r"\bwat heeft (het|dit|alles) (allemaal )?(nog )?(voor )?(een )?zin\b(?!\s*(om|te|als|met)\b)",
    r"\b(dat het|alles) (op)?houdt\b.{0,25}\bvoor altijd\b", r"\bvoor altijd (weg|slapen|verdwijnen|rust)\b",
    r"\bverdwijnen voor altijd\b", r"\bwil (\w+ ){0,2}verdwijnen\b", r"\b(al )?bedacht hoe( en wanneer)?\b",
    r"\bbijna gesprongen\b", r"\b(wilde|wou) (\w+ )?springen\b",
    r"\b(medicatie|medicijnen|pillen|slaapmiddelen)\b.{0,40}\b(opgespaard|gespaard|klaargezet|klaar gezet|nog liggen|"
    r"liggen nog|in huis)\b.{0,60}\b(denk|denken|na te denken|serieus|vanavond|klaar)",
    r"\bklaargezet\b.{0,30}\bpillen\b|\bpillen\b.{0,30}\bklaargezet\b",
    # how to die with a means at hand
    r"\b(doodga\w*|dood gaan|dood ga|sterven|overlijden|pijnloos)\b.{0,60}\b(pillen|slaappillen|strip|tabletten|medicijnen|"
    r"paracetamol|overdosis|touw|trein|brug)\b",
    r"\b(pillen|slaappillen|strip|tabletten|medicijnen|paracetamol|touw)\b.{0,60}\b(doodga\w*|dood gaan|sterven|pijnloos)\b",
    r"\bstop ik ermee\b.{0,15}\bmet alles\b", r"\b(spoor|brug|trein|spoorlijn)\b.{0,20}\b(is )?(hier )?vlakbij\b",
    r"\blos (het|dit) op (mijn|m'?n) (eigen )?manier op\b", r"\bals (jullie|je|u) dit lee?st\b.{0,30}\b(ben ik|is het)\b",
    r"\b(ben ik|is het) (er )?(al )?(weg|voorbij|niet meer)\b.{0,20}\bsorry\b", r"\bals afscheid\b",
    r"\b(ben|zijn) (ik|we) er (\w+ ){0,2}(niet|nie) meer\b", r"\ber (\w+ ){0,2}(niet|nie) meer (ben|zal zijn|zou zijn)\b", r"\bik weet (al|ook al|allang) hoe\W*$",
    r"\bwaarom zou ik (nog )?(doorgaan|door gaan|verder gaan|blijven leven|leven)\b", r"\bik (wil|ga|zou|kan) (mij|me) (iets |wat )?(aan ?doen|aan te doen|van kant)",
])
# An attempt that has begun: the answer is 112 now.
ATTEMPT = _compile([
    r"\b(sta|zit|ben|stond) (nu |hier |al )*(op|bij|aan|naast) (het|de|een|ons) (dak|perron|spoor|spoorlijn|brug|rand|balkon|"
    r"spoorwegovergang)\b", r"\b(standing|sitting) on (a|the) (bridge|roof|ledge|tracks|platform)\b",
    r"\b(pols|polsen)\b.{0,30}\b(gesneden|doorgesneden|opengesneden|open gesneden)\b",
    r"\b(gesneden|doorgesneden)\b.{0,20}\b(pols|polsen)\b", r"\b(cut|slit) my wrists?\b",
    r"\b(took|taken|swallowed)\b.{0,30}\b(pills|tablets|meds|painkillers|sleeping pills|paracetamol|oxy\w*)\b",
    r"\b(heb|had)\b.{0,40}\b(pillen|slaappillen|tabletten|medicijnen|medicatie|strip|strips|paracetamol|oxazepam|"
    r"pammetjes)\b.{0,30}\b(genomen|ingenomen|geslikt|op)\b",
    r"\b(pillen|slaappillen|tabletten|medicijnen|strip|strips|paracetamol)\b.{0,20}\b(ingenomen|geslikt)\b",
    r"\boverdosis (genomen|ingenomen)\b", r"\b(took|taken|swallowed) (all |a lot of |a bottle of |a handful of )?(my )?(pills|tablets|meds)\b",
])
# Someone else says they will end their life: the person asks what to do for them.
OTHER_AT_RISK = _compile([
    r"\b(vriendin|vriend|zus|broer|moeder|mama|vader|papa|dochter|zoon|partner|man|vrouw|collega|nicht|neef)\b.{0,60}"
    r"\b(eind(e)? aan|zelfmoord|niet meer wil leven|"
    r"dood wil|zichzelf iets|afscheidsbericht\w*|afscheidsbrief|afscheid (genomen|nemen)|goodbye)",
    r"\b(vriendin|vriend|zus|broer|moeder|mama|vader|papa|dochter|zoon|partner|collega)\b.{0,40}\b(stuurde|appte|schreef)\b"
    r".{0,30}\b(afscheid|vaarwel|sorry voor alles)",
    r"\b(my )?(friend|sister|brother|mother|mom|daughter|son|partner)\b.{0,60}\b(kill (her|him)self|end (her|his) life|suicid|"
    r"(doesn'?t|doesnt|does not|don'?t) want to live|wants to die)",
])
SUICIDAL_EN = _compile([
    r"\bkill (myself|my self|me)\b", r"\bsuicid", r"\bend (my life|it all|things|everything)\b",
    r"\b(don'?t|do not|dont) want to (live|be alive|be here|exist|wake up)\b", r"\b(want|wanna|wish) to die\b",
    r"\bbetter off (dead|without me)\b", r"\bno (reason|point) (to live|in living|living|to go on|going on)\b",
    r"\btake my (own )?life\b", r"\bnot worth living\b", r"\bcan'?t (go on|take (it|this) anymore|do this anymore)\b",
    r"\bwish i (was|were) dead\b", r"\boverdose\b", r"\b(want|wanna) to disappear\b",
    r"\bno one would (miss|care)\b", r"\bnobody would (miss|care)\b", r"\bdon'?t want to be around\b",
    r"\bkill(ing)? myself\b", r"\bend(ing)? (it all|my life|things|everything|it)\b", r"\bpoint (of|in) (living|going on|life)\b",
    r"\b(bottle|pack|handful|box) of (pills|tablets|meds)\b", r"\b(standing|sitting) on (a|the) (bridge|roof|ledge|tracks)\b",
    r"\bgoodbye (letter|note)", r"\bsuicide note\b", r"\bnot (being|be) (here|around|alive) (anymore|any more)\b",
    r"\btired of (everything|living|life|it all)\b", r"\bwant (it|everything|this|it all) to (end|stop)\b", r"\bno way out\b", r"\b(i'?m|im|i am) done,? (like )?done\b", r"\bdone with (everything|life|it all)\b",
    r"\bgave (away )?my \w+ to\b.{0,80}\b(its not|it'?s not|isn'?t|won'?t need)\b", r"\btonight is the night\b", r"\bwant it (all )?to (end|stop)\b",
])

# --- self-harm -----------------------------------------------------------------------------------------------
SELF_HARM_NL = _compile([
    r"\bzelfbeschadig", r"\bautomutil", r"\bzelfverwond", r"\bzelf ?verwonding",
    rf"\b(snij|snijd|snijt|sneed|sneden|kras|krast|bekras|brand|verbrand|sla|sloeg|slaan|bonk|krab|beschadig|"
    rf"verwond|straf|prik|knijp)\w* (ik |weer |nog |soms |vaak )*{ME}\b",
    r"\bik (snij|snijd|kras|krast|brand|verbrand|sla|krab|prik|knijp|straf|beschadig)\w* (weer |nog |soms |vaak )*(mij|me)\b"
    r"(?! (een |de |het )?(vraag|afspraak))",
    rf"\b{ME}\b.{{0,40}}\b(gesneden|snijden|gekrast|krassen|gebrand|verbrand|geslagen|slaan|beschadigd|"
    rf"beschadigen|verwond|verwonden|pijn (te )?(doen|gedaan)|gestraft|straffen|uithongeren|uitgehongerd|"
    rf"open ?krabben|opengekrabd|kapot ?krabben)\b",
    r"\b(in|op) (mijn|m'?n|mn) (arm|armen|pols|polsen|been|benen|dij|dijen|buik)\b.{0,30}\b(gesneden|snijden|snij|"
    r"gekrast|krassen|kras|gebrand|branden)\b",
    r"\b(snijden|krassen|branden)\b.{0,20}\b(in|op) (mijn|m'?n|mn) (arm|armen|pols|polsen|been|benen|dijen|buik)\b",
    r"\b(expres|met opzet|opzettelijk|bewust)\b.{0,40}\b(open ?krab|opengekrabd|kapot|pijn|snij|kras|brand|wond)",
    r"\b(open ?krab|opengekrabd|kapot ?krab)\w*\b.{0,30}\b(expres|met opzet|opzettelijk|bewust)\b",
    r"\b(mesje|scheermesje)\b", r"\beet (expres|bewust|express|al dagen) (niks|niets|bijna niks)\b",
    r"\b(kras|krast|krab|snij|snijd|sneed)\w*\b.{0,40}\b(in |op )?(mijn|m'?n|mn) (arm|armen|pols|polsen|been|benen|dij|dijen|huid|buik)\b",
    r"\b(pols|polsen|arm|armen|been|benen|dij|dijen|buik|huid)\b.{0,30}\b(bewerkt|gesneden|gekrast|opengehaald|opengesneden)\b",
    r"\b(heet|hete|gloeiend\w*)\b.{0,25}\b(tegen|op) (mijn|mn|m'?n) (been|benen|arm|armen|huid|buik|hand|dij)\b",
    r"\b(krassen|sneeen|snijwonden|brandwonden|wondjes)\b.{0,30}\b(zelf|expres)\b", r"\b(braak|kots|spuug)\w*\b.{0,25}\b(expres|bewust|met opzet)\b",
    r"\b(zelf|expres)\b.{0,15}\b(uitgetrokken|opengetrokken|eruit getrokken|opengekrabd|eruit gehaald)\b", r"\bomdat ik het verdien",
    r"\bgecut\b",
    r"\b(krab|krabben|pulk|pulken|peuter|peuteren|knijp|knijpen|trek|trekken|sla|slaan|bijt|bijten)\w*\b.{0,60}\b(expres|met opzet|opzettelijk|bewust)\b",
    r"\bomdat ik mezelf (haat|straf|walgelijk vind)\b", r"\bhet lucht (me )?op\b",
    r"\b(bijt|snij|kras|prik|brand|knijp)\w*\b.{0,25}\b(in|op) (mijn|mn|m'?n) (eigen )?(arm|armen|pols|polsen|been|benen|dij|dijen|huid|buik|hand|lip|lippen|gezicht)\b",
    r"\b(in|op) (mijn|mn|m'?n) eigen (arm|armen|pols|been|benen|dij|dijen|huid|buik|hand|lip|lippen|gezicht)\b.{0,20}\b(geprikt|gesneden|gekrast|gebeten|gebrand)\b",
    r"\btot (het|er) (een )?brandwond\w*\b",
    r"\b(prik|snij|kras|krab|bijt|knijp|sla)\w*\b.{0,60}\btot (het|er|ik)\b.{0,15}\b(bloedt|brandwond|afdrukken|blauwe plekken)\b",
    r"\b(uit)?honger\w*\b.{0,15}\b(mezelf|mijzelf)\b", r"\b(mezelf|mijzelf)\b.{0,15}\b(uit)?honger",
    r"\b(bonk|bonken|sla|slaan|beuk)\w* (ik )?(met )?(mijn|m'?n|mn) (hoofd|vuist|hand)\w* (tegen|op) (de|een) \w*(muur|deur|kast|tafel|spiegel)",
    rf"\b{ME} pijn\b", r"\bdoe (ik )?(mij|me) pijn\b", r"\b(open|kapot)ge(krast|sneden|krabd)\b",
    r"\b(heb|ik) (\w+ )?(weer|opnieuw|al weer|alweer) (gesneden|gekrast|gebrand)\b",
    r"\b(mij|me)\b.{0,30}\b(gesneden|gekrast|verbrand|gebrand|geslagen)\b.{0,30}\b(expres|met opzet|bewust)\b",
    r"\b(mij|me) (weer|opnieuw|alweer) (gesneden|gekrast|verbrand|gebrand|geslagen)\b",
    r"\bmet (mijn|m'?n|mn) nagels\b.{0,30}\bopen\b",
    r"\beet\b.{0,25}\b(niks|niets)\b.{0,15}\b(expres|bewust|met opzet)\b", r"\b(expres|bewust|met opzet)\b.{0,15}\b(niks|niets) (meer )?(eten|te eten)\b", r"\b{0}\b.{{0,20}}\b(geen eten|niks te eten|niets te eten)\b".format(ME),
])
SELF_HARM_EN = _compile([
    r"\b(cut|cutting|cuts|burn|burned|burnt|burning|hurt|hurting|harm|harmed|harming|hit|hitting|punish|punished|punishing|"
    r"scratch|scratched|scratching) (myself|my self|my arms?|my wrists?|my legs?)\b",
    r"\b(started|start|been|keep) (cutting|burning|hurting)\b", r"\bcutting again\b", r"\bself[- ]?harm", r"\bstarv(e|ing) myself\b",
    r"\b(pick|picking|scratch|scratching|cut|cutting)\b.{0,60}\b(on purpose|until (they|it) bleeds?)\b",
])

# --- threats and intimidation ----------------------------------------------------------------------------------
# Strong: a threat whatever else the message says. Weak: the words for threatening, which also describe legal
# pressure ("dreigt met een rechtszaak"); legal words then make it no threat.
THREAT_STRONG_NL = _compile([
    r"\b(staat|stond|staan|stonden|zit|zitten) (nu |hier |weer |steeds |gewoon )*(voor|aan|bij|op) (mijn|m'?n|mn|de|ons) "
    r"(deur|huis|voordeur|stoep|raam|werk|oprit)\b",
    r"\b(bonk|bonkt|bonken|beuk|beukt|beuken|bonst|trapt|trappen|hamert|slaat|rammelt) (hard )?(op|tegen|aan) "
    r"(de|mijn|m'?n|mn|onze) (deur|voordeur|raam|ramen|ruit)\b",
    r"\b(in de fik|in brand|de fik in) (te )?(steken|steekt|zetten|zet|gestoken)\b", r"\bbrandstichting\b",
    r"\b(steen|baksteen|stenen|molotov)\b.{0,30}\b(door|tegen|in) (mijn|m'?n|mn|het|de|ons) (raam|ruit|ramen)\b",
    r"\b(maakt|maken|maak|gaat|gaan|zal|zullen)\b.{0,20}\b(me|mij|je|jou|ons) (af|kapot|dood)\b",
    r"\b(me|mij|je|jou) (afmaken|kapotmaken|kapot maken|doodmaken|dood maken|vermoorden|pakken|laten pakken)\b",
    r"\b(vermoord|vermoorden|vermoordt)\b", r"\b(in elkaar|kapot|verrot) (te )?(laten )?(slaan|slagen|trappen|maken)\b",
    r"\b(me|mij|je|jou|ons|haar|hem|mijn \w+) (iets|wat|wat ergs|iets ergs) (aan ?doen|aan te doen|aandoet|aandoen|gaat doen)\b",
    r"\b(weet|weten|kent|kennen) (\w+ )?(waar|welke school) (ik|je|jij|u|mijn \w+|m'?n \w+|mn \w+|we|wij)\b"
    r".{0,20}\b(woon|woont|wonen|werk|werkt|werken|school|slaap|slaapt)\b",
    r"\b(weet|weten) (me|mij) te vinden\b",
    r"\b(ze|hij|zij|die|jullie|hun|we|wij|zijn \w+) (\w+ )?(weet|weten)\b.{0,15}\b(waar|welke school|op welke school)\b.{0,30}\b(woon|woont|school|werk|kinderen|dochter|zoon)",
    r"\b(beter|maar|goed) (kan |moet |moest |zou )?(oppassen|uitkijken|voorzichtig zijn)\b", r"\b(we|wij|ik) (weten|weet) je te vinden\b",
    r"\b(ik|we|wij) (kom|komen) (je|jou|u) (halen|opzoeken|pakken)\b",
    r"\b(je|jij|u) (gaat|zult|zal) (er )?(spijt (van )?krijgen|eraan|boeten|het merken)\b",
    r"\b(volgt|volgen|achtervolgt|achtervolgen|achtervolgd|gevolgd) (me|mij)\b", r"\b(me|mij) (achter)?gevolgd\b",
    r"\b(stuurt|sturen|gestuurd) (zijn |z'?n |hun )?(mannen|jongens|mensen|vrienden|iemand) (op (me|mij) af|langs)\b",
    r"\b(ben|voel me|ben echt|ben zo) (heel |erg |echt |zo |doods)?bang\b.{0,40}\b(voor (hem|haar|ze|hen|hun|die man|die vrouw|de eigenaar|de arts|zijn \w+)|dat (hij|ze)|"
    r"om naar buiten|om de deur)\b",
    r"\b(help|hulp),? (ik ben|ik ben echt|ben) bang\b", r"\bdurf (niet meer naar huis|mijn huis niet (meer )?uit)\b.{0,40}\b(hem|haar|hen|ze|hun|die)\b",
    r"\b(mishandeld|mishandelt|mishandeling|geslagen door|sloeg me|slaat me)\b", r"\b(afpers|chantage|chanteer|chanteert)",
    r"\bgestalkt\b", r"\bstalk(t|en|ing|er)\b", r"\bdreig ?bericht", r"\bdreigend",
    r"\bvoel (me|mij) (heel |erg |echt |niet )?(onveilig|bedreigd)\b", r"\bzorg (ik )?(er ?voor )?dat je stopt\b",
    r"\bniet (meer )?veilig (thuis|in mijn huis|op straat)\b",
    r"\b(staat|stond|staan|stonden|hangt|hing|wacht|wachtte|wachten)\b.{0,40}\b(voor|aan|bij|in) (mijn|m'?n|mn|de|ons|mijne) "
    r"(deur|huis|voordeur|stoep|werk|oprit|straat)\b",
    r"\b(me|mij|je|jou) (af ?maakt|afmaken|af maken|afmaak)\b", r"\b(afbranden|afbrand|brand steken)\b",
    r"\b(word|wordt|werd|ben) (\w+ )?(gevolgd|achtervolgd|lastig ?gevallen|belaagd)\b",
    r"\b(zei|zeiden|zegt|zeggen|gezegd|waarschuwde|waarschuwden|appte|appten|stuurde|stuurden)\b.{0,60}\b(voorzichtig (moet|moest) zijn|"
    r"moet oppassen|moest oppassen|moet uitkijken|moest uitkijken|pas (maar )?op|kijk (maar )?uit)\b",
    r"\bdat ik dood (moet|moest|ga)\b", r"\b(adres|naam|foto'?s)\b.{0,40}\bonline (gezet|gegooid|geplaatst)\b",
    r"\b(bezuren|betaald zetten|betaald gezet)\b", r"\bop (mijn|de|m'?n|onze) (deur|raam|ramen)\b.{0,12}\b(gebonkt|gebeukt|getrapt|gebonsd)\b",
    r"\b(schreeuwt|schreeuwen|schreeuwde|scheldt|tiert)\b.{0,40}\b(buiten|deur|beneden|straat|huis|naar buiten)\b",
    r"\bwat er gebeurt met (mensen|vrouwen|klanten|iemand) die\b", r"\banders\s*(\.\.\.|\u2026)",
    r"\b(banden|autobanden)\b.{0,20}\blek ?gestoken\b", r"\b(ruit|ruiten|raam) (is |zijn |werd )?(ingegooid|ingeslagen)\b",
    r"\bbrievenbus\b.{0,40}\b(dode|dood|kogel|briefje|vuurwerk)\b", r"\b(dode|kogel)\b.{0,30}\bbrievenbus\b", r"\bkogel\b",
    r"\b(rond|rondjes)\b.{0,20}\b(mijn|m'?n|ons) (huis|woning|straat|werk)\b",
    r"\b(ze|hij|zij|die|jullie|hun)\b.{0,15}\b(mij|me|ons|mijn \w+) (iets|wat) (aan ?doen|aandoet|aandoen|aan te doen|gaan doen)\b",
    r"\bgeniet (er )?(nog )?maar van\b", r"\biets\b.{0,10}\b(mij|me|je|jou)\b.{0,10}\bgebeur",
    r"\bkeel (door ?snijden|doorsneed|doorsnijdt)\b", r"\bgebaar\b.{0,30}\bkeel\b",
    r"\b(smoel|bek|kop|waffel) (moet|moest|moet gaan) houden\b", r"\b(houd|hou) je (smoel|bek|kop|waffel)\b",
    r"\bfoto'?s? van (mijn|mn|m'?n|ons|onze) (huis|auto|kinderen|deur|voordeur|straat)\b",
    r"\bfoto'?s? van (mezelf|mij|me)\b.{0,40}\b(toegestuurd|gestuurd|op straat|gemaakt)\b",
    r"\b(op|bij|naar) (mijn|mn|m'?n) (werk|huis|school|deur)\b.{0,50}\b(naar (mij|me)|voor (mij|me)) (te )?(vragen|zoeken)\b",
    r"\b(dode|dood) (roos|rozen|rat|vogel|bloem|bloemen|kat|vis)\b", r"\bzonder afzender\b", r"\bongelukje\b",
    r"\b(zou|zal|is) (toch )?(jammer|zonde) (zijn|wezen)? ?als\b", r"\b(ge|je|jij|gij) (gaat|zult|zal) (het|da|dat) (zien|merken|voelen)\b",
    r"\b(duwde|duwt|sloeg|slaat|schopte|schopt|greep|trok|pakte) (me|mij)\b.{0,30}\b(tegen|bij|in|aan|weg)\b",
    r"\bbeter op\b.{0,25}\b(letten|passen)\b", r"\bdingen (laten )?regelen\b",
    r"\b(op|tegen) (mijn|mn|m'?n|de|onze) (voordeur|deur|auto|muur|gevel|raam)\b.{0,10}\b(gespoten|geklad|gekrast|geschreven)\b",
    r"\b(houden|hou|houd) (je|jou|u) in de gaten\b", r"\bnavertellen\b", r"\bpas het begin\b",
    r"\b(deurklink|deur|raam|ramen)\b.{0,20}\b(gerammeld|rammelt|rammelen|gemorreld|morrelt)\b", r"\b(gerammeld|gemorreld) aan\b",
    r"\bjammer van (je|jouw) (poes|kat|hond|auto|huis)\b", r"\bgevaarlijk\b.{0,30}\b(alleen|over straat|buiten)\b",
    r"\bwel (een keertje|eens|even) langs ?(komen|komt)\b",
    r"\b(anoniem|onbekend|prive) (nummer|nr)\b.{0,60}\b(gebeld|belt|bellen|appjes|berichten|foto)",
    r"\b\d+ keer per dag gebeld\b",
    r"\bfoto'?s van (mijn|mn|m'?n) (borsten|lichaam|billen|naakt\w*|buik|voor de operatie)\b.{0,60}\b(stuurt|sturen|gestuurd|online|"
    r"verspreid\w*|collega|werkgever|man|vrouw|familie|laten zien)\b",
    r"\b(stuurt|sturen|gestuurd|verspreid\w*)\b.{0,40}\bfoto'?s van (mijn|mn|m'?n) (borsten|lichaam|billen|naakt\w*)\b",
    r"\b(foto'?s|filmpje|video)\b.{0,40}\b(sturen|online|verspreiden|laten zien)\b.{0,40}\bals (je|ik)\b",
    r"\bof erger\b", r"\b(nemen|namen|houden|hielden|pakken|pakten) (mijn|m'?n|mn) paspoort (in|vast|af)\b",
    r"\bik mag (hier )?(niet|nie) weg\b", r"\bpaspoort\b.{0,20}\b(ingehouden|afgepakt|ingenomen|afgenomen|kwijt gemaakt)\b", r"\b(laat|laten|lieten|liet) (me|mij) (niet|nie) (weg|gaan|vertrekken|naar huis|los)\b",
    r"\b(houdt|houden|hield|hielden) (me|mij) (hier )?(vast|tegen|binnen|opgesloten)\b", r"\bopgesloten\b", r"\bzorg (ik|we) (er ?voor |wel )?dat (je|jij)\b",
    r"\bals (ik|je)\b.{0,60}\b\w*(foto'?s|filmpjes?|video'?s)\b.{0,40}\b(online|sturen|verspreiden|laten zien)\b",
    r"\b(foto'?s|filmpje|video|beelden)\b.{0,50}\bals (ik|je)\b.{0,40}\b(niet|geen)\b.{0,20}\b(intrek|intrekt|betaal|betaalt|verwijder|"
    r"weghaal|stop|stopt|teken|tekent)\b",
])
THREAT_WEAK_NL = _compile([r"\bbedreig", r"\bdreig(t|en|de|den|ement|ementen)\b", r"\bintimid", r"\bgeintimideerd\b"])
JOKE = _compile([r"\b(haha\w*|hihi|lol|grapje|xd|bij wijze van spreken)\b", "\U0001F923|\U0001F602|\U0001F605|\U0001F606"])
NOT_A_THREAT = _compile([r"\brechtszaak", r"\brechter\b", r"\badvocaat", r"\bboete", r"\bschadeclaim", r"\bdreigt te\b",
                         r"\bjuridisch", r"\bincasso", r"\bsmaad\b", r"\blaster\b", r"\baansprakelijk", r"\bschadevergoeding",
                         r"\bdeurwaarder"])
THREAT_WEAK_EN = _compile([r"\bthreat", r"\bintimidat"])
NOT_A_THREAT_EN = _compile([r"\blegal\b", r"\blawsuit", r"\bsue\b", r"\blawyer", r"\bcourt\b", r"\bfine\b"])
THREAT_EN = _compile([
    r"\bknow(s)? where (i|my \w+|we) (live|go to school|work)\b", r"\bharass", r"\b(you'?ll|i'?ll|ill|you will) pay for (this|it)\b",
    r"\bthreatened to\b", r"\bbeing (followed|watched|stalked)\b", r"\bthreatening (me|to|messages)\b", r"\b(kill|hurt|beat) (me|us|my \w+)\b", r"\b(at|outside|banging on) my (door|house)\b",
    r"\bget(s)? hurt\b", r"\bin one piece\b", r"\bor else\b", r"\bknow where you live\b", r"\bmake sure (you|i|she|he) (never|regret)",
    r"\b(watching|following) (you|me)\b",
    r"\bstalk", r"\bfollow(ing|ed|s) me\b", r"\b(i'?m|i am|im) (so |really |very )?(scared|afraid|terrified) (of him|of her|of them|he|she|they)\b",
    r"\bburn (down )?my (house|home)\b", r"\bknows where i live\b", r"\bblackmail",
])

# --- medical emergencies -------------------------------------------------------------------------------------
COLOUR_BAD = r"(?:wit|witte|spierwit|bleek|grauw|grijs|grijze|zwart|zwarte|gevlekt|vlekkerig|gemarmerd|marmer)"
COLOUR_DARK = r"(?:(?!(?:blauwe|paarse) plek)(?:paars\w*|blauw\w*|donkerblauw|donkerpaars\w*|donker|verkleurd|verkleurt|verkleuring))"
COLD = r"(?:koud|ijskoud|kouder|koel)"
EMERGENCY_NL = _compile([
    r"\bbloed(t|en|ing|ingen)?\b.{0,40}\b(heel|erg|veel|hevig|stopt niet|stopt maar niet|houdt niet op|blijft|niet te "
    r"stoppen|gutst|stroomt|spuit|door het verband)",
    r"\b(heel|erg|veel|hevig|enorm|flink)\b.{0,12}\bbloed(t|en|ing|verlies)?\b", r"\b(gutst|stroomt|spuit) (het )?bloed\b",
    r"\bverband\b.{0,30}\b(doorweekt|vol bloed|helemaal rood|door(ge)?bloed)\b",
    r"\b(slecht|moeilijk|geen|nauwelijks|amper|bijna geen)\b (meer )?(adem|ademen|lucht)\b",
    r"\b(kan|kun) (bijna |haast |amper |nauwelijks )?(niet|nie|ni) (meer )?(goed )?(ademen|ademmen|adem halen|slikken|praten)\b",
    r"\bkrijg (bijna |haast )?geen (adem|lucht)\b", r"\b(hap|happen) naar (adem|lucht)\b",
    r"\bbenauwd", r"\bkortademig", r"\bpijn op (de|mijn|me|m'?n|mn) borst\b", r"\bpijn (in|aan) (de|mijn|m'?n|mn) borstkas\b", r"\bdruk op (de|mijn|m'?n) borst\b",
    r"\bhoge koorts?\b", r"\bkoorts\b.{0,40}\b(39|40|41|rillingen|rillen|bibber|hoog|zweet|zweten|ziek|suf)",
    r"\b(39|40|41)([.,]\d)? ?(graden|gr|koorts)\b", r"\bin elkaar (gezakt|zakt|gestort|zakken)\b",
    r"\b(hoest|hoesten|braak|braken|spuug|spugen)\w* (\w+ )?bloed\b",
    r"\b(overal|hele lijf|hele lichaam|helemaal)\b.{0,20}\b(bulten|vlekken|uitslag|netelroos)\b.{0,60}\b(opgezwollen|zwelt|dikker|adem|lucht)|"
    r"\b(opgezwollen|zwelt|dikker)\b.{0,60}\b(bulten|netelroos|uitslag)\b",
    r"\b(een|1) kant\b.{0,30}\b(niet|nie) (goed )?(bewegen|voelen)\b", r"\b(arm|been|gezicht)\b.{0,30}\b(niet|nie) (meer )?(goed )?bewegen\b",
    r"\bhard als een plank\b", r"\b(zwaar|drukkend|benauwd|beklemmend) gevoel\b.{0,15}\b(op|in) (mijn|de|m'?n) borst\b",
    r"\b(heel |erg |super )?snel (adem|ademhalen|ademen)\b.{0,40}\b(borst|hart|duizelig|flauw)\b", r"\bdubbele tong\b",
    r"\b(gezicht|mond|mondhoek)\b.{0,20}\bhangt\b.{0,20}\b(kant|scheef)\b", r"\b(voel me|feel) (\w+ )?faint\b", r"\b(ondraaglijke|verschrikkelijke|niet te harden|heel erge|enorme) pijn\b",
    r"\bzie (alleen|bijna) (nog )?(schaduwen|vlekken|niks|niets|vaag)\b", r"\bwazig met (1|een|mijn|m'?n) oog\b",
    r"\b(bloed en pus|pus en bloed)\b", r"\b(linker|rechter)?borst\b.{0,40}\b(opeens|ineens|snel)\b.{0,30}\b(groter|dikker|keihard|hard)\b", r"\bzie (bijna )?(niks|niets) meer\b",
    r"\bademt (heel |erg |zo )?(langzaam|raar|nauwelijks|bijna niet|oppervlakkig)\b", r"\bhalf (bewusteloos|wakker|buiten westen)\b",
    r"\bbuiten westen\b", r"\brillingen\b.{0,40}\b(wond|operatie|ingreep|koorts)\b",
    r"\b(wond|rood|ontstoken|ontsteking|pus|etter)\b.{0,60}\bkoorts\b", r"\bkoorts\b.{0,60}\b(wond|ontstoken|ontsteking|pus|etter)\b",
    r"\bflauw ?(gevallen|vallen|te vallen|viel|val)\b", r"\bbewusteloos", r"\bbuiten bewustzijn", r"\b(niet|nie) (meer )?aanspreekbaar\b",
    r"\b(reageert|reageerde) (niet|nergens) meer\b", r"\bwordt (niet|nie) (meer )?wakker\b",
    r"\b(lippen|lip|gezicht|vingers|huid) (wordt|worden|is|zijn|word|kleurt|kleuren|gaat|gaan) (helemaal )?blauw\b",
    r"\b(keel|tong)\b.{0,20}\b(zwelt|zwellen|dik|opgezwollen|zit dicht|knijpt dicht|gaat dicht)\b",
    r"\b(zwelt|zwellen|zwol) (op|dicht)\b.{0,40}\b(slikken|ademen|lucht|keel|tong)",
    r"\b(allergische reactie|anafylact|anafylax|shock)\b",
    r"\bnoodgeval", r"\bspoed\b", r"\b112\b", r"\bambulance\b", r"\b(nu|direct|meteen|dringend|snel) (medische )?hulp nodig\b",
    r"\bgaat (heel |erg |echt |zo )?slecht met me\b.{0,40}\b(na|sinds|door)\b",
    r"\b(duizelig|licht in (mijn|m'?n|het) hoofd)\b.{0,40}\bflauw",
    # skin that turns white, grey, mottled, or purple/blue and cold: blood flow blocked (after filler, fat, BBL)
    rf"\b{BODY}\b.{{0,50}}\b{COLOUR_BAD}\b", rf"\b{COLOUR_BAD}\b.{{0,30}}\b{BODY}\b(?!.{{0,10}}\bmooi)",
    rf"\b{BODY}\b.{{0,50}}\b{COLOUR_DARK}\b.{{0,30}}\b({COLD}|pijn|pijnlijk|zwart|wit|hard|erger|blaasjes|blaren|blaar)\b",
    rf"\b{BODY}\b.{{0,50}}\b{COLD}\b.{{0,30}}\b({COLOUR_DARK}|{COLOUR_BAD}|pijn|gevoel)\b",
    rf"\b({COLOUR_DARK}|{COLOUR_BAD})\b.{{0,15}}\ben\b.{{0,15}}\b{COLD}\b",
    rf"\b{COLD}\b.{{0,15}}\ben\b.{{0,15}}\b({COLOUR_DARK}|{COLOUR_BAD})\b",
    rf"\b(huid|plek|lip|lippen|neus|wang)\b.{{0,30}}\b(sterft|afsterft|afgestorven|necrose|zwart wordt)\b", r"\bnecrose\b",
    # sight: blurred, double, dark or gone, suddenly or after a treatment
    r"\b(zie|zag|zien)\b.{0,20}\b(ineens|opeens|plots|plotseling|nu|na de \w+|sinds)\b.{0,20}\b(slecht|wazig|niets|niks|dubbel|"
    r"vlekken|zwart|minder|troebel)\b",
    r"\b(zie|zag)\b.{0,20}\b(slecht|wazig|niets|niks|dubbel|vlekken|zwart|minder|troebel)\b.{0,40}\b" + PROCEDURE,
    r"\b" + PROCEDURE + r"\b.{0,60}\b(zie|zag)\b.{0,20}\b(slecht|wazig|niets|niks|dubbel|vlekken|zwart|minder|troebel)\b",
    r"\b(wazig|dubbel|troebel) (zicht|zien)\b", r"\bdubbelzien\b", r"\b(ineens|opeens|plots|plotseling) (half )?blind\b",
    r"\b(zicht|zien) (is |wordt )?(ineens |opeens )?(weg|wazig|slecht)\b", r"\boog\b.{0,30}\b(zie|zicht)\b.{0,15}\b(niets|niks|weg)\b",
    r"\b(been|kuit)\b.{0,40}\b(dik|opgezwollen|gezwollen)\b.{0,40}\b(pijn|pijnlijk|warm|rood|zeer)\b",
    r"\b(verward|weet niet meer waar ik ben|praat raar|scheve mond)\b",
    r"\bgaat (helemaal )?mis\b.{0,20}\bhulp nodig\b", r"\bhelp\b.{0,30}\b(bloed|adem|lucht|flauw|bewusteloos)\b",
    r"\b(kan|zie|zag) (\w+ )?(niks|niets|bijna niks|bijna niets|geen hand) (meer )?(zien|zie)\b", r"\b(niks|niets) meer (zien|zie)\b",
    r"\b(moeilijk|slecht|nauwelijks|amper) (slikken|ademen|praten|ademhalen)\b", r"\bmoeite met (ademen|ademhalen|slikken|praten)\b",
    r"\b(geen|amper|nauwelijks) (adem|asem|lucht) meer\b", r"\b(keel|tong)\b.{0,10}\b(zit|gaat) (dicht|toe)\b",
    r"(been|kuit)\b.{0,40}\b(dik|opgezwollen|gezwollen)\b.{0,40}\b(pijn|pijnlijk|warm|rood|zeer)\b",
    r"\bbloed\w*\b.{0,25}\bdoor (het|mijn|m'?n|mn) verband\b", r"\bblijft (maar )?(bloeden|bloedt)\b",
    r"\b(verband|verbanden|handdoek|kussen|laken|gaas|pleister)\b.{0,30}\b(doorweekt|vol bloed|rood doorgelekt|doorgelekt|door(ge)?bloed)\b",
    r"\bzie (steeds|ineens|opeens|nu|alsmaar) (minder|slechter|niks|niets|wazig)\b",
    r"\b(borst|bil|billen|buik|wang|been|lies)\b.{0,40}\b(in (een paar|enkele|korte|een) (uur|uren|tijd)|ineens|opeens|snel)\b.{0,30}"
    r"\b(dik|dikker|opgezwollen|gezwollen|keihard)\b",
    r"\b(druk|drukkend gevoel|beklemmend\w*|pijn)\b.{0,20}\b(op|in) (de|mijn|m'?n|mn) borst\b.{0,60}\b(hart|adem|benauwd|narcose|zweet)\b",
    r"\bhart\b.{0,20}\b(tekeer|raast|slaat over|bonkt)\b.{0,60}\bborst\b",
    r"\b(praat|spreekt)\b.{0,20}\b(onduidelijk|wartaal|dubbel|brabbel)\b", r"\bmondhoek\b.{0,15}\bhangt\b", r"\bverlam",
    r"\bbloed\w*\b.{0,40}\b(houdt|houd|stopt|stop|wil) (het )?(niet|nie|ni)\b( op| stoppen)?",
    r"\bbloed\w* (als|gelijk) een (rund|varken|rund)\b", r"\bvan (haar|zijn|mijn|m'?n) stokje\b",
    r"\b(ze|hij|zij|vriendin|vriend|man|vrouw|zus|broer|moeder|vader|dochter|zoon)\b.{0,20}\breageert (niet|nie|ni)\b(?! (eens |zelfs )?op)",
])
EMERGENCY_EN = _compile([
    r"\b(can'?t|cannot|cant|struggling to|hard to|trouble|difficulty) (breathe|breathing|swallow|swallowing)\b",
    r"\bshort(ness)? of breath\b", r"\b(numb|weak|drooping|droops)\b.{0,20}\bone side\b", r"\bcan'?t (lift|move) my (arm|leg)\b", r"\bcollaps(ed|ing)\b", r"\bbleed(ing)?\b.{0,30}\b(a lot|heavily|won'?t stop|doesn'?t stop|not stopping|so much)\b",
    r"\bchest pain\b", r"\b(passed out|fainted|unconscious|not waking up|unresponsive)\b",
    r"\b(skin|lip|lips|butt|buttock|buttocks|cheek|nose|area|face)\b.{0,40}\b(white|pale|grey|gray|purple|black|mottled|cold)\b",
    r"\b(blurry|blurred|double|loss of|lost|losing) (vision|sight)\b", r"\bcan'?t see\b", r"\bhigh fever\b",
    r"\bfever\b.{0,30}\b(chills|shaking|shivering)\b", r"\bthroat\b.{0,20}\b(swell|swelling|closing|tight)\b",
    r"\btongue\b.{0,15}\bswell", r"\bcoughing (up )?blood\b", r"\bemergency\b", r"\bambulance\b", r"\b(911|112)\b", r"\banaphyla",
    r"\b(calf|leg)\b.{0,30}\b(swollen|swelling)\b.{0,30}\b(pain|painful|hurts|red|warm)",
])

# --- a medical worry that is no emergency: the doctor first -----------------------------------------------------
SYMPTOM = (r"(?:pijn|pijnlijk|bult|bulten|bultje|knobbel|knobbeltje|zwelling|gezwollen|opgezwollen|dik|rood|roodheid|"
           r"jeuk|jeukt|doof|gevoelloos|tintel\w*|scheef|asymmetr\w*|ongelijk|lek|lekt|lekken|gescheurd|scheur|"
           r"gebarsten|uitval|valt uit|litteken\w*|wond|wondje|blauwe plek\w*|pus|vocht|hard|harde|ontstoken|"
           r"ontsteking|geneest|genezen|hangt|hangend|trekt|koorts|misselijk|vel|korst\w*|vervormd|verschoven|"
           r"knobbels|klontjes|klont|bobbel\w*|infectie|ge[iï]nfecteerd|pijnlijke|"
           r"(?:hoger|lager|groter|kleiner|dikker|platter|ronder|anders) dan)")
MEDICAL_WORRY_NL = _compile([
    r"\bmoet ik (niet |nu |toch |dan |eerst )*(naar|langs|bij|op) (de|een|mijn|m'?n|mn) (huisarts|dokter|arts|ziekenhuis|"
    r"spoedeisende hulp|seh|eerste hulp|huisartsenpost)\b",
    r"\b(naar|langs) (de|een|mijn|m'?n|mn) (huisarts|dokter|arts)\b.{0,20}\?",
    rf"\b(is|zijn) (dat|dit|het|deze|die)\b.{{0,15}}\bnormaal\b.{{0,80}}\b{SYMPTOM}\b",
    rf"\b{SYMPTOM}\b.{{0,120}}\b(is|zijn) (dat|dit|het|deze|die) (wel |nog |ook )?normaal\b",
    r"(implantaat|implantaten|prothese|prothesen|siliconen)\b.{0,40}\b(lekt|lekken|gelekt|lek|gescheurd|"
    r"kapot|gebarsten|scheur|verschoven|gedraaid)\b",
    r"\b(lekt|gescheurd|gebarsten|kapot)\b.{0,30}\b(implantaat|prothese|borstprothese)\b",
    rf"\b(doof|gevoelloos|tintelt|tintelen|geen gevoel)\b.{{0,60}}\b(weken|maanden|sinds|na)\b",
    rf"\b(sinds|na) (de|mijn|m'?n|mn|die) {PROCEDURE}\b.{{0,80}}\b(ontstoken|ontsteking|pus|infectie|"
    rf"geinfecteerd|geneest niet|wil niet genezen|blijft pijn|doet nog (steeds )?pijn)\b",
    rf"\b(wond|litteken)\b.{{0,40}}\b(ontstoken|pus|etter|gaat open|open gaat|open gegaan|geneest niet|wil niet genezen|rood en warm)\b",
])
# A symptom told about a treated body part, with no question about rights, money or complaints.
TREATED = (r"(?:(?:linker|rechter)?(?:wenkbrauw\w*|ooglid|oogleden|lip|lippen|neus|kin|wang|wangen|borst|borsten|bil|billen|buik|navel|"
           r"litteken\w*|wond\w*|hoofd|haar|haren|grafts|oog|ogen|glimlach|gezicht|tepel\w*|huid|hechting\w*|hechtdraad|"
           r"implantaat|implantaten|prothese))")
WORRY_QUESTION = _compile([r"\b(hoort (dat|dit|het) (erbij|er bij)|moet ik me (zorgen|ongerust) maken|(gaat|trekt) (dat|dit|het) "
                           r"(vanzelf )?(weg|over|bij)|is (dat|dit|da|het) (erg|ernstig|normaal|gevaarlijk|gewoon))\b",
                           r"\b(huisdokter|huisarts|dokter)\b.{0,30}\?", r"\bmoet ik (terug )?naar de kliniek\b",
                           r"\b(gaat|trekt|komt|zakt|zakken|slinkt) (dat|dit|het|die|hij|ze) (nog )?(weg|over|bij|terug|zakken)\b",
                           r"\bmoet (dat|dit|het|die|hij|ze) nog (zakken|slinken|genezen|wennen)\b",
                           r"\bmoet ik (daar|er|hier) (iets|wat) mee\b", r"\b(kapselcontract|lekkage|stille lek)\w*\b",
                           r"\bkan ik (daar|er) (iets|wat) aan (laten )?doen\b",
                           r"\bmoet (ik|je) (eigenlijk )?(naar|langs bij) (de|een|mijn) (huisarts|dokter|arts)\b",
                           r"\b(huisarts|dokter)\b.{0,40}\b(kijken|laten zien|laten kijken)\b"])
RIGHTS = _compile([r"\b(klacht\w*|klag\w*|geld|terug ?betal\w*|terug ?krijgen|recht|rechten|vergoed\w*|schade\w*|zwijg\w*|"
                   r"contract|review|aansprakelijk\w*|dossier|wet|advocaat|geschil\w*|tucht\w*|inspectie|igj|lmz|melden|"
                   r"bureau|kosten|betalen|prijs|verzeker\w*|bedenktijd|toestemming|voorlichting|garantie|meld\w*|reageert|"
                   r"reageren|reactie|antwoord\w*|anoniem|nvpc|nvcg|rivm|gratis|prijs\w*|merk|vergelijk\w*|aangifte|"
                   r"complain\w*|records?|refund|medical file)\b"])
MEDICAL_WORRY_STORY = _compile([
    rf"\b(na|sinds|van|door) (de|mijn|m'?n|mn|die|het|een) {PROCEDURE}\b.{{0,80}}\b({SYMPTOM}|{TREATED})\b",
    rf"\b({SYMPTOM}|{TREATED})\b.{{0,80}}\b(na|sinds|van|door) (de|mijn|m'?n|mn|die|het|een) {PROCEDURE}\b",
    rf"\b{TREATED}\b.{{0,60}}\b{SYMPTOM}\b", rf"\b{SYMPTOM}\b.{{0,30}}\b{TREATED}\b", r"\b(verhoging|verdoofd|strak|stijf|pukkel\w*|kaal|jeukt|klotst\w*|trekkerig)\b",
])
MEDICAL_WORRY_EN = _compile([
    r"\bshould i (see|go to|call) (a|my|the) (doctor|gp|hospital)\b", r"\bshould i (be )?worr(y|ied)\b", r"\bshould i (get|have) (it|this|that) (checked|looked at)\b",
    r"\bis (this|that|it) normal\b.{0,80}\b(rhinoplasty|surgery|filler|fillers|botox|bbl|lipo|implants?|scar|scars|swelling)\b",
    r"\b(rhinoplasty|surgery|filler|fillers|botox|bbl|lipo|implants?|scar|scars|swelling)\b.{0,80}\bis (this|that|it) normal\b",
    r"\bis (this|that|it) normal\b.{0,60}\b(after|since) (my|the|a) (surgery|filler|fillers|botox|procedure|treatment|op|operation|bbl|lipo)\b",
    r"\b(after|since) (my|the|a) (surgery|filler|fillers|botox|procedure|treatment|op|operation|bbl|lipo)\b.{0,80}\bis (this|that|it) normal\b",
    r"\bimplants?\b.{0,30}\b(leak|leaking|ruptured|torn)\b", r"\b(numb|numbness)\b",
])

# --- a story that tells of symptoms as over ---------------------------------------------------------------------
PAST = _compile([
    r"\b(\d+|een|twee|drie|vier|vijf|zes|paar|aantal|enkele|vele) (jaar|jaren|maanden|maand) (geleden|terug)\b",
    r"\bvorig(e)? (jaar|maand|zomer|winter|voorjaar|najaar)\b", r"\bin (19|20)\d\d\b", r"\b(toen|toentertijd|destijds|indertijd)\b",
    r"\b(years?|months?) ago\b", r"\blast year\b",
])
RESOLVED = _compile([
    r"\b(nu|inmiddels|intussen|gelukkig) (gaat|is) (het|alles) (weer |wel |gelukkig )?(goed|prima|beter|over|voorbij)\b",
    r"\b(gaat|is) (het|alles) (nu |inmiddels |intussen )(weer )?(goed|prima|beter|over|voorbij)\b",
    r"\bhersteld\b", r"\b(al )?(heel |zo )?lang (weer )?(goed|over|prima)\b", r"\b(goed gekomen|nergens (meer )?last|alles (is )?(nu |weer )*(goed|prima|in orde)|opgelost|"
    r"(is|was) (weer )?goed)\b", r"\b(nooit|geen) (meer )?last (meer )?(gehad|van gehad)\b", r"\b(helemaal |gelukkig |weer )?(overgegaan|weggegaan|genezen|voorbij)\b", r"\b(nu|inmiddels|intussen) (weer )?(helemaal )?(ok|oke|okay|goed|prima|beter|fit|gezond)\b", r"\bgeen klachten meer\b", r"\b(is|was) (al ?lang |allang |al |helemaal |gelukkig )?(weer )?over\b", r"\bachter de rug\b",
    r"\b(i'?m|i am|it'?s) (fine|ok|okay|better) now\b",
])
PRESENT = _compile([
    r"\b(nu|nog steeds|nog altijd|op dit moment|momenteel|vandaag|vannacht|vanavond|vanochtend|gisteren|"
    r"net|zojuist|sinds gisteren|sinds vanochtend|steeds erger|erger)\b", r"\b(now|still|right now|today|tonight)\b",
])


# Figures of speech with danger words: no danger ("ik schrok me dood", "sociale zelfmoord", "mijn baas vermoordt me
# als ik weer vrij vraag").
FIGURATIVE = _compile([
    r"\bdood van (de |het )?(schaamte|zenuwen|lachen|verveling|schrik|stress)\b", r"\bsociale zelfmoord\b",
    r"\b(schrok|schoot|lachte|verveel|schrik|schiet|lach) (me|mij|ik me) (bijna |haast |half )?dood\b", r"\bbloedmooi\b",
    r"\b(portemonnee|rekening|bankrekening|spaarrekening) bloedt\b", r"\bom (dood|van dood) te gaan\b",
    r"\b(baas|man|vrouw|moeder|mama|mam|ouders|schoonmoeder|vader|papa|pa|ma|vriend|vriendin|zus|broer)\b.{0,20}"
    r"\b(vermoordt|vermoorden|afmaken|maakt me af|maken me af)\b.{0,10}\b(me|mij)?\b.{0,10}\bals\b",
    r"\b(niet|nie) meer verder (hier ?mee|ermee|daarmee|met (de|die|mijn|deze|dat) \w+)\b",
    r"\b(kans|risico|gevaar)\b.{0,20}\b(dat je|om te|op) (doodgaat|dood gaat|dood te gaan|overlijdt|overlijden|sterft|sterven)\b",
    r"\b(me|mij|je) (\w+ )?dood (ga |gaan )?(schamen|schrikken|lachen|vervelen|ergeren)\b", r"\bdood (ga |gaan )?schamen\b",
    r"\bdying to\b", r"\bkilling it\b", r"\bkill for\b", r"\b(killed|kill|killing) (my|her|his|your|the) (wallet|bank|budget)\b",
    r"\b(me|mij|mezelf) (\w+ )?dood ?(gezocht|gewerkt|geschrokken|gelachen|geergerd|verveeld|gewacht|gestaard|geschrokken)\b",
    r"\b(schrok|schoot|schrik) (me|mij) (echt |bijna |haast |half )*dood\b", r"\bbloedbad\b", r"\bhart (stond|stopte) (even )?stil\b",
])
# Words that may carry danger, in a message the model did not understand: the assistant checks in rather than
# guessing ("Gaat het wel goed met je?", with the numbers).
WEAK = _compile([
    r"\b(dood|doodga\w*|dood gaan|sterf|sterven|afscheid|einde|weg zijn|er niet meer|pijnloos|nooit meer|voorgoed|voor altijd|"
    r"\w*pillen|pilletjes|medicatie|springen|touw|opgeven|wanhopig|motor aan|uitlaat|(voor|onder) de trein|"
    r"(van|op|bij) (de|het|een) (brug|spoor|dak|flat|balkon))\b",
    r"\b(bang|angst|klap|slaan|vinden je|achter (me|mij) aan|spijt|er iets gebeurt|voor (mijn|de) deur|paspoort|"
    r"naaktfoto\w*|chantage|online (zetten|komen|gooien)|mond (houden|houd)|niet laten gaan)\b",
    r"\b(bloed|bloedt|bloeden|adem|ademen|ademhalen|op (mijn|de) borst|hart (gaat|klopt|bonkt|slaat)|flauw|zakte|zakt|"
    r"in elkaar|raar praten|onduidelijk|paars|koud|koorts|zwelt|duizelig|sterretjes|verward)\b",
    r"\b(to die|wanna die|be dead|kill|end it|goodbye|for good|hurt|scared|afraid|break my|won'?t let me|bleeding|breathe|faint|"
    r"unconscious|collapsed)\b",
])


@lru_cache(maxsize=1024)  # a message is read by story_focus, the overrides and the check-in alike
def _literal(text: str) -> str:
    """The folded text without its figures of speech."""
    t = fold(text)
    for pattern in FIGURATIVE:
        t = pattern.sub(" ", t)
    return t


def weak_signal(text: str) -> bool:
    """A word that may carry danger, outside a figure of speech or a joke."""
    return _any(WEAK, _literal(text)) and not _any(JOKE, text.lower())


@dataclass(frozen=True)
class Danger:
    kind: str  # suicidal | attempt | self_harm | threat | emergency | medical_worry | past_symptoms
    language: str  # nl | en


def _past_story(t: str) -> bool:
    """Symptoms told as over: a past marker, and the story says they are over or nothing says they are now."""
    if len(t.split()) < 12 or not _any(PAST, t):
        return False
    if _any(RESOLVED, t):
        return True
    return not _any(PRESENT, t)


@lru_cache(maxsize=1024)
def assess(text: str) -> Optional[Danger]:
    """The danger a message shows, most urgent first; None when it shows none."""
    t = _literal(text)
    if not t.strip():
        return None
    own = re.search(r"\b(ik|mezelf|mijn leven|i|myself|my life)\b.{0,30}\b(eind(e)? aan|zelfmoord|dood|niet meer leven|kill|end)", t)
    if _any(OTHER_AT_RISK, t) and not own:
        return Danger("other_at_risk", "en" if re.search(r"\b(friend|sister|brother|mother|mom|my)\b", t) and
                      not re.search(r"\b(mijn|ze|hij)\b", t) else "nl")
    if _any(ATTEMPT, t):
        return Danger("attempt", "en" if _any(SUICIDAL_EN, t) or re.search(r"\b(took|taken|swallowed)\b", t) else "nl")
    for kind, nl, en in (("suicidal", SUICIDAL_NL, SUICIDAL_EN), ("self_harm", SELF_HARM_NL, SELF_HARM_EN)):
        if _any(nl, t):
            return Danger(kind, "nl")
        if _any(en, t):
            return Danger(kind, "en")
    joke = _any(JOKE, text.lower())  # "hij vermoordt me als ik nog eens botox neem haha"
    threat_nl = not joke and (_any(THREAT_STRONG_NL, t) or (_any(THREAT_WEAK_NL, t) and not _any(NOT_A_THREAT, t)))
    if threat_nl and _any(LEGAL, t) and not _any(VIOLENCE, t):
        threat_nl = False  # a bailiff at the door, a lawyer's letter: legal pressure, no danger
    emergency_nl, emergency_en = _any(EMERGENCY_NL, t), _any(EMERGENCY_EN, t)
    if emergency_nl or emergency_en:
        # a story about symptoms that are over: answer the question, with one safety line
        if _past_story(t) and not threat_nl:
            return Danger("past_symptoms", "nl" if emergency_nl else "en")
        return Danger("emergency", "nl" if emergency_nl else "en")
    if threat_nl:
        return Danger("threat", "nl")
    if not joke and (_any(THREAT_EN, t) or (_any(THREAT_WEAK_EN, t) and not _any(NOT_A_THREAT_EN, t))):
        return Danger("threat", "en")
    if _past_story(t) and (_any(MEDICAL_WORRY_NL, t) or _any(MEDICAL_WORRY_STORY, t)):
        return Danger("past_symptoms", "nl")
    if _any(MEDICAL_WORRY_NL[:2], t):  # "moet ik naar de huisarts?"
        return Danger("medical_worry", "nl")
    if not _any(RIGHTS, t) and _any(MEDICAL_WORRY_NL, t):
        return Danger("medical_worry", "nl")
    if not _any(RIGHTS, t) and (_any(WORRY_QUESTION, t) or _any(MEDICAL_WORRY_STORY, t)) and (
            re.search(rf"\b({SYMPTOM}|{TREATED}|{PROCEDURE})\b", t)):
        return Danger("medical_worry", "nl")
    if _any(MEDICAL_WORRY_EN, t):
        return Danger("medical_worry", "en")
    return None


LEGAL = _compile([r"\b(rechter|rechtszaak|advocaat|deurwaarder|dagvaarding|incasso|boete|aangetekende brief|juridisch\w*|"
                  r"smaad|laster|sue|lawyer|lawsuit|legal|defamation|court)\b"])


VIOLENCE = _compile([r"\b(sla|slaan|geslagen|sloeg|vermoord\w*|kapot|af ?maken|afmaakt|fik|brand|kogel|klap|bang|pijn|"
                     r"geweld|dood|in elkaar|hurt|kill|beat|scared|afraid)\b"])


def plain_reading(text: str) -> bool:
    """A message about the clinic, money or a complaint, with no word that may carry danger: a model's guess of
    suicidal thoughts there ("ik wil niet meer naar die kliniek") is met with a check-in, not the crisis answer."""
    t = _literal(text)
    return _any(RIGHTS, t) and not _any(WEAK, t)


def model_alarm_stands(kind: str, text: str) -> Optional[str]:
    """What the model's unchecked alarm comes to, read with the same eyes as the plain checks: None when it is a joke
    or legal pressure (the model's next intent then), `past_symptoms` for a story of symptoms that are over, else
    the kind itself. Suicidal thoughts always stand."""
    t = _literal(text)
    if kind in ("suicidal", "self_harm"):
        return kind
    if _any(JOKE, text.lower()) or (kind == "threat" and _any(LEGAL, t) and not _any(VIOLENCE, t)):
        return None
    if kind in ("emergency", "safety_check", "medical_worry") and _past_story(t):
        return "past_symptoms"
    return kind


def _kind(text: str) -> Optional[str]:
    danger = assess(text)
    return danger.kind if danger else None


def suicidal(text: str) -> bool:
    return _kind(text) in ("suicidal", "attempt")


def self_harm(text: str) -> bool:
    return _kind(text) == "self_harm"


def threat(text: str) -> bool:
    return _kind(text) == "threat"


def emergency(text: str) -> bool:
    return _kind(text) == "emergency"


def medical_worry(text: str) -> bool:
    return _kind(text) == "medical_worry"
