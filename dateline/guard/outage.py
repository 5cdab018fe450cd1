"""While the database does not answer: a clear 503 with Retry-After, within seconds.

PostgreSQL's own timeouts (connect_timeout, statement_timeout, lock_timeout, the pool's
checkout timeout: settings/base.py) end a wait the server can end. A frozen server (a
stopped process, a host that stopped answering) ends none: PostgreSQL never replies, so a
request would wait for ever, and its thread with it. Each query of a request therefore has a
deadline (DATELINE_GUARD's QUERY_DEADLINE, ADMIN_QUERY_DEADLINE): past it, a watchdog thread
shuts the connection's socket down, the query fails at once, and the connection is dropped.

Any database error that reaches Django's handler (OperationalError, InterfaceError, the pool's
timeout, which Django raises as an OperationalError) becomes a plain 503 page that needs no
database, or a JSON 503 on the API. Pages that need no database (static files, robots.txt)
are served meanwhile.
"""

import contextlib
import itertools
import logging
import os
import socket
import sys
import threading
import time

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from . import conf
from .bodies import admin_prefix

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def unavailable(request):
    """The 503: no database, no template context processors, nothing kept by any cache."""
    retry_after = conf.get("RETRY_AFTER")
    if request.path_info.startswith("/api/"):
        response = JsonResponse(
            {"message": "the database is unavailable: try again later"}, status=503
        )
    else:
        response = HttpResponse(
            render_to_string("guard/503.html", {"retry_after": retry_after}), status=503
        )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    response["X-Accel-Expires"] = "0"
    return response


class Watchdog:
    """One thread per process cutting the connections of queries past their deadline; it
    sleeps until the nearest deadline, or until a query is watched."""

    def __init__(self):
        self.condition = threading.Condition()
        self.watched = {}  # token: (deadline, socket's file descriptor)
        self.tokens = itertools.count()
        self.thread = None

    def watch(self, fileno, seconds):
        with self.condition:
            token = next(self.tokens)
            self.watched[token] = (time.monotonic() + seconds, fileno)
            if self.thread is None:
                self.thread = threading.Thread(target=self.run, name="db-watchdog", daemon=True)
                self.thread.start()
            self.condition.notify()
        return token

    def release(self, token):
        with self.condition:
            self.watched.pop(token, None)

    def run(self):
        with self.condition:
            while True:
                now = time.monotonic()
                # Under the lock: a query that ended has released its token, so its
                # connection (perhaps back in the pool, in another request's hands) is
                # never cut.
                for token, (deadline, fileno) in list(self.watched.items()):
                    if now >= deadline:
                        del self.watched[token]
                        cut(fileno)
                nearest = min((deadline for deadline, _ in self.watched.values()), default=None)
                self.condition.wait(None if nearest is None else max(nearest - now, 0.01))


def cut(fileno):
    try:
        with socket.socket(fileno=os.dup(fileno)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
        logger.warning("A query got no answer from the database in time: connection cut")
    except OSError:
        pass


watchdog = Watchdog()


class QueryDeadline:
    """An execute wrapper: the query's connection is cut past its deadline."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __call__(self, execute, sql, params, many, context):
        connection = context["connection"]
        try:
            fileno = connection.connection.fileno()
        except (AttributeError, OSError, ValueError):
            return execute(sql, params, many, context)
        token = watchdog.watch(fileno, self.seconds)
        try:
            return execute(sql, params, many, context)
        finally:
            watchdog.release(token)


class DatabaseOutageMiddleware:
    """Early in MIDDLEWARE: the deadlines on the request's queries, and the 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin = request.path_info.startswith(admin_prefix())
        deadline = QueryDeadline(conf.get("ADMIN_QUERY_DEADLINE" if admin else "QUERY_DEADLINE"))
        with contextlib.ExitStack() as stack:
            for connection in connections.all():
                if connection.vendor == "postgresql":
                    stack.enter_context(connection.execute_wrapper(deadline))
            response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_unavailable", False):
            # An error raised by a middleware (a session, the caching middleware's reads),
            # which Django's handler turned into its 500 page.
            return unavailable(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("Database unavailable (%s): 503 for %s", exception, request.path)
            return unavailable(request)
        return None


def mark_database_errors(sender, request=None, **kwargs):
    """Django's handler answered an exception with its 500: was it the database?"""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.database_unavailable = True


def register():
    got_request_exception.connect(mark_database_errors, dispatch_uid="guard-database-errors")
