from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "dateline.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from . import caching
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        caching.register()
