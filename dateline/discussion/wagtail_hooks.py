"""The discussion in the newsroom: the moderation queue, readers, the log, word rules and
per-page discussion settings. Moderators see only these (see the Moderators group)."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import admin_views
from .admin_forms import DiscussionSettingsForm
from .models import DiscussionSettings, WordRule


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class WordRuleViewSet(ModelViewSet):
    model = WordRule
    icon = "warning"
    menu_label = _("Word rules")
    list_display = ["word", "kind"]
    list_filter = ["kind"]
    search_fields = ["word"]
    form_fields = ["word", "kind"]


class DiscussionSettingsViewSet(ModelViewSet):
    model = DiscussionSettings
    icon = "cogs"
    menu_label = _("Discussion settings")
    list_display = ["page", "mode", "state", "close_after_days"]
    # Section editors see and change only their sections and articles (permissions.py).
    index_view_class = admin_views.SettingsIndexView
    add_view_class = admin_views.SettingsCreateView
    edit_view_class = admin_views.SettingsEditView
    delete_view_class = admin_views.SettingsDeleteView
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            PageChooserPanel("page", ["news.ArticlePage", "news.SectionPage"]),
            FieldPanel("mode"),
            FieldPanel("state"),
            FieldPanel("close_after_days"),
        ],
        base_form_class=DiscussionSettingsForm,
    )


class DiscussionGroup(ModelViewSetGroup):
    items = [WordRuleViewSet, DiscussionSettingsViewSet]
    menu_label = _("Discussion")
    menu_icon = "comment"
    menu_order = 250
    add_to_admin_menu = True

    def get_submenu_items(self):
        own = [
            PermittedMenuItem(
                _("Moderation queue"),
                reverse_lazy("discussion_admin:queue"),
                icon_name="comment",
                permission=admin_views.PERMISSION,
                order=1,
            ),
            PermittedMenuItem(
                _("Moderation log"),
                reverse_lazy("discussion_admin:log"),
                icon_name="history",
                permission=admin_views.PERMISSION,
                order=2,
            ),
        ]
        return own + super().get_submenu_items()


admin_urls = [
    path("", admin_views.queue, name="queue"),
    path("readers/<int:user_id>/", admin_views.reader, name="reader"),
    path("log/", admin_views.log, name="log"),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("discussion/", include((admin_urls, "discussion_admin")))]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return DiscussionGroup()
