"""What the gateway itself says, on every channel, in plain Dutch (B1): on failures, long or unreadable
messages and the rate limit. Rasa gives every other answer; the Telegram bot's own texts are bot/telegram/texts.py.
"""
from pathlib import Path

import yaml

UNREADABLE = "Ik kan dit bericht niet lezen. Laad de pagina opnieuw en probeer het nog eens."
EMPTY = "Je bericht is leeg. Typ eerst je vraag."
TOO_LONG = "Je bericht is te lang. Stel je vraag in een paar zinnen."
RATE_LIMITED = "Je stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw."
LMZ = "Wil je nu iemand spreken over een klacht over de zorg? Bel dan het Landelijk Meldpunt Zorg: 088 - 120 50 20, op werkdagen van 9:00 tot 17:00 uur."
# Urgent help, the same text the assistant's safety answers rest on (data/knowledge/safety.yml), so that it is
# there also when the assistant itself cannot answer.
URGENT = " ".join((yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "knowledge" / "safety.yml")
                   .read_text(encoding="utf-8"))["gateway"]["nl"]).split())
RASA_DOWN = f"Het lukt nu even niet om je vraag te beantwoorden. Probeer het over een paar minuten opnieuw. {URGENT} {LMZ}"
RASA_SLOW = f"Het duurt nu te lang om je vraag te beantwoorden. Probeer het over een paar minuten opnieuw. {URGENT} {LMZ}"
