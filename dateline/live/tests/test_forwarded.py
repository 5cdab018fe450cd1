"""The per-IP cap behind a proxy: X-Forwarded-For counts only when a trusted proxy sent it."""

import pytest

from dateline.live.stream import LiveStreamApp, client_ip, parse_networks

from .sse import SSEClient, StreamServer

PROXIES = parse_networks(["10.0.0.0/8", "192.0.2.1"])


def scope(peer, *forwarded):
    return {
        "client": (peer, 50000),
        "headers": [(b"x-forwarded-for", value.encode()) for value in forwarded],
    }


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        # No trusted proxy: the connection's address, whatever the header says.
        ("203.0.113.9", ["198.51.100.7"], "203.0.113.9"),
        # A trusted proxy: the address it received the request from.
        ("10.1.2.3", ["198.51.100.7"], "198.51.100.7"),
        # Two proxies in a row; what the reader sent further left is ignored.
        ("192.0.2.1", ["6.6.6.6, 198.51.100.7, 10.9.9.9"], "198.51.100.7"),
        # Several headers are one list.
        ("10.1.2.3", ["6.6.6.6", "198.51.100.8"], "198.51.100.8"),
        # A trusted proxy without the header, or with garbage: the proxy itself.
        ("10.1.2.3", [], "10.1.2.3"),
        ("10.1.2.3", ["not-an-ip"], "10.1.2.3"),
        # IPv6 readers.
        ("10.1.2.3", ["2001:db8::1"], "2001:db8::1"),
    ],
)
def test_client_ip(peer, forwarded, expected):
    assert client_ip(scope(peer, *forwarded), PROXIES) == expected


def test_invalid_proxy_settings_are_skipped():
    assert [str(n) for n in parse_networks(["10.0.0.1", "nonsense", "::1"])] == [
        "10.0.0.1/32",
        "::1/128",
    ]


def forwarded_for(address):
    return [f"X-Forwarded-For: {address}"]


def test_behind_a_trusted_proxy_the_cap_is_per_reader(broker, settings):
    settings.DATELINE_LIVE = {**settings.DATELINE_LIVE, "TRUSTED_PROXIES": ["127.0.0.1"]}
    app = LiveStreamApp(None)
    app.max_per_ip = 1
    with StreamServer(app) as server:
        first = SSEClient(server.port, "/live/stream/edition-en/", headers=forwarded_for("1.1.1.1"))
        other = SSEClient(server.port, "/live/stream/edition-en/", headers=forwarded_for("2.2.2.2"))
        again = SSEClient(server.port, "/live/stream/edition-en/", headers=forwarded_for("1.1.1.1"))
        try:
            assert (first.status, other.status, again.status) == (200, 200, 429)
        finally:
            for client in (first, other, again):
                client.close()


def test_from_an_untrusted_peer_the_header_is_ignored(broker, settings):
    settings.DATELINE_LIVE = {**settings.DATELINE_LIVE, "TRUSTED_PROXIES": []}
    app = LiveStreamApp(None)
    app.max_per_ip = 1
    with StreamServer(app) as server:
        first = SSEClient(server.port, "/live/stream/edition-en/", headers=forwarded_for("1.1.1.1"))
        forged = SSEClient(
            server.port, "/live/stream/edition-en/", headers=forwarded_for("2.2.2.2")
        )
        try:
            assert (first.status, forged.status) == (200, 429)
        finally:
            first.close()
            forged.close()
