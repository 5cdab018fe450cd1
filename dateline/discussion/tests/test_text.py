"""Comments are plain text: nothing a reader types becomes markup, except safe links."""

import pytest
from bs4 import BeautifulSoup

from dateline.discussion.text import find_urls, normalise, render_plain_text

XSS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<svg onload="alert(1)"><circle r="4"/></svg>',
    '"><iframe src="https://evil.example/"></iframe>',
    'https://ok.example/"onmouseover="alert(1)',
]


@pytest.mark.parametrize("payload", XSS)
def test_payloads_stay_inert_text(payload):
    html = render_plain_text(payload)
    tree = BeautifulSoup(html, "html.parser")
    tags = {tag.name for tag in tree.find_all(True)}
    assert tags <= {"p", "br", "a"}
    for tag in tree.find_all(True):
        assert not [name for name in tag.attrs if name.startswith("on")]
    for link in tree.find_all("a"):
        assert link["href"].startswith(("http://", "https://"))
        assert set(link["rel"]) == {"nofollow", "ugc", "noopener"}
    assert tree.get_text() == payload


def test_urls_are_linked_without_trailing_punctuation():
    html = render_plain_text("See https://harbour.example/timetable, and www.port.example.")
    tree = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in tree.find_all("a")] == [
        "https://harbour.example/timetable",
        "https://www.port.example",
    ]
    assert tree.get_text() == "See https://harbour.example/timetable, and www.port.example."


def test_paragraphs_and_line_breaks():
    tree = BeautifulSoup(render_plain_text("One\ntwo\n\nThree"), "html.parser")
    paragraphs = tree.find_all("p")
    assert len(paragraphs) == 2
    assert paragraphs[0].find("br") is not None


def test_normalise_composes_unicode():
    decomposed = "Cafe\u0301 on the pier"
    assert normalise(decomposed) == "Café on the pier"


def test_normalise_removes_bidi_overrides_and_zero_width_characters():
    text = "fine\u202etxt.exe\u202c and zero\u200bwidth\u2066iso\u2069\ufeff"
    assert normalise(text) == "finetxt.exe and zerowidthiso"


def test_normalise_trims_and_collapses_blank_runs():
    assert normalise("  first\r\n\r\n\r\n\r\nsecond  ") == "first\n\nsecond"


def test_find_urls():
    assert find_urls("a http://one.example b https://two.example/x?y=1.") == [
        "http://one.example",
        "https://two.example/x?y=1",
    ]
