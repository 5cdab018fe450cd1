"""While the database does not answer (issue 13, item 3): a 503 with Retry-After within
seconds, and static files and robots.txt still served.

On every database, a database whose every query fails; on PostgreSQL, for real: a backend
frozen with SIGSTOP (it never answers: only the query deadline ends the wait), and a table
locked by another connection while a real server keeps answering other requests."""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import psycopg
import pytest
from bs4 import BeautifulSoup
from django.core.handlers.exception import convert_exception_to_response
from django.core.wsgi import get_wsgi_application
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client
from psycopg_pool import PoolTimeout

from dateline.conftest import build_world, postgresql_only, restore_wagtail_roots
from dateline.guard.outage import DatabaseOutageMiddleware
from dateline.live.tests.sse import StreamServer
from dateline.tests.test_served import get

STATIC = "/static/dateline/css/site.css"


ON_POSTGRESQL = "freezing a database server is PostgreSQL's test"


def ended(pid, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError(f"PostgreSQL backend {pid} still running")


def assert_unavailable(response, started, within=10):
    assert response.status_code == 503, response.content[:300]
    assert time.monotonic() - started < within
    assert int(response["Retry-After"]) > 0
    assert response["X-Accel-Expires"] == "0"
    assert "no-store" in response["Cache-Control"]


def failing(execute, sql, params, many, context):
    raise OperationalError("could not receive data from server: the test's outage")


@pytest.fixture
def world(transactional_db, settings):
    settings.DATELINE_GUARD = {"QUERY_DEADLINE": 2}
    settings.WHITENOISE_USE_FINDERS = True  # static files served as collected ones would be
    restore_wagtail_roots()
    return build_world()


def test_a_failing_database_is_a_503_and_what_needs_none_is_served(world):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(failing):
        started = time.monotonic()
        response = client.get(world.article.url)
        assert_unavailable(response, started)
        page = BeautifulSoup(response.content, "html.parser")
        assert page.find("h1").get_text(strip=True) == "Temporarily unavailable"
        api = client.get("/api/v2/pages/")
        assert api.status_code == 503
        assert api.json()["message"]
        robots = client.get("/robots.txt")
        assert robots.status_code == 200
        assert robots["X-Accel-Expires"] == "0"  # kept by nobody while the data is unknown
        assert client.get(STATIC).status_code == 200
    assert client.get(world.article.url).status_code == 200


def test_a_database_error_raised_in_a_middleware_is_a_503_too(rf):
    def broken_middleware(request):
        raise OperationalError("connection to server failed")

    middleware = DatabaseOutageMiddleware(convert_exception_to_response(broken_middleware))
    response = middleware(rf.get("/en/"))
    assert response.status_code == 503
    assert response["Retry-After"]
    unrelated = DatabaseOutageMiddleware(convert_exception_to_response(lambda r: 1 / 0))
    assert unrelated(rf.get("/en/")).status_code == 500
    fine = DatabaseOutageMiddleware(lambda request: HttpResponse("fine"))
    assert fine(rf.get("/en/")).status_code == 200


def test_a_frozen_backend_is_a_503_within_seconds(world):
    """SIGSTOP on the very backend serving this thread: PostgreSQL never answers, its own
    timeouts never fire; the query deadline (2 s here) cuts the connection."""
    postgresql_only(ON_POSTGRESQL)
    client = Client(raise_request_exception=False)
    assert client.get(world.article.url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        assert_unavailable(client.get(world.article.url), started, within=8)
        assert client.get(STATIC).status_code == 200
        started = time.monotonic()
        assert client.get("/robots.txt").status_code == 200
        assert time.monotonic() - started < 8
    finally:
        os.kill(pid, signal.SIGCONT)
        ended(pid)  # it finds its client gone; the test database can be dropped after
    # Django's handler closes a broken connection after the request (the test client does
    # not): the next request has a new one.
    connection.close_if_unusable_or_obsolete()
    assert client.get(world.article.url).status_code == 200


def wsgi_server():
    """Django's WSGI application (as dateline.wsgi makes it, with this test's settings) under
    a real server, in threads of this process (as in dateline/tests/test_served.py)."""
    return StreamServer(get_wsgi_application(), interface="wsgi")


def lock_pages():
    """Another connection holding the page table locked, as a long migration would."""
    db = connection.settings_dict
    other = psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname=db["NAME"]
    )
    other.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
    return other


def test_a_locked_table_is_a_503_while_the_server_answers_others(world, settings):
    postgresql_only(ON_POSTGRESQL)
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    with wsgi_server() as server:
        assert get(server, world.article.url)[0] == 200
        other = lock_pages()
        try:
            answers = {}

            def read_article():
                started = time.monotonic()
                answers["article"] = get(server, world.article.url), time.monotonic() - started

            reader = threading.Thread(target=read_article)
            reader.start()
            time.sleep(0.3)  # the article's request is waiting on the lock meanwhile
            for path in ("/robots.txt", STATIC):
                started = time.monotonic()
                status, _, _ = get(server, path)
                assert (path, status) == (path, 200)
                assert time.monotonic() - started < 1.5
            reader.join(20)
            (status, headers, body), seconds = answers["article"]
            assert status == 503
            assert seconds < 8
            assert int(headers["Retry-After"]) > 0
            assert "Temporarily unavailable" in body
        finally:
            other.close()
        assert get(server, world.article.url)[0] == 200
    # The stopped server's threads leave their connections open: ended here, so the test
    # database can be dropped.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


PRINT_OPTIONS = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
)


def test_production_settings_bound_every_wait_on_postgresql():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dateline.settings.production",
        "SECRET_KEY": "check-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        "DATABASE_URL": "postgres://dateline@127.0.0.1:5432/dateline",
    }
    env.pop("DATABASE_STATEMENT_TIMEOUT", None)
    options = json.loads(
        subprocess.run(  # noqa: S603 - our own interpreter and settings
            [sys.executable, "-c", PRINT_OPTIONS],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    )
    assert options["connect_timeout"] == 3
    assert options["pool"]["timeout"] == 5
    assert options["options"].split() == [
        "-c",
        "statement_timeout=30s",
        "-c",
        "lock_timeout=10s",
        "-c",
        "idle_in_transaction_session_timeout=60s",
    ]


@pytest.mark.django_db
def test_postgresql_applies_its_timeouts_and_a_pool_timeout_is_a_database_error():
    postgresql_only(ON_POSTGRESQL)
    with connection.cursor() as cursor:
        for name, value in [
            ("statement_timeout", "30s"),
            ("lock_timeout", "10s"),
            ("idle_in_transaction_session_timeout", "1min"),
        ]:
            cursor.execute(f"SHOW {name}")
            assert cursor.fetchone()[0] == value
    with pytest.raises(OperationalError), connection.wrap_database_errors:
        raise PoolTimeout("couldn't get a connection after 5.00 sec")
