"""Comments are plain text: cleaned on the way in, escaped and auto-linked on the way out."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Bidirectional embeddings, overrides and isolates, and zero-width characters.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
# Control characters except tab and newline.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""


def normalise(text):
    """NFC, without invisible or control characters, Unix newlines, no blank runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    text = CONTROL.sub("", text)
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
    """Paragraphs and line breaks, links for http(s) and www. addresses, nothing else."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    html = "".join(
        "<p>" + "<br>".join(_linked(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )
    return mark_safe(html)  # noqa: S308 - every piece of text above is escaped
