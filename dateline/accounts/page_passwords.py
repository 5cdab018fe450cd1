"""Passwords of private pages and document collections (Wagtail's view restrictions), throttled.

Wagtail checks them in its own views (wagtailcore_authenticate_with_password and
wagtaildocs_authenticate_with_password) and has no hook there, so this middleware stands
around those two views: each POST reserves a place under two throttles (throttles.py), per
client address and per restriction (a password shared by every reader of the page, guessed
from many addresses), and a right password (Wagtail answers with a redirect) gives it back.
Over either limit the view is not called at all: a 429 that says when to come back.
"""

from django.shortcuts import render
from django.utils.translation import ngettext

from .throttles import Attempt, Throttle

# Wagtail's URL names, and the argument naming the restriction.
GUARDED_VIEWS = {
    "wagtailcore_authenticate_with_password": ("page", "page_view_restriction_id"),
    "wagtaildocs_authenticate_with_password": ("documents", "restriction_id"),
}


class PagePasswordThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        attempt = getattr(request, "dateline_password_attempt", None)
        if attempt is not None and response.status_code in (301, 302, 303):
            attempt.succeeded()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        guarded = GUARDED_VIEWS.get(request.resolver_match.url_name)
        if request.method != "POST" or guarded is None:
            return None
        kind, argument = guarded
        attempt = Attempt(
            request,
            [
                (Throttle("page_password_address"), None),
                (Throttle("page_password_restriction"), f"{kind}:{view_kwargs.get(argument)}"),
            ],
        )
        if not attempt.begin():
            minutes = attempt.minutes_left()
            message = ngettext(
                "Too many wrong passwords. Try again in %(minutes)d minute.",
                "Too many wrong passwords. Try again in %(minutes)d minutes.",
                minutes,
            ) % {"minutes": minutes}
            response = render(
                request, "accounts/too_many_attempts.html", {"message": message}, status=429
            )
            response["Retry-After"] = str(minutes * 60)
            return response
        request.dateline_password_attempt = attempt
        return None
