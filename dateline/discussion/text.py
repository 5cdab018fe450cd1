"""Comments are plain text: cleaned on the way in, escaped and auto-linked on the way out."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Characters a reader never sees but that change what is shown or how it is read: every
# format character (Unicode category Cf: bidirectional marks, embeddings, overrides and
# isolates, U+061C ARABIC LETTER MARK, zero-width characters, the soft hyphen, the tag
# characters U+E0000-U+E007F, interlinear annotations...), every control character but tab
# and newline (Cc, C0 and C1), surrogates (Cs), private-use characters (Co), noncharacters,
# and the Hangul fillers, which render as nothing.
DROPPED_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Co"})
KEPT_CONTROLS = frozenset("\t\n")
HANGUL_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
# U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR break lines in some renderers and
# JavaScript string literals: they become the newlines they mean.
SEPARATORS = {"\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"}


def _noncharacter(code):
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _visible(char):
    if char in KEPT_CONTROLS:
        return True
    if char in HANGUL_FILLERS or _noncharacter(ord(char)):
        return False
    return unicodedata.category(char) not in DROPPED_CATEGORIES


URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""


def normalise(text):
    """NFC, without invisible, format or control characters, Unix newlines, no blank runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator, newline in SEPARATORS.items():
        text = text.replace(separator, newline)
    text = unicodedata.normalize("NFC", text)
    text = "".join(char for char in text if _visible(char))
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def find_urls(text):
    return [_trim(match.group(0))[0] for match in URL.finditer(text)]


def _trim(url):
    rest = ""
    while url and url[-1] in TRAILING:
        rest = url[-1] + rest
        url = url[:-1]
    return url, rest


def _linked(line):
    out, last = [], 0
    for match in URL.finditer(line):
        url, rest = _trim(match.group(0))
        out.append(escape(line[last : match.start()]))
        href = url if url.lower().startswith("http") else f"https://{url}"
        out.append(
            f'<a href="{escape(href)}" rel="nofollow ugc noopener">{escape(url)}</a>{escape(rest)}'
        )
        last = match.end()
    out.append(escape(line[last:]))
    return "".join(out)


def render_plain_text(text):
    """Paragraphs and line breaks, links for http(s) and www. addresses, nothing else.

    The text is cleaned again, so a comment stored before a character was added to the
    cleaner is shown without it.
    """
    text = normalise(text)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    html = "".join(
        "<p>" + "<br>".join(_linked(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )
    return mark_safe(html)  # noqa: S308 - every piece of text above is escaped
