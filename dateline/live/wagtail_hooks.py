"""Newsroom UI: the breaking-news alerts, raised and retired from the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .alerts import announce
from .models import Alert


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Breaking news")
    menu_name = "breaking-news"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["headline", "level", "locale", "active", "created_at", "retired_at"]
    list_filter = ["active", "level", "locale"]
    ordering = ["-created_at"]


register_snippet(AlertViewSet)


def _announce_alert(request, instance):
    if isinstance(instance, Alert):
        announce(instance.locale.language_code)


hooks.register("after_create_snippet", _announce_alert)
hooks.register("after_edit_snippet", _announce_alert)


@hooks.register("after_delete_snippet")
def _announce_deleted_alerts(request, instances):
    for language in {i.locale.language_code for i in instances if isinstance(i, Alert)}:
        announce(language)
