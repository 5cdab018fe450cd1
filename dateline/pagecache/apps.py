from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "dateline.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from .signal_handlers import register_signal_handlers
        from .tracking import register_tracking

        register_tracking()
        register_signal_handlers()
