"""Searches are bounded: characters and words (DATELINE_GUARD's SEARCH_MAX_*).

Wagtail's search backends nest one clause per word, so hundreds of words ended in a
RecursionError (a 500). The API answers a longer search with a 400 (syndication/api/views.py);
the admin's searches (?q=) are trimmed to the limits, with a message (AdminSearchLimitMiddleware).
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from . import conf
from .bodies import admin_prefix


def problem(text):
    """Why this search is refused, or None."""
    max_chars, max_words = conf.get("SEARCH_MAX_CHARS"), conf.get("SEARCH_MAX_WORDS")
    if len(text.split()) > max_words:
        return f"search has too many words: at most {max_words}"
    if len(text) > max_chars:
        return f"search is too long: at most {max_chars} characters"
    return None


def trimmed(text):
    """The search within the limits: its first whole words."""
    max_chars, max_words = conf.get("SEARCH_MAX_CHARS"), conf.get("SEARCH_MAX_WORDS")
    words = text[: max_chars * 2].split()[:max_words]
    while len(" ".join(words)) > max_chars and len(words) > 1:
        words.pop()
    return " ".join(words)[:max_chars]


class AdminSearchLimitMiddleware:
    """The newsroom's searches (?q= anywhere in the admin) within the limits, saying so."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        text = request.GET.get("q")
        if text and request.path_info.startswith(admin_prefix()) and problem(text):
            request.GET = request.GET.copy()
            request.GET["q"] = trimmed(text)
            messages.warning(
                request,
                _("Only the first %(words)d words (%(chars)d characters) were searched for.")
                % {"words": conf.get("SEARCH_MAX_WORDS"), "chars": conf.get("SEARCH_MAX_CHARS")},
            )
        return self.get_response(request)
