"""What the Telegram bot says itself, in plain Dutch (B1). Rasa gives every other answer.

The texts on failures, long messages and the rate limit are the gateway's (bot.texts), so both channels say
the same thing; the privacy text agrees with the web page and the README.
"""
from __future__ import annotations

from bot.texts import LMZ, RASA_DOWN, RASA_SLOW, RATE_LIMITED, TOO_LONG  # noqa: F401  (re-exported)

WELCOME = (
    "Hallo! Ik ben een chatbot, geen mens. Ik geef algemene informatie over cosmetische ingrepen, zoals botox, "
    "fillers of een borstvergroting, en over je rechten.\n"
    "Ik help je bijvoorbeeld met:\n"
    "- waar je terecht kunt met een klacht;\n"
    "- hoe lang de kliniek over je klacht mag doen;\n"
    "- of een zwijgcontract geldig is;\n"
    "- een klachtbrief schrijven;\n"
    "- behandeling in het buitenland en implantaten.\n"
    "Ik geef geen medisch of juridisch advies over jouw situatie. Deel geen namen, telefoonnummers of andere "
    "persoonlijke gegevens: die heb ik niet nodig.\n"
    "Typ je vraag, of kies hieronder."
)
WELCOME_BUTTONS = (
    ("Waar kan ik klagen?", "/start_complaint_route"),
    ("Is een zwijgcontract geldig?", "Is een zwijgcontract geldig?"),
    ("Wat kun je allemaal?", "/capabilities"),
)

HELP = (
    "Typ je vraag in gewone woorden. Bijvoorbeeld: Is een zwijgcontract geldig?\n"
    "Kies je een knop? Dan gaat het gesprek daarmee verder.\n\n"
    "/start  uitleg over deze chatbot\n"
    "/reset  opnieuw beginnen\n"
    "/privacy  wat we bewaren\n"
    "/help  deze uitleg\n\n"
    f"{LMZ}"
)

PRIVACY = (
    "Wat bewaren we?\n"
    "- We bewaren het gesprek, zodat de chatbot weet waar je gebleven bent. We bewaren het onder een code. "
    "Je naam, je telefoonnummer en je Telegram-chatnummer geven we niet door aan de chatbot.\n"
    "- Staat er een e-mailadres, telefoonnummer, BSN of rekeningnummer in je bericht? Dan halen we dat eruit "
    "voordat we je bericht bewaren.\n"
    "- Foto's, spraakberichten en bestanden lezen en bewaren we niet.\n"
    "- Na 30 dagen wissen we het gesprek. Wil je het nu al wissen? Typ dan: verwijder mijn gegevens.\n"
    "- Telegram zelf bewaart je berichten ook. Dat staat in de regels van Telegram.\n"
    "Met /reset begin je een nieuw gesprek."
)

# After a crisis answer the help line stays one tap away: a button under the chat that asks the assistant for help.
HELP_BUTTON = "Hulp nu (113 / 112)"
HELP_PAYLOAD = "/crisis_help"
HELP_KEPT = "Hulp nodig? De knop hieronder blijft staan."

RESET_DONE = "We beginnen opnieuw. Wat wil je weten?"
UNKNOWN_COMMAND = "Dat commando ken ik niet. Typ je vraag, of kies /help."
BUTTON_GONE = "Deze knop werkt niet meer. Typ je vraag gerust opnieuw."
RETRY_BUTTON = "Opnieuw proberen"

ONLY_TEXT = "Ik kan alleen tekst lezen. Typ je vraag gerust."
PHOTO = (
    "Ik kan geen foto's bekijken. Ik lees alleen tekst.\n"
    "Stuur liever geen foto's van je lichaam of je behandeling. Dat zijn gevoelige medische gegevens. "
    "Typ je vraag gerust."
)
VOICE = "Ik kan geen spraakberichten of geluid beluisteren. Ik lees alleen tekst. Typ je vraag gerust."
STICKER = "Ik kan stickers en gifjes niet lezen. Ik lees alleen tekst. Typ je vraag gerust."
DOCUMENT = (
    "Ik kan geen bestanden openen. Ik lees alleen tekst.\n"
    "Wil je een stuk uit je contract laten checken? Plak dan de tekst hier. Laat namen en bedragen gerust weg."
)
CONTACT = (
    "Je hoeft geen contactgegevens te delen. Ik heb ze niet nodig, en ik bewaar ze niet. "
    "Typ je vraag gerust."
)
