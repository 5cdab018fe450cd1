from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from dateline.caching import tags


@register_setting(icon="history")
class NewsroomSettings(BaseSiteSetting):
    public_history = models.BooleanField(
        _("public history"),
        default=True,
        help_text=_(
            "Readers can open the list of an article's published versions and what changed."
        ),
    )

    panels = [FieldPanel("public_history")]

    @classmethod
    def for_site(cls, site):
        # What pages show of it refreshes when it is saved (caching/changes.py).
        tags.add(f"settings-{cls._meta.label_lower}")
        return super().for_site(site)

    class Meta:
        verbose_name = _("newsroom settings")
