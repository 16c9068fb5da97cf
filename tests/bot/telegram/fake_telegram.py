"""A fake Telegram Bot API server and real Update JSON, for the channel's tests (tests/bot/telegram) and the
tests against the real assistant (tests/integration/test_telegram.py).

`FakeTelegram.app()` serves /bot<token>/<method> like api.telegram.org: it answers getMe, sendMessage,
sendDocument, sendChatAction, answerCallbackQuery, editMessageReplyMarkup, setWebhook, deleteWebhook and
getUpdates, records every call, and can fail calls on request. python-telegram-bot is pointed at it through its
base URL (TELEGRAM_API_URL).
"""
from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz"
WEBHOOK_SECRET = "webhook-secret_0123456789abcdefABCDEF"
BOT_ID = 4242
JSON_FIELDS = {"reply_markup", "reply_parameters", "link_preview_options", "allowed_updates"}


# --- the fake Bot API ---------------------------------------------------------------------------------------
@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


@dataclass
class FakeTelegram:
    """Records every call; `fail` scripts the next calls of a method: {"sendMessage": [0, 502]} lets the next one
    through (0) and fails the one after with 502."""
    calls: list[Call] = field(default_factory=list)
    fail: dict[str, list[int]] = field(default_factory=dict)
    updates: list[dict] = field(default_factory=list)  # for getUpdates
    next_message_id: int = 1000

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self.handle)
        return app

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            return await request.json(), files
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                files[name] = (value.filename, value.file.read())
            elif name in JSON_FIELDS:
                params[name] = json.loads(value)
            elif name in {"chat_id", "message_id", "offset", "timeout", "limit"}:
                params[name] = int(value)
            else:
                params[name] = value
        return params, files

    async def handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params, files = await self._params(request)
        self.calls.append(Call(method, params, files))
        failures = self.fail.get(method)
        code = failures.pop(0) if failures else 0
        if code:
            body: dict[str, Any] = {"ok": False, "error_code": code, "description": f"fake failure {code}"}
            if code == 429:
                body["parameters"] = {"retry_after": 1}
            return web.json_response(body, status=code)
        if method == "getUpdates":
            offset = params.get("offset", 0)
            ready = [u for u in self.updates if u["update_id"] >= offset]
            if not ready:
                await asyncio.sleep(0.05)
            return web.json_response({"ok": True, "result": ready})
        return web.json_response({"ok": True, "result": self.result(method, params, files)})

    def result(self, method: str, params: dict, files: dict) -> Any:
        if method == "getMe":
            return {"id": BOT_ID, "is_bot": True, "first_name": "Zorgvragen", "username": "zorgvragen_test_bot",
                    "can_join_groups": False, "can_read_all_group_messages": False,
                    "supports_inline_queries": False}
        if method in ("sendMessage", "sendDocument", "editMessageReplyMarkup"):
            self.next_message_id += 1
            message: dict[str, Any] = {
                "message_id": params.get("message_id", self.next_message_id), "date": int(time.time()),
                "chat": {"id": params["chat_id"], "type": "private"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Zorgvragen"}}
            if method == "sendMessage":
                message["text"] = visible(params["text"])
            if method == "sendDocument":
                name = files["document"][0] if "document" in files else "file"
                message["document"] = {"file_id": "f1", "file_unique_id": "u1", "file_name": name}
            return message
        return True  # sendChatAction, answerCallbackQuery, setWebhook, deleteWebhook

    # --- what a test looks at ---
    def methods(self) -> list[str]:
        return [c.method for c in self.calls if c.method != "getMe"]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method in ("sendMessage", "sendDocument")
                and (chat_id is None or c.params["chat_id"] == chat_id)]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [visible(c.params["text"]) for c in self.sent(chat_id) if c.method == "sendMessage"]

    def clear(self) -> None:
        self.calls.clear()


class _Visible(HTMLParser):
    """Telegram's HTML: the visible text, the links, and a check that only Telegram's tags are used."""
    ALLOWED = {"a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "blockquote",
               "tg-spoiler", "span", "tg-emoji"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._anchor: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        assert tag in self.ALLOWED, f"tag <{tag}> is not Telegram HTML"
        if tag == "a":
            self._href, self._anchor = dict(attrs)["href"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.links.append((self._href or "", "".join(self._anchor)))
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._href is not None:
            self._anchor.append(data)


def parse_html(text: str) -> _Visible:
    parser = _Visible()
    parser.feed(text)
    parser.close()
    return parser


def visible(text: str) -> str:
    return "".join(parse_html(text).text)


def links(text: str) -> list[tuple[str, str]]:
    return parse_html(text).links


def keyboard_of(call: Call) -> list[tuple[str, str]]:
    """(title, callback_data) of the inline keyboard of a sent message."""
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


# --- real Update JSON ----------------------------------------------------------------------------------------
CHAT_A, CHAT_B = 111222333, 444555666
_ids = iter(range(500_000, 10**9))


def _user(chat_id: int) -> dict:
    return {"id": chat_id, "is_bot": False, "first_name": "Sanne", "language_code": "nl"}


def _chat(chat_id: int, kind: str = "private") -> dict:
    if kind == "private":
        return {"id": chat_id, "type": "private", "first_name": "Sanne"}
    return {"id": chat_id, "type": kind, "title": "Vriendinnen"}


def message_update(chat_id: int = CHAT_A, *, update_id: int | None = None, message_id: int = 10,
                   chat_type: str = "private", from_id: int | None = None, **content: Any) -> dict:
    return {"update_id": update_id if update_id is not None else next(_ids),
            "message": {"message_id": message_id, "date": int(time.time()), "from": _user(from_id or chat_id),
                        "chat": _chat(chat_id, chat_type), **content}}


def text_update(text: str, chat_id: int = CHAT_A, **kw: Any) -> dict:
    return message_update(chat_id, text=text, **kw)


def command_update(command: str, chat_id: int = CHAT_A, **kw: Any) -> dict:
    name = command.split()[0]
    return message_update(chat_id, text=command, entities=[{"type": "bot_command", "offset": 0,
                                                            "length": len(name)}], **kw)


def photo_update(chat_id: int = CHAT_A, **kw: Any) -> dict:
    sizes = [{"file_id": "p1", "file_unique_id": "up1", "width": 90, "height": 90, "file_size": 1200},
             {"file_id": "p2", "file_unique_id": "up2", "width": 800, "height": 800, "file_size": 64000}]
    return message_update(chat_id, photo=sizes, caption="kijk, mijn lippen na de filler", **kw)


def voice_update(chat_id: int = CHAT_A, **kw: Any) -> dict:
    return message_update(chat_id, voice={"file_id": "v1", "file_unique_id": "uv1", "duration": 4,
                                          "mime_type": "audio/ogg", "file_size": 9000}, **kw)


def sticker_update(chat_id: int = CHAT_A, **kw: Any) -> dict:
    return message_update(chat_id, sticker={"file_id": "s1", "file_unique_id": "us1", "type": "regular",
                                            "width": 512, "height": 512, "is_animated": False,
                                            "is_video": False, "emoji": "😊"}, **kw)


def document_update(chat_id: int = CHAT_A, mime_type: str = "application/pdf", **kw: Any) -> dict:
    return message_update(chat_id, document={"file_id": "d1", "file_unique_id": "ud1", "file_name": "contract.pdf",
                                             "mime_type": mime_type, "file_size": 50000}, **kw)


def callback_update(data: str, chat_id: int = CHAT_A, *, message_id: int = 2000, update_id: int | None = None,
                    reply_to: dict | None = None, message_text: str = "Waar was de behandeling?") -> dict:
    message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()),
                               "from": {"id": BOT_ID, "is_bot": True, "first_name": "Zorgvragen"},
                               "chat": _chat(chat_id), "text": message_text}
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    return {"update_id": update_id if update_id is not None else next(_ids),
            "callback_query": {"id": str(next(_ids)), "from": _user(chat_id), "chat_instance": "ci-1",
                               "message": message, "data": data}}
