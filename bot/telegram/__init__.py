"""The Telegram channel of the gateway, with python-telegram-bot 22 (Rasa's own Telegram connector is not used).

    format.py    HTML escaping with clickable links, splitting under Telegram's limit, keyboards
    buttons.py   Rasa's button payloads as callback_data (64 bytes) and back
    ledger.py    per update: answered once, Rasa asked once
    texts.py     what the bot says itself
    handlers.py  TelegramChannel: the Application and its handlers
    webhook.py   POST /telegram/webhook on the gateway (production)
    __main__.py  python -m bot.telegram poll | set-webhook URL | delete-webhook

How to create the bot and run it: docs/telegram.md.
"""
