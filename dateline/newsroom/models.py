from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from dateline.pagecache import kept, tags


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
        # Asked by every article page; kept in the worker until settings are saved, and
        # what the pages show of it refreshes then (pagecache/signal_handlers.py).
        tags.add(tags.SETTINGS)
        if site is None:
            return super().for_site(site)
        return kept.remember(
            ("settings", cls._meta.label, site.pk),
            {tags.SETTINGS},
            lambda: super(NewsroomSettings, cls).for_site(site),
            copied=True,
        )

    class Meta:
        verbose_name = _("newsroom settings")
