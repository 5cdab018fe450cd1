"""The server process (dateline.asgi) starts without Wagtail's v3 API, and otherwise exactly as
any other Django process: the same hooks and the same signal receivers."""

import json
import os
import subprocess
import sys

PROBE = """
import json, sys, weakref
{setup}
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.signals import page_published, page_slug_changed, post_page_move

def names(signal):
    receivers = (entry[1] for entry in signal.receivers)
    receivers = (r() if isinstance(r, weakref.ReferenceType) else r for r in receivers)
    return sorted(f"{{r.__module__}}.{{r.__qualname__}}" for r in receivers if r is not None)

report = {{
    "imported": sorted(n for n in ("ninja", "wagtail.api.v3.registry") if n in sys.modules),
    "hooks": {{name: len(hooks.get_hooks(name)) for name in sorted(hooks._hooks)}},
    "receivers": {{
        name: names(signal)
        for name, signal in [
            ("post_save", post_save), ("post_delete", post_delete),
            ("page_published", page_published), ("page_slug_changed", page_slug_changed),
            ("post_page_move", post_page_move), ("setting_changed", setting_changed),
        ]
    }},
}}
from wagtail.api.v3.api import api
report["v3_afterwards"] = type(api).__name__
print(json.dumps(report))
"""


def probe(setup):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dateline.settings.test"}
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", PROBE.format(setup=setup)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    return json.loads(out.splitlines()[-1])


def test_the_server_process_skips_wagtails_v3_api_and_nothing_else():
    served = probe("import dateline.asgi")
    full = probe("import django; django.setup()")

    assert served["imported"] == []
    assert full["imported"] == ["ninja", "wagtail.api.v3.registry"]
    assert served["hooks"] == full["hooks"]
    assert served["hooks"]["before_serve_page"] > 0
    # Django Ninja's own settings receiver is the one difference.
    full["receivers"]["setting_changed"].remove("ninja.conf.reload_ninja_settings")
    assert served["receivers"] == full["receivers"]
    assert any("redirects" in r for r in served["receivers"]["post_page_move"])
    # The stand-ins are gone once the process has started: a later import gets the real API.
    assert served["v3_afterwards"] == full["v3_afterwards"] == "NinjaAPI"
