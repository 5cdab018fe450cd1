"""Django under ASGI, each request in one thread: what a page-cache miss costs, halved.

Every view and middleware of Dateline is synchronous; what must be asynchronous (the live
streams, the page cache's hits) is answered in front of Django (see asgi.py). Django's own
ASGI handler runs a synchronous stack with several hops between the event loop and threads per
request (the middleware chain, the view, the response's closing), and a new thread for each
request: about a millisecond and a half of the server's time, measured with robots.txt at 880
requests/s under it and 4,200/s through the same middleware as WSGI.

This handler reads the body on the event loop, runs Django's synchronous handler (the
middleware chain as WSGI runs it) in a small pool of threads, each with its own database
connection as in a threaded WSGI server, and sends the answer from the event loop. The pool's
size is DATELINE_DJANGO_CONCURRENCY: rendering is CPU-bound, so more threads would only queue
inside Python's lock instead of here.
"""

import asyncio
import contextvars
from concurrent.futures import ThreadPoolExecutor

from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers import base
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.http import FileResponse
from django.urls import set_script_prefix


class ThreadedASGIHandler(ASGIHandler):
    def __init__(self, threads):
        base.BaseHandler.__init__(self)
        self.load_middleware(is_async=False)
        self.threads = threads
        self.executor = None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            raise ValueError(f"Django answers HTTP only, not {scope['type']}")
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        loop = asyncio.get_running_loop()
        if self.executor is None:
            self.executor = ThreadPoolExecutor(self.threads, thread_name_prefix="django")
        # A copy of the loop's context per request: what one request sets in a context
        # variable (page-cache tags, the request memo) never leaks into the next on that thread.
        context = contextvars.copy_context()
        answered = loop.run_in_executor(
            self.executor, context.run, self.respond, scope, body_file, send, loop
        )
        try:
            response = await asyncio.shield(answered)
        except asyncio.CancelledError:
            # The server gave up on the request while Django was answering it: a stream
            # Django opened is closed once it is done.
            answered.add_done_callback(self._close_abandoned)
            body_file.close()
            raise
        try:
            if isinstance(response, FileResponse):
                await self.send_file(response, send, loop)
            elif response is not None:
                await self.send_response(response, send)
        except asyncio.CancelledError:
            pass  # the client went away while the answer was being sent
        finally:
            if isinstance(response, FileResponse):
                await loop.run_in_executor(self.executor, response.close)
            body_file.close()

    def respond(self, scope, body_file, send, loop):
        """Django's answer, rendered and closed in this thread; None if it was streamed from
        here; a file is returned open, to be sent from the loop."""
        set_script_prefix(get_script_prefix(scope))
        signals.request_started.send(sender=self.__class__, scope=scope)
        request, error_response = self.create_request(scope, body_file)
        response = error_response if request is None else self.get_response(request)
        response._handler_class = self.__class__
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size  # the server chunks it further
            return response
        if response.streaming and not response.is_async:
            # Streamed from the thread that made it: its chunks may be rendered with the
            # language, URLs and database connection of this request.
            try:
                self.stream_here(response, send, loop)
            finally:
                response.close()
            return None
        if not response.streaming:
            # Sends request_finished here, where this thread's database connection lives.
            response.close()
        return response

    @staticmethod
    def _close_abandoned(answered):
        if answered.cancelled() or answered.exception() is not None:
            return
        response = answered.result()
        if response is not None and response.streaming:
            response.close()

    @staticmethod
    def _start(response):
        headers = [(k.encode("ascii"), v.encode("latin1")) for k, v in response.items()]
        headers += [
            (b"Set-Cookie", c.output(header="").encode("ascii").strip())
            for c in response.cookies.values()
        ]
        return {"type": "http.response.start", "status": response.status_code, "headers": headers}

    def stream_here(self, response, send, loop):
        def sent(message):
            asyncio.run_coroutine_threadsafe(send(message), loop).result()

        sent(self._start(response))
        for chunk in response.streaming_content:
            if chunk:
                sent({"type": "http.response.body", "body": chunk, "more_body": True})
        sent({"type": "http.response.body"})

    async def send_file(self, response, send, loop):
        """A file, a chunk at a time read in the pool (Django's own handler would read it whole
        into memory first); reading a file needs nothing of the request's thread."""
        await send(self._start(response))
        chunks = iter(response.streaming_content)
        while (chunk := await loop.run_in_executor(self.executor, next, chunks, None)) is not None:
            if chunk:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body"})
