"""The edition a page belongs to: its home page and its sections, for the masthead."""

from functools import cached_property

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Site

from dateline.caching import tags

from . import memo
from .caching import masthead_sections, remember_masthead
from .models import HomePage
from .models.editions import locale_for, og_locale
from .models.home import ROUTED_HOME


class Edition:
    """Looked up lazily, so pages that never show the masthead (the admin) pay nothing."""

    def __init__(self, request):
        self.request = request
        self.language = translation.get_language() or settings.LANGUAGE_CODE
        self.site_name = settings.WAGTAIL_SITE_NAME
        self.og_locale = og_locale(self.language)

    @cached_property
    def home(self):
        # Every page shows the masthead: one tag for it, not a dependency on each section.
        tags.add(f"masthead-{self.language}")
        with tags.untracked():
            return self._home()

    def _home(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return None
        try:
            locale = locale_for(self.language)
        except Locale.DoesNotExist:
            return None
        routed = memo.recall(ROUTED_HOME)
        if (
            routed is not None
            and routed.live
            and routed.locale_id == locale.pk
            and routed.translation_key == site.root_page.translation_key
        ):
            return routed  # the page the query below would read, already loaded
        return (
            HomePage.objects.filter(translation_key=site.root_page.translation_key, locale=locale)
            .live()
            .first()
        )

    @cached_property
    def sections(self):
        if self.home is None:
            return []
        with tags.untracked():
            sections = masthead_sections(self.home)
        remember_masthead(self.language, self.home, sections)
        return sections


def edition(request):
    return {"edition": Edition(request)}
