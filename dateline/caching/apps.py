from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "dateline.caching"
    label = "caching"
    verbose_name = "Caching"

    def ready(self):
        from . import changes, purging, tags

        tags.register_tracking()
        changes.register_signal_handlers()
        purging.register_purger()
