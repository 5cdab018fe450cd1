from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediabankConfig(AppConfig):
    name = "dateline.mediabank"
    label = "mediabank"
    verbose_name = _("Media bank")

    def ready(self):
        from django.core.signals import request_finished

        from . import tasks
        from .processing import limit_decoding

        limit_decoding()
        request_finished.connect(tasks.after_response, dispatch_uid="mediabank_renditions")
