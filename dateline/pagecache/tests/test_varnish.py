"""A real Varnish (Debian's package) in front of Dateline: pages are kept, and a change
purges exactly the pages that show it, through Wagtail's front-end cache backend."""

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from dateline.conftest import build_world, restore_wagtail_roots

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish.vcl"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def world(transactional_db, live_server):
    restore_wagtail_roots()
    return build_world()


@pytest.fixture
def varnish(live_server, tmp_path):
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    assert Path(varnishd).exists(), "Varnish is not installed: scripts/test installs it"
    backend = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "dateline.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend}";'))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own command line
        [varnishd, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-a", f"127.0.0.1:{port}",
         "-f", str(vcl), "-s", "malloc,32m", "-p", "default_ttl=0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
    url = f"http://127.0.0.1:{port}"
    frontend = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=frontend):
        yield url
    process.terminate()
    process.wait(timeout=10)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - http only
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return response.headers, response.read().decode()


def test_varnish_keeps_pages_and_a_change_purges_exactly_the_pages_that_show_it(world, varnish):
    article, other = varnish + world.article.url, varnish + world.defense.url
    headers, body = fetch(article)
    assert headers["X-Cache"] == "MISS"
    assert "Crew members load cargo" in body or "Loading before dawn." in body
    assert f"photo-{world.body_photo.pk}" in headers["Surrogate-Key"].split()
    fetch(other)
    assert fetch(article)[0]["X-Cache"] == "HIT"
    assert fetch(other)[0]["X-Cache"] == "HIT"
    # Cookies of anonymous readers do not split the cache.
    assert fetch(article, {"Cookie": "csrftoken=abc; theme=dark"})[0]["X-Cache"] == "HIT"

    photo = world.lead_photo
    photo.photographer = "Odile Marsh"
    photo.save()  # purges on commit, through Wagtail's HTTP backend

    headers, body = fetch(article)
    assert headers["X-Cache"] == "MISS"
    assert "Odile Marsh" in body
    assert fetch(other)[0]["X-Cache"] == "HIT"  # the defense section does not show that photo


def test_a_logged_in_reader_passes_through_varnish(world, varnish):
    fetch(varnish + world.article.url)
    headers, _ = fetch(varnish + world.article.url, {"Cookie": "sessionid=whatever"})
    assert headers["X-Cache"] == "MISS"
