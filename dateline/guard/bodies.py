"""Request bodies are capped per route before anything reads them.

Without a session every body is small (a comment, signing in, a form page): an anonymous
gigabyte is refused by its Content-Length, never read. With one, the newsroom's forms may send
what Django accepts as form data, and its image and document uploads the upload limit.

Under WSGI (granian) Django reads no more than Content-Length, and nothing without it, so
BodyLimitMiddleware, first in MIDDLEWARE, refuses by that header. Django's ASGI handler reads
the whole body (to disk past FILE_UPLOAD_MAX_MEMORY_SIZE) before any middleware runs:
BodyLimitASGI, around the ASGI application, refuses by the header and counts the bytes of a
body sent without one (chunked), answering 413 as soon as they pass the cap.
"""

import functools

from django.conf import settings
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.urls import reverse

from . import conf


@functools.cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def body_limit(path, signed_in):
    """The most bytes a request to this path may send."""
    if signed_in and path.startswith(admin_prefix()):
        if path[len(admin_prefix()) :].startswith(tuple(conf.get("UPLOAD_PATHS"))):
            return conf.get("UPLOAD_BODY_MAX")
        return conf.get("ADMIN_BODY_MAX")
    return conf.get("BODY_MAX")


def too_large_message(limit):
    return f"Request body too large: at most {limit} bytes here.\n"


def too_large(limit):
    response = HttpResponse(
        too_large_message(limit), status=413, content_type="text/plain; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    response["X-Accel-Expires"] = "0"
    return response


class BodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit():
            return HttpResponse("Bad Content-Length.\n", status=400, content_type="text/plain")
        limit = body_limit(request.path_info, settings.SESSION_COOKIE_NAME in request.COOKIES)
        if int(length) > limit:
            return too_large(limit)
        return self.get_response(request)


class BodyLimitASGI:
    """ASGI middleware: the same caps, applied before Django's handler reads the body."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        cookies = parse_cookie(headers.get(b"cookie", b"").decode("latin-1"))
        limit = body_limit(scope["path"], settings.SESSION_COOKIE_NAME in cookies)
        length = headers.get(b"content-length", b"0").decode("latin-1") or "0"
        if not length.isdigit() or int(length) > limit:
            return await self.refuse(send, limit, 413 if length.isdigit() else 400)

        received = 0
        refused = False

        async def bounded_receive():
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                received += len(message.get("body", b""))
                if received > limit:
                    # The application stops reading (Django drops the request); the client
                    # gets the 413.
                    refused = True
                    await self.refuse(send, limit, 413)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            if not refused:
                await send(message)

        return await self.app(scope, bounded_receive, guarded_send)

    @staticmethod
    async def refuse(send, limit, status):
        body = (too_large_message(limit) if status == 413 else "Bad Content-Length.\n").encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"no-store"),
                    (b"x-accel-expires", b"0"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
