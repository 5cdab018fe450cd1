"""nginx with the shipped deploy/nginx/dateline.conf agrees with the application's body caps
(issue 13, item 6): a reader's route refuses more than 64 KiB before the application sees it,
the admin takes an upload of a few megabytes and refuses one past the upload limit."""

import http.client
import http.server
import threading

import pytest

from dateline.caching.tests.engines import Nginx, free_port, require_nginx


class Origin(http.server.BaseHTTPRequestHandler):
    """Stands for the application: reads the body and says how long it was."""

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        body = str(length).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def nginx(tmp_path):
    require_nginx()
    origin = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Origin)
    threading.Thread(target=origin.serve_forever, daemon=True).start()
    server = Nginx(tmp_path, f"127.0.0.1:{origin.server_address[1]}").start()
    yield server
    server.stop()
    origin.shutdown()


def post(nginx, path, size):
    connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=30)
    try:
        connection.request("POST", path, body=b"x" * size, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, response.read()
    except (BrokenPipeError, ConnectionResetError):
        return 413, b""  # nginx answered and closed before the whole body was sent
    finally:
        connection.close()


def test_nginx_caps_bodies_per_location(nginx):
    assert post(nginx, "/en/discussion/post/1/", 60 * 1024) == (200, b"61440")
    assert post(nginx, "/en/accounts/login/", 100 * 1024)[0] == 413
    assert post(nginx, "/admin/images/multiple/add/", 5 * 1024 * 1024) == (200, b"5242880")
    assert post(nginx, "/admin/images/multiple/add/", 27 * 1024 * 1024)[0] == 413
