"""The discussion's tunable limits: settings.DATELINE_DISCUSSION overrides any of them."""

from django.conf import settings

DEFAULTS = {
    "MAX_LENGTH": 3000,  # characters of a comment
    "MAX_LINKS": 2,  # links in one comment
    "MAX_DEPTH": 2,  # 0 = a comment, 1 = a reply, 2 = a reply to a reply
    "MODE": "post",  # "pre" or "post" where no section or article says otherwise
    "CLOSE_AFTER_DAYS": None,  # None: discussions never close by themselves
    "EDIT_MINUTES": 15,  # a reader may edit their comment this long
    "HOLD_FIRST_COMMENTS": 1,  # a new reader's first N comments wait for a moderator
    "DUPLICATE_HOURS": 24,  # the same text from the same reader within this is refused
    "PER_PAGE": 50,  # top-level comments per page
    # name: (requests, seconds). Registration, login and reset: ACCOUNT_RATE_LIMITS (allauth).
    "RATES": {
        "post_user": (5, 60),
        "post_ip": (20, 60),
        "report_user": (10, 600),
        "report_ip": (30, 600),
        "react_user": (60, 60),
        "react_ip": (180, 60),
    },
}


def get(name):
    value = getattr(settings, "DATELINE_DISCUSSION", {}).get(name, DEFAULTS[name])
    if name == "RATES":
        return {**DEFAULTS["RATES"], **value}
    return value
