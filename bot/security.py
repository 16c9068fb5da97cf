"""Security headers on every response, and the Origin allow-list with CORS for the API.

`install(app, config)` adds:
- a response hook that puts a strict Content-Security-Policy and the other security headers on every response
  (also on 404s, 405s and errors), and CORS headers when the request's Origin is allowed;
- `origin_guard`, a middleware for paths under /api/: a request whose Origin is not allowed gets 403; a request
  without Origin gets 403 unless ALLOW_NO_ORIGIN is set; an OPTIONS preflight from an allowed origin gets 204.
"""
from __future__ import annotations

from typing import Awaitable, Callable

from aiohttp import web

from bot.config import Config

API_PREFIX = "/api/"
ORIGIN_REFUSED = "Deze website mag de chat niet gebruiken."


def content_security_policy(config: Config) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        f"frame-ancestors {config.frame_ancestors}",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ])


def security_headers(config: Config) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": content_security_policy(config),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    frame = config.frame_ancestors.strip()
    if frame == "'none'":
        headers["X-Frame-Options"] = "DENY"
    elif frame == "'self'":
        headers["X-Frame-Options"] = "SAMEORIGIN"
    if config.hsts:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return headers


def cors_headers(origin: str) -> dict[str, str]:
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "600",
    }


def origin_allowed(origin: str | None, config: Config) -> bool:
    return origin is not None and origin.rstrip("/") in config.allowed_origins


def _refused() -> web.Response:
    return web.json_response({"error": "origin_not_allowed", "message": ORIGIN_REFUSED}, status=403)


def make_origin_guard(config: Config) -> Callable:
    @web.middleware
    async def origin_guard(request: web.Request,
                           handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX):
            return await handler(request)
        origin = request.headers.get("Origin")
        if request.method == "OPTIONS":
            if not origin_allowed(origin, config):
                return _refused()
            return web.Response(status=204)
        if origin is None:
            if not config.allow_no_origin:
                return _refused()
        elif not origin_allowed(origin, config):
            return _refused()
        return await handler(request)
    return origin_guard


def make_header_hook(config: Config) -> Callable[[web.Request, web.StreamResponse], Awaitable[None]]:
    static = security_headers(config)

    async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
        for name, value in static.items():
            response.headers.setdefault(name, value)
        response.headers["Server"] = "gateway"  # not the Python and aiohttp versions
        if request.path.startswith(API_PREFIX):
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers["Vary"] = "Origin"
            origin = request.headers.get("Origin")
            if origin_allowed(origin, config):
                response.headers.update(cors_headers(origin))
    return add_headers


def install(app: web.Application, config: Config) -> None:
    app.middlewares.append(make_origin_guard(config))
    app.on_response_prepare.append(make_header_hook(config))
