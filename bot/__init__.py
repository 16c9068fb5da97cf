"""The web gateway: a small aiohttp application between the browser widget and Rasa's REST channel.

It checks where a request comes from, limits how often one session or address may ask, removes personal
data from the message, replaces the browser's session id by a keyed pseudonym, and passes on only the parts of
Rasa's answer the widget shows. `create_app(config)` in `bot.app` builds it; `python -m bot` serves it.
"""
