"""Wagtail views that name a page the user may not see, refused before they run.

`permissions.py` narrows the lists (explorer, chooser, search, admin API), but some of
Wagtail's views take a page id from the address and show that page's title whatever the list
says: the explorer of a page (`/admin/pages/<id>/`), the page chooser opened on a page, the
chooser's "chosen" answer (`?id=`) and the bulk actions' confirmation (`?id=`). For a page
that is not live and that the user may not edit (another reporter's draft or scheduled
article) the explorer answers as Wagtail does to a denied action (back to the dashboard with
a message) and the others 404, as for a page that does not exist. An id that is not a number
is a 400.
"""

from django.http import Http404, HttpResponseBadRequest
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from .permissions import visible_pages

EXPLORER = {"wagtailadmin_explore", "wagtailadmin_explore_results"}
CHOOSER = {"wagtailadmin_choose_page_child"}
CHOSEN = {"wagtailadmin_choose_page_chosen_multiple"}
BULK_ACTION = "wagtail_bulk_action"


class PageVisibilityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The user (and so the session, which adds "Vary: Cookie") is read only for the
        # views named here: readers' pages stay cacheable.
        match = request.resolver_match
        name = match.url_name if match is not None else None
        if name in EXPLORER or name in CHOOSER:
            ids = [view_kwargs.get("parent_page_id")]
        elif name in CHOSEN:
            ids = request.GET.getlist("id")
        elif name == BULK_ACTION and view_kwargs.get("model_name") == "page":
            ids = request.GET.getlist("id")
        else:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # Wagtail sends them to the login
        ids = [str(pk) for pk in ids if pk is not None]
        if not all(pk.isdigit() for pk in ids):
            return HttpResponseBadRequest("A page id is a number.", content_type="text/plain")
        pages = Page.objects.filter(pk__in=ids)
        if pages.count() == visible_pages(user, pages).count():
            return None
        if name in EXPLORER:
            return permission_denied(request)
        raise Http404("No such page.")
