from functools import cache, cached_property, partial

from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from dateline.caching import tags
from dateline.news import memo
from dateline.news.forms import NewsroomPageForm


class EditionPageMixin:
    """Every reader page knows its translations, for hreflang and the edition switcher."""

    # The query parameters a page reads; any other gets a redirect without it (the shared
    # cache keeps one object per page: caching/middleware.py).
    query_params = frozenset()

    # Every reader page's editing form refuses a save from an out-of-date form (forms.py).
    base_form_class = NewsroomPageForm

    # Where URLs usually lead below this page: Wagtail's routing looks there first, with one
    # query on the child's own table instead of two (the page row, then its specific row).
    routing_child_model = None

    def route(self, request, path_components):
        if path_components and self.routing_child_model:
            model = apps.get_model(self.routing_child_model)
            # Siblings have distinct slugs: no ordering to compile.
            child = model.objects.child_of(self).filter(slug=path_components[0]).order_by()
            child = next(iter(child[:1]), None)
            if child is not None:
                return self.routed_child(child).route(request, path_components[1:])
        return super().route(request, path_components)

    def routed_child(self, child):
        return child

    def edition_links(self, request=None):
        """(language code, language name, url, is this page) for every edition, in settings order.

        An edition without a translation of this page links to that edition's home page.
        """
        # A translation published later must reach this page too: it was not loaded here.
        tags.add(f"translations-{self.translation_key}")
        translations = {
            page.locale.language_code: page
            for page in self.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
            .only("title", "url_path", "locale__language_code")  # a link (titled: tagged)
        }
        links = []
        for code, name in settings.LANGUAGES:
            page = translations.get(code)
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": page.get_url(request) if page else f"/{code}/",
                    "translated": page is not None,
                    "current": page is not None and page.pk == self.pk,
                    "default": code == settings.LANGUAGE_CODE,  # hreflang x-default
                    "og_locale": og_locale(code),
                }
            )
        return links

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Asked for by the template (head and masthead), often from a kept fragment: lazily.
        context["edition_links"] = cache(partial(self.edition_links, request))
        return context

    def archive_context(self, request):
        """What every reader page has, without this page's own listing (archives.py)."""
        return EditionPageMixin.get_context(self, request)

    @cached_property
    def translation_pks(self):
        """Keys of this page and its translations, live or not (asked twice per listing)."""
        return list(
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .values_list("pk", flat=True)
        )


# Open Graph names a language with its territory; a language not here gets its own name twice.
OG_LOCALES = {"en": "en_US", "ru": "ru_RU", "ar": "ar_AR"}


def og_locale(language_code):
    """An edition's language as Open Graph names it: ru -> ru_RU."""
    return OG_LOCALES.get(language_code) or f"{language_code}_{language_code.upper()}"


def readable_translation(queryset, page):
    """The page as readers of the active edition should see it, or None.

    A translated article may still point at the original's topics or related stories; readers
    get the translation in their edition when there is a published one, the original otherwise,
    and nothing if neither is live and public. `queryset` must already be limited to those.
    """
    if page is None:
        return None
    active = active_locale()
    candidates = {
        candidate.locale_id: candidate
        for candidate in queryset.filter(
            translation_key=page.translation_key, locale_id__in={active.pk, page.locale_id}
        )
    }
    return candidates.get(active.pk) or candidates.get(page.locale_id)


def active_locale():
    """The locale of the edition being read (Locale.get_active, once per request)."""
    try:
        return locale_for(translation.get_language())
    except (Locale.DoesNotExist, LookupError):
        return Locale.get_default()


def locale_for(language_code):
    """The locale of an edition's language, once per request; DoesNotExist if none."""
    return memo.remember(("locale", language_code), lambda: _locale(language_code))


def _locale(language_code):
    return Locale.objects.get_for_language(language_code)
