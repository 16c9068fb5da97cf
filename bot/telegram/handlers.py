"""The Telegram channel: a python-telegram-bot `Application` whose handlers talk to Rasa over its REST channel.

`TelegramChannel(config, rasa)` builds the Application (`channel.application`) with:

    /start /help /privacy      fixed texts (the welcome has buttons into the assistant)
    /reset                     Rasa gets "/restart" for this chat, then a short confirmation
    other commands             a short text that names /help ("/inform{…}" typed by hand never reaches Rasa)
    text                       rate limit, length, personal data removed, pseudonym, Rasa, answer
    photo, video, image file   a kind text that only text is read, and not to send medical photos
    voice, audio, sticker, gif, file, contact, anything else    a kind text that only text is read
    a button press             acknowledged, its keyboard removed, its payload sent to Rasa like a text

Every handler only takes private chats (filters.ChatType.PRIVATE): in a group the bot reads along with
nothing and says nothing. Edited messages are not answered.

Privacy: a message is scrubbed (bot.privacy.scrub) before Rasa sees it, and when something was removed the
answer starts with PRIVACY_REPLY, as on the web. Rasa knows a chat only as "tg-" + HMAC(chat id,
SESSION_SECRET). Logs name update ids, counts and kinds, never a message text or a chat id.

Not lost, not answered twice (see bot.telegram.ledger): each update's answer is planned as a list of `Part`s in
the ledger before anything is sent. When Rasa or the action server fails (an error, a timeout, or no answer at
all), the person gets the web channel's apology with the LMZ number and a button "Opnieuw proberen" that sends
their (already scrubbed) message again, so nothing they typed is lost. When sending to Telegram fails on a
network error, the record is marked failed: the webhook answers 500 and Telegram delivers the update again; the
next delivery sends what is left and does not ask Rasa a second time. With several gateway replicas the next
delivery may reach another one, which has no record: a text message older than REDELIVERY_AGE is first looked
up in the conversation (each message goes to Rasa with its update id), and an answer found there is sent
instead of asking Rasa again. In long polling Telegram does not deliver
again, so the channel itself tries `delivery_attempts` times. Errors that repeating cannot mend (Telegram
refuses the message, or the person blocked the bot) are logged and the update counts as done.
"""
from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta
from typing import Awaitable, Callable, Optional

from telegram import InputFile, LinkPreviewOptions, ReplyParameters, Update
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import (Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes,
                          MessageHandler, filters)

from bot.config import Config
from bot.conversations import ConversationStore
from bot.privacy import PRIVACY_REPLY, scrub
from bot.pseudonym import TELEGRAM_PREFIX, pseudonymise
from bot.rasa_client import RasaClient, RasaError
from bot.ratelimit import make_limiter
from bot.turn import take_turn
from bot.telegram import texts
from bot.telegram.buttons import ButtonCodec
from bot.telegram.format import Part, render, text_parts
from bot.telegram.ledger import Ledger, Record

log = logging.getLogger(__name__)

RESTART = "/restart"     # Rasa's default intent: action_restart, over REST too
TYPING_EVERY = 4.5       # seconds; Telegram shows "typing…" for 5 seconds or until the next message
TYPING_WAIT = 2.0        # at most this long the answer waits for the first typing action to be sent
ALLOWED_UPDATES = ["message", "callback_query"]

Produce = Callable[[str], Awaitable[list[Part]]]


def api_urls(config: Config) -> tuple[str, str]:
    """PTB's base_url and base_file_url for the Bot API server in TELEGRAM_API_URL (the token is appended)."""
    return f"{config.telegram_api_url}/bot", f"{config.telegram_api_url}/file/bot"


REDELIVERY_AGE = 20  # seconds: a text message older than this is looked up in the conversation first


