"""The guards' limits: settings.DATELINE_GUARD overrides any of them."""

from django.conf import settings

DEFAULTS = {
    # Bytes of a request body. Readers' forms (a comment, signing in, a form page) and any
    # request without a session: small. The newsroom's forms: Django's limit on form data.
    # The admin's image and document uploads: the image upload limit and its form around it.
    "BODY_MAX": 64 * 1024,
    "ADMIN_BODY_MAX": None,  # None: DATA_UPLOAD_MAX_MEMORY_SIZE
    "UPLOAD_BODY_MAX": None,  # None: WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1 MiB
    # Below the admin's address: where files are uploaded.
    "UPLOAD_PATHS": ("images/", "documents/"),
    # A search (the API's ?search=, the admin's ?q=): characters and words.
    "SEARCH_MAX_CHARS": 200,
    "SEARCH_MAX_WORDS": 16,
    # Seconds a request waits for one answer of PostgreSQL before its connection is cut
    # (a frozen server never answers, and its statement_timeout never fires): readers' pages,
    # and the newsroom's (whose statements may run up to statement_timeout).
    "QUERY_DEADLINE": 5.0,
    "ADMIN_QUERY_DEADLINE": 40.0,
    # Seconds the 503 asks clients to wait before trying again.
    "RETRY_AFTER": 30,
}


def get(name):
    value = getattr(settings, "DATELINE_GUARD", {}).get(name, DEFAULTS[name])
    if value is None and name == "ADMIN_BODY_MAX":
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if value is None and name == "UPLOAD_BODY_MAX":
        return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1024 * 1024
    return value
