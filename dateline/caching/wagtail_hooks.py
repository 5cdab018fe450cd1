"""The newsroom sees when purges are waiting: changes that readers may not see yet."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import purging, tags
from .middleware import is_anonymous_read, unknown_params_redirect


class PurgeBacklogPanel(Component):
    name = "purge_backlog"
    order = 90
    template_name = "caching/purge_backlog.html"

    def get_context_data(self, parent_context):
        waiting, oldest, failing = purging.backlog()
        from .models import Purge

        last = Purge.objects.exclude(last_error="").order_by("-pk").first()
        return {
            "waiting": waiting,
            "age": (timezone.now() - oldest).total_seconds() if oldest else 0,
            "failing": failing,
            "last_error": last.last_error if last else "",
        }


@hooks.register("construct_homepage_panels")
def add_purge_backlog(request, panels):
    if purging.enabled() and request.user.is_superuser:
        panels.append(PurgeBacklogPanel())


@hooks.register("before_serve_page", order=-100)
def page_routed(page, request, serve_args, serve_kwargs):
    tags.routed(page)


@hooks.register("before_serve_page")
def redirect_unknown_query_params(page, request, serve_args, serve_kwargs):
    if hasattr(page, "query_params_for"):  # pages with routes of their own
        allowed = page.query_params_for(request)
    else:
        allowed = getattr(page, "query_params", None)
    if allowed is not None and is_anonymous_read(request):
        return unknown_params_redirect(request, allowed)
    return None
