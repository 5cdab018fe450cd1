from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "dateline.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from wagtail.signals import page_published

        from .permissions import register_page_permission_policy
        from .roles import section_published
        from .scheduler import register_embedded_scheduler
        from .titles import register_live_titles

        register_page_permission_policy()
        register_live_titles()
        register_embedded_scheduler()
        page_published.connect(section_published, dispatch_uid="newsroom_section_roles")
