from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "dateline.discussion"
    label = "discussion"
    verbose_name = _("Discussion")

    def ready(self):
        from dateline.accounts.personal_data import register

        from . import personal_data

        register("discussion", export=personal_data.export, erase=personal_data.erase)
