"""A page's cache key is its URL, without the query parameters that never change a page.

The ASGI front (asgi.py) and the Django middleware build it from different objects; both go
through url() so they always agree.
"""

from urllib.parse import parse_qsl, urlencode


def _kept(name, ignored):
    return not any(
        name == item or (item.endswith("_") and name.startswith(item)) for item in ignored
    )


def normalise_query(query, ignored):
    if not query:
        return ""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if _kept(k, ignored)]
    pairs.sort()
    return urlencode(pairs)


def url(scheme, host, path, query, ignored):
    query = normalise_query(query, ignored)
    return f"{scheme}://{host.lower()}{path}" + (f"?{query}" if query else "")


def for_request(request, ignored):
    return url(
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        ignored,
    )
