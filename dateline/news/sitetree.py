"""The skeleton every Dateline site stands on: one home page per edition, with its indexes.

Idempotent: used by the demo command, by tests and by a fresh production install.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import AuthorIndexPage, HomePage, TopicIndexPage

INDEX_TITLES = {
    # Page titles are content, stored per edition; these are only the defaults at creation.
    "en": {"topics": "Topics", "authors": "Authors"},
    "ru": {"topics": "Темы", "authors": "Авторы"},
}


@transaction.atomic
def ensure_editions(site_name=None, taglines=None):
    """Create the locales, the default edition's home page and its translations.

    Returns a dict: language code -> HomePage.
    """
    taglines = taglines or {}
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    default_code = settings.LANGUAGE_CODE
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=locales[default_code]).first()
    if home is None:
        # Wagtail's placeholder welcome page has no place in a news site (its Site goes too).
        for placeholder in root.get_children().filter(content_type__model="page", numchild=0):
            placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title=site_name or settings.WAGTAIL_SITE_NAME,
                slug="home",
                locale=locales[default_code],
                tagline=taglines.get(default_code, ""),
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if site is None:
        site = Site(is_default_site=True)
    # Canonical URLs are built from the Site, so it carries the public host and port.
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.root_page = home
    site.site_name = site_name or settings.WAGTAIL_SITE_NAME
    site.save()

    homes = {default_code: home}
    for code, locale in locales.items():
        if code == default_code:
            continue
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
            translated.tagline = taglines.get(code, home.tagline)
            translated.save_revision().publish()
            translated.refresh_from_db()
        homes[code] = translated.specific

    for model, slug in ((TopicIndexPage, "topics"), (AuthorIndexPage, "authors")):
        index = _ensure_child(home, model, INDEX_TITLES[default_code][slug], slug)
        for code in homes:
            if code != default_code and index.get_translation_or_none(locales[code]) is None:
                translated = index.copy_for_translation(locales[code])
                translated.title = INDEX_TITLES.get(code, INDEX_TITLES["en"])[slug]
                translated.save_revision().publish()
    return homes


def _ensure_child(parent, model, title, slug):
    existing = model.objects.child_of(parent).first()
    if existing is not None:
        return existing
    return parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale))