class TelegramChannel:
    def __init__(self, config: Config, rasa: Optional[RasaClient] = None, *, polling: bool = False,
                 clock: Callable[[], float] = time.monotonic, delivery_attempts: int | None = None,
                 retry_delay: float = 1.0, conversations: Optional[ConversationStore] = None) -> None:
        if not config.telegram_token:
            raise ValueError("TELEGRAM_TOKEN is not set")
        self.config = config
        self.rasa = rasa
        self.limit = make_limiter(config.rate_limit_redis_url, "chat", config.rate_chat_burst,
                                  config.rate_chat_per_minute, clock)
        self.codec = ButtonCodec(config.session_secret)
        self.ledger = Ledger()
        # the gateway's store in webhook mode; its own when polling (closed on stop)
        self._own_store = conversations is None
        self.conversations = conversations or ConversationStore(config.tracker_store_url)
        self.delivery_attempts = delivery_attempts or (3 if polling else 1)
        self.retry_delay = retry_delay
        self._told_limited: set[str] = set()
        self._inflight: dict[int, asyncio.Future] = {}
        self._ready = False
        self._ready_lock = asyncio.Lock()
        self.application = self._build(polling)

    # --- the Application -------------------------------------------------------------------------------------
    def _build(self, polling: bool) -> Application:
        # httpx logs each request's URL at INFO, and the URL holds the bot's token
        if logging.getLogger("httpx").level < logging.WARNING:
            logging.getLogger("httpx").setLevel(logging.WARNING)
        base_url, base_file_url = api_urls(self.config)
        builder = (ApplicationBuilder().token(self.config.telegram_token).base_url(base_url)
                   .base_file_url(base_file_url).job_queue(None))
        if not polling:
            builder = builder.updater(None)
        app = builder.build()
        private, new = filters.ChatType.PRIVATE, filters.UpdateType.MESSAGE
        only = private & new
        app.add_handler(CommandHandler("start", self.on_start, filters=only))
        app.add_handler(CommandHandler("help", self.fixed(texts.HELP), filters=only))
        app.add_handler(CommandHandler("privacy", self.fixed(texts.PRIVACY), filters=only))
        app.add_handler(CommandHandler("reset", self.on_reset, filters=only))
        app.add_handler(MessageHandler(only & filters.COMMAND, self.fixed(texts.UNKNOWN_COMMAND)))
        app.add_handler(MessageHandler(only & filters.TEXT, self.on_text))
        app.add_handler(MessageHandler(only & (filters.PHOTO | filters.VIDEO | filters.Document.IMAGE),
                                       self.fixed(texts.PHOTO)))
        app.add_handler(MessageHandler(only & (filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE),
                                       self.fixed(texts.VOICE)))
        app.add_handler(MessageHandler(only & (filters.Sticker.ALL | filters.ANIMATION), self.fixed(texts.STICKER)))
        app.add_handler(MessageHandler(only & filters.Document.ALL, self.fixed(texts.DOCUMENT)))
        app.add_handler(MessageHandler(only & filters.CONTACT, self.fixed(texts.CONTACT)))
        app.add_handler(MessageHandler(only & ~filters.StatusUpdate.ALL, self.fixed(texts.ONLY_TEXT)))
        app.add_handler(CallbackQueryHandler(self.on_button))
        app.add_error_handler(self.on_error)
        return app

    async def start(self) -> None:
        """Initialises and starts the Application (asks Telegram who the bot is: getMe)."""
        async with self._ready_lock:
            if not self._ready:
                await self.application.initialize()
                await self.application.start()
                self._ready = True

    async def ensure_started(self) -> bool:
        """True when the Application runs; tries to start it when an earlier start failed."""
        if self._ready:
            return True
        try:
            await self.start()
        except TelegramError as exc:
            log.warning("telegram: cannot reach the Bot API (%s)", type(exc).__name__)
        return self._ready

    async def stop(self) -> None:
        async with self._ready_lock:
            if self._ready:
                await self.application.stop()
                await self.application.shutdown()
                self._ready = False
        if self._own_store:
            self.conversations.close()

    async def process(self, data: dict) -> bool:
        """Handles one update from the webhook; False when (part of) the answer could not be sent, so Telegram
        should deliver the update again. A delivery that arrives while the same update is still being handled
        waits for that one and gets its outcome."""
        update = Update.de_json(data, self.application.bot)
        update_id = update.update_id
        if self.ledger.done(update_id):
            log.info("telegram: update %d was answered before", update_id)
            return True
        running = self._inflight.get(update_id)
        if running is not None:
            return await asyncio.shield(running)
        outcome: asyncio.Future = asyncio.get_running_loop().create_future()
        self._inflight[update_id] = outcome
        try:
            await self.application.process_update(update)
            ok = not self.ledger.failed(update_id)
        except BaseException:
            outcome.set_result(False)
            raise
        else:
            outcome.set_result(ok)
            return ok
        finally:
            del self._inflight[update_id]

    def sender(self, chat_id: int) -> str:
        return pseudonymise(str(chat_id), self.config.session_secret, prefix=TELEGRAM_PREFIX)

    # --- handlers --------------------------------------------------------------------------------------------
    def fixed(self, text: str) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
        """A handler that answers with a fixed text."""
        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            async def produce(sender: str) -> list[Part]:
                return text_parts(text)
            await self._respond(update, context, produce)
        return handler

    async def on_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        async def produce(sender: str) -> list[Part]:
            return text_parts(texts.WELCOME, [(t, self.codec.encode(p)) for t, p in texts.WELCOME_BUTTONS])
        await self._respond(update, context, produce)

    async def on_reset(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id, message_id = update.effective_chat.id, update.effective_message.message_id

        async def produce(sender: str) -> list[Part]:
            try:
                await self._with_typing(context, chat_id, self._rasa().send(sender, RESTART))
            except RasaError as exc:
                log.warning("telegram: Rasa failed on reset (%s)", exc.kind)
                return self._apology(exc, RESTART, message_id)
            return text_parts(texts.RESET_DONE)
        await self._respond(update, context, produce)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        chat_id, text = message.chat.id, message.text or ""
        if text.strip() == texts.HELP_BUTTON:  # the help button under the chat (bot/telegram/format.py)
            text = texts.HELP_PAYLOAD

        async def produce(sender: str) -> list[Part]:
            if len(text) > self.config.max_message_chars:
                log.info("telegram: message too long (%d characters)", len(text))
                return text_parts(texts.TOO_LONG)
            clean, kinds = scrub(text)
            # the update id goes with the message: if the Rasa replica that takes it dies, the gateway can tell
            # from the conversation whether it was answered (bot/rasa_client.py). An old message is most likely
            # delivered again, perhaps to another gateway replica than the first time: if Rasa answered it then,
            # that answer is sent and Rasa is not asked again.
            redelivered = message.date is not None and time.time() - message.date.timestamp() > REDELIVERY_AGE
            return await self._ask(context, chat_id, sender, clean, kinds, reply_to=message.message_id,
                                   turn=f"tg-{update.update_id}", look_up_first=redelivered)
        await self._respond(update, context, produce)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        message = query.message
        if message is None or message.chat.type != ChatType.PRIVATE:
            return
        chat_id, data = message.chat.id, query.data or ""

        async def acknowledge() -> None:
            """Stops the button's spinner and removes the keyboard, so an old question cannot be answered twice."""
            for call in (query.answer(), context.bot.edit_message_reply_markup(
                    chat_id=chat_id, message_id=message.message_id, reply_markup=None)):
                try:
                    await call
                except TelegramError as exc:
                    log.info("telegram: acknowledging a button press failed (%s)", type(exc).__name__)

        async def produce(sender: str) -> list[Part]:
            text, reply_to = self.codec.decode(data), None
            if ButtonCodec.is_retry(data):
                original = getattr(message, "reply_to_message", None)
                if original is not None:
                    reply_to = original.message_id
                    if text is None and original.text:
                        text = scrub(original.text)[0]
            if text is None:
                log.info("telegram: a button press that is not (or no longer) known")
                return text_parts(texts.BUTTON_GONE)
            return await self._ask(context, chat_id, sender, text, reply_to=reply_to)
        await self._respond(update, context, produce, first=acknowledge)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("telegram: handling update %s failed (%s)", update_id, type(context.error).__name__,
                  exc_info=context.error)

    # --- the steps every answer takes ------------------------------------------------------------------------
    def _rasa(self) -> RasaClient:
        if self.rasa is None:
            raise RuntimeError("the Telegram channel has no Rasa client")
        return self.rasa

    async def _respond(self, update: Update, context: ContextTypes.DEFAULT_TYPE, produce: Produce,
                       first: Optional[Callable[[], Awaitable[None]]] = None) -> None:
        """Plans the answer once (ledger), then sends what of it has not been sent."""
        update_id, chat_id = update.update_id, update.effective_chat.id
        record = self.ledger.get(update_id)
        if record is not None and record.done:
            return
        if record is None:
            if first is not None:
                await first()
            sender = self.sender(chat_id)
            decision = await self.limit.take(sender)
            if decision.allowed:
                self._told_limited.discard(sender)
                parts = await produce(sender)
            else:
                parts = self._rate_limited(sender)
            record = self.ledger.plan(update_id, parts)
        else:
            log.info("telegram: update %d again: sending the %d parts left", update_id, len(record.remaining))
        await self._deliver(context, chat_id, update_id, record)

    def _rate_limited(self, sender: str) -> list[Part]:
        """The rate limit's text, once until the chat may send again; after that, silence."""
        log.info("telegram: chat rate limit")
        if sender in self._told_limited:
            return []
        if len(self._told_limited) > 10_000:
            self._told_limited.clear()
        self._told_limited.add(sender)
        return text_parts(texts.RATE_LIMITED)

    async def _ask(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, sender: str, text: str,
                   kinds: list[str] | tuple = (), reply_to: Optional[int] = None,
                   turn: Optional[str] = None, look_up_first: bool = False) -> list[Part]:
        """Rasa's answer as parts (bot.turn); the apology with a retry button when Rasa or the action server
        fails."""
        started = time.monotonic()
        try:
            answer = await self._with_typing(context, chat_id, take_turn(
                self._rasa(), self.conversations, sender, text, kinds, turn, look_up_first=look_up_first))
        except RasaError as exc:
            log.warning("telegram: Rasa failed (%s)", exc.kind)
            return (text_parts(PRIVACY_REPLY) if kinds else []) + self._apology(exc, text, reply_to)
        parts = render(answer.messages, self.codec.encode)
        if answer.empty:
            log.warning("telegram: Rasa gave no answer")
            return parts + self._apology(None, text, reply_to)
        log.info("telegram: answer of %d messages in %d parts, removed %s, %d ms", len(answer.messages),
                 len(parts), ",".join(kinds) or "nothing", (time.monotonic() - started) * 1000)
        return parts

    def _apology(self, exc: Optional[RasaError], text: str, reply_to: Optional[int]) -> list[Part]:
        apology = texts.RASA_SLOW if exc is not None and exc.timed_out else texts.RASA_DOWN
        parts = text_parts(apology, [(texts.RETRY_BUTTON, self.codec.retry(text))])
        parts[0].reply_to = reply_to
        return parts

    async def _with_typing(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, work: Awaitable):
        """Awaits `work` while Telegram shows "typing…"; the answer is not sent before the first typing action
        (so it never shows after the answer), but waits at most TYPING_WAIT seconds for it."""
        first = asyncio.Event()

        async def keep_typing() -> None:
            try:
                while True:
                    try:
                        await context.bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
                    except TelegramError as exc:
                        log.info("telegram: typing action failed (%s)", type(exc).__name__)
                    first.set()
                    await asyncio.sleep(TYPING_EVERY)
            finally:
                first.set()

        typing = asyncio.create_task(keep_typing())
        try:
            return await work
        finally:
            try:
                await asyncio.wait_for(first.wait(), TYPING_WAIT)
            except asyncio.TimeoutError:
                pass
            typing.cancel()

    async def _deliver(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, update_id: int,
                       record: Record) -> None:
        if not record.remaining:
            record.finish()
            return
        for attempt in range(self.delivery_attempts):
            wait = self.retry_delay * 2 ** attempt
            try:
                while record.remaining:
                    part = record.remaining[0]
                    try:
                        await self._send(context, chat_id, part)
                    except BadRequest as exc:  # Telegram refuses this part: repeating will not help
                        log.error("telegram: update %d: Telegram refused a part (%s)", update_id, exc)
                    Ledger.sent_one(record)
                return
            except Forbidden:
                log.info("telegram: update %d: the person blocked the bot; nothing sent", update_id)
                record.finish()
                return
            except RetryAfter as exc:
                after = exc.retry_after
                wait = after.total_seconds() if isinstance(after, timedelta) else float(after)
                record.failed = True
            except TelegramError as exc:
                log.warning("telegram: update %d: sending failed (%s)", update_id, type(exc).__name__)
                record.failed = True
            if attempt + 1 < self.delivery_attempts:
                await asyncio.sleep(wait)
        log.warning("telegram: update %d: %d of %d parts sent; the rest waits for the update to come again",
                    update_id, record.sent, record.sent + len(record.remaining))

    async def _send(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, part: Part) -> None:
        if part.is_document:
            await context.bot.send_document(chat_id=chat_id, document=InputFile(part.content, filename=part.filename),
                                            reply_markup=part.keyboard)
            return
        reply = ReplyParameters(message_id=part.reply_to, allow_sending_without_reply=True) if part.reply_to else None
        await context.bot.send_message(chat_id=chat_id, text=part.html, parse_mode=ParseMode.HTML,
                                       reply_markup=part.keyboard, reply_parameters=reply,
                                       link_preview_options=LinkPreviewOptions(is_disabled=True))
