from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuardConfig(AppConfig):
    name = "dateline.guard"
    label = "guard"
    verbose_name = _("Request guards")

    def ready(self):
        from . import outage

        outage.register()
