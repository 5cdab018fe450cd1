"""Answers that hold for the length of one request, looked up once however often a page asks.

A page with twenty cards asks for the site's root paths, the active edition's locale and the
restricted parts of the tree again and again; each is one query or cache read the first time
and a dictionary look-up after. SiteRootPathsMiddleware opens the memo for each request;
outside a request (commands, tasks, tests calling models) nothing is remembered.
"""

import contextvars

from dateline.pagecache import kept

_memo = contextvars.ContextVar("dateline_request_memo", default=None)


def open_memo():
    """Start an empty memo; returns the token to close it with."""
    return _memo.set({})


def close_memo(token):
    _memo.reset(token)


def remember(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute()
        return value


def remember_kept(key, entry_tags, compute):
    """compute(), kept in the worker between requests while entry_tags are unchanged
    (pagecache/kept.py), and asked of the worker once per request."""
    return remember(key, lambda: kept.remember(key, entry_tags, compute))


def is_open():
    return _memo.get() is not None
