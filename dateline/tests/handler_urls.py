"""Views for the threaded ASGI handler's tests (dateline/tests/test_handler.py)."""

import contextvars
import threading

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from dateline import urls as project_urls

seen = contextvars.ContextVar("handler_test_seen", default=None)


@csrf_exempt
def echo(request):
    before = seen.get()
    seen.set(request.path)
    return HttpResponse(
        f"{request.method} {request.body.decode()} {before} {threading.current_thread().name}",
        content_type="text/plain",
    )


def stream(request):
    return StreamingHttpResponse(
        (f"chunk{n};".encode() for n in range(3)), content_type="text/plain"
    )


def broken(request):
    raise RuntimeError("a view that fails")


urlpatterns = [
    path("echo/", echo),
    path("stream/", stream),
    path("broken/", broken),
    *project_urls.urlpatterns,  # the middleware asks for the admin's address
]
