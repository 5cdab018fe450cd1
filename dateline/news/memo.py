"""Answers that hold for one request, looked up once however often its page asks.

A page with twenty cards asks for the edition's locale and the restricted parts of the tree
again and again. RequestMemoMiddleware opens an empty memo for each request; outside a
request (commands, tasks, tests calling models) nothing is remembered. Nothing outlives its
request: there is nothing to invalidate.
"""

import contextvars

_memo = contextvars.ContextVar("dateline_request_memo", default=None)


def remember(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def recall(key):
    """What was remembered under key in this request, or None: nothing is computed."""
    memo = _memo.get()
    return memo.get(key) if memo is not None else None


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
