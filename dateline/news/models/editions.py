from functools import cache, cached_property

from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from dateline.news import memo
from dateline.news.siteroots import SITE_TAGS, RequestSiteRootPathsMixin
from dateline.pagecache import kept, tags


class EditionPageMixin(RequestSiteRootPathsMixin):
    """Every reader page knows its translations, for hreflang and the edition switcher."""

    # Where URLs usually lead below this page: routing looks there first, one query on the
    # child's own table instead of Wagtail's two (the page row, then its specific row).
    routing_child_model = None

    # Where a URL leads below this page: sections and indexes below the home, articles below
    # sections, topics and authors below their indexes. Kept in the worker (pagecache/kept.py)
    # until published, moved or deleted: the home's few children always, the pages being
    # read now (an article in the news) up to a bound.
    keep_routed_children = False

    def route(self, request, path_components):
        if path_components and self.routing_child_model:
            child = self.routing_child(path_components[0])
            if child is not None:
                child._cached_parent_obj = self
                return self.routed_child(child).route(request, path_components[1:])
        return super().route(request, path_components)

    def routing_child(self, slug):
        """The live child at slug, or None; a copy of the one kept in the worker."""

        def load():
            # Live pages only: a draft deleted and another published at the same address
            # would not be told apart (drafts are routed, to a 404, the Wagtail way).
            if self.keep_routed_children:
                child = Page.objects.child_of(self).filter(slug=slug, live=True).first()
                return child.specific if child is not None else None
            model = apps.get_model(self.routing_child_model)
            # Siblings have distinct slugs: no ordering to compile (half of the query's cost).
            # Bodies are loaded by the request that renders them, each into its own copy: a
            # kept body would hold the photos it showed when it was first read.
            children = model.objects.child_of(self).filter(slug=slug, live=True).order_by()
            return next(iter(children.defer(*stream_fields(model))[:1]), None)

        def child_tags(child):
            # An alias shows its source's content; its source's publishing reaches it too.
            source = {f"page-{child.alias_of_id}"} if child.alias_of_id else set()
            return {f"page-{child.pk}", f"page-{self.pk}", tags.TREE, *SITE_TAGS, *source}

        group = "config" if self.keep_routed_children else "pages"
        return kept.remember(("child", self.pk, slug), child_tags, load, copied=True, group=group)

    def routed_child(self, child):
        return child

    def edition_links(self):
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
        }
        links = []
        for code, name in settings.LANGUAGES:
            page = translations.get(code)
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": page.url if page else f"/{code}/",
                    "translated": page is not None,
                    "current": page is not None and page.pk == self.pk,
                }
            )
        return links

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Asked for by the template (head and masthead), often from a kept part: lazily.
        context["edition_links"] = cache(self.edition_links)
        return context

    @cached_property
    def translation_pks(self):
        """Keys of this page and its translations, live or not (asked twice per listing)."""
        return list(
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .values_list("pk", flat=True)
        )

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        from .querysets import restricted_pages

        # Wagtail checks this page and its ancestors, and their alias sources, on every
        # request (two queries); the restricted pages the listings use anyway (kept in the
        # worker, aliases of restricted pages included) say whether any of them is.
        if not self.alias_of_id and not any(
            self.path.startswith(page.path) for page in restricted_pages()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


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
    """The locale of an edition's language, looked up once per request; DoesNotExist if none."""
    return memo.remember_kept(
        ("locale", language_code),
        {tags.LOCALES},
        lambda: Locale.objects.get_for_language(language_code),
    )


@cache
def stream_fields(model):
    return [f.name for f in model._meta.concrete_fields if isinstance(f, StreamField)]
