"""Views for the threaded ASGI handler's tests (dateline/tests/test_handler.py)."""

import contextvars
import threading
import time

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.urls import path
from django.utils import translation
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
    def chunks():
        for n in range(3):
            time.sleep(0.01)  # other requests run meanwhile
            name = threading.current_thread().name
            yield f"chunk{n}:{translation.get_language()}:{name};".encode()

    return StreamingHttpResponse(chunks(), content_type="text/plain")


def file(request):
    return FileResponse(open(__file__, "rb"), content_type="text/plain")  # noqa: SIM115


def broken(request):
    raise RuntimeError("a view that fails")


urlpatterns = [
    path("echo/", echo),
    path("stream/", stream),
    path("file/", file),
    path("broken/", broken),
    *project_urls.urlpatterns,  # the middleware asks for the admin's address
]
