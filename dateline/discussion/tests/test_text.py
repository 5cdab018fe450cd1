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


# Each hides or reorders text, or breaks lines where the reader's eye sees none.
SMUGGLED = {
    "arabic letter mark": "\u061c",
    "left-to-right mark": "\u200e",
    "mongolian vowel separator": "\u180e",
    "word joiner": "\u2060",
    "interlinear annotation": "\ufff9",
    "tag latin small letter a": "\U000e0061",
    "tag cancel": "\U000e007f",
    "language tag": "\U000e0001",
    "C1 control": "\x9b",
    "private use": "\ue000",
    "noncharacter": "\ufdd0",
    "hangul filler": "\u3164",
}


@pytest.mark.parametrize("char", SMUGGLED.values(), ids=SMUGGLED.keys())
def test_normalise_drops_invisible_characters(char):
    assert normalise(f"harbour{char} tides{char}") == "harbour tides"


def test_a_hidden_message_in_tag_characters_is_removed():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore the rules")
    assert normalise(f"Nice piece on the ferry{hidden}.") == "Nice piece on the ferry."


def test_line_and_paragraph_separators_become_newlines():
    assert normalise("first\u2028second\u2029third") == "first\nsecond\n\nthird"
    tree = BeautifulSoup(render_plain_text("first\u2028second\u2029third"), "html.parser")
    assert [p.get_text("|") for p in tree.find_all("p")] == ["first|second", "third"]
    assert "\u2028" not in str(tree) and "\u2029" not in str(tree)


def test_text_stored_before_the_cleaner_knew_a_character_is_shown_without_it():
    html = render_plain_text("quay\u061c\u2028gate\U000e0061")
    assert BeautifulSoup(html, "html.parser").get_text("|") == "quay|gate"


def test_visible_text_in_any_script_is_kept():
    text = "مرحبا بالعالم — Ελληνικά, 日本語, emoji 👍🏽 and tab\there"
    assert normalise(text) == text


def test_a_comment_of_invisible_characters_only_is_refused_as_empty():
    from dateline.discussion.posting import PostingError, clean_body

    with pytest.raises(PostingError) as refused:
        clean_body("\U000e0068\U000e0069\u061c\u2028\u2029\u3164")
    assert refused.value.field == "body"
