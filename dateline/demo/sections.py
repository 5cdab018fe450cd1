"""The demo's editions: taglines on both home pages and the five sections in both languages."""

from wagtail.models import Locale

from dateline.news.factories import SectionPageFactory
from dateline.news.models import SectionPage

from .cast import SECTIONS, TAGLINE
from .translating import publish_translation


def set_taglines(homes):
    for code, home in homes.items():
        tagline = TAGLINE.get(code)
        if home.tagline != tagline:
            home.tagline = tagline
            home.save_revision().publish()


def ensure_sections(homes):
    """{language: {slug: SectionPage}}, creating what is missing."""
    en = homes["en"]
    ru_locale = Locale.objects.get(language_code="ru")
    sections = {"en": {}, "ru": {}}
    for slug, title, description in SECTIONS:
        section = SectionPage.objects.child_of(en).filter(slug=slug).first()
        if section is None:
            section = SectionPageFactory(
                parent=en, title=title.en, slug=slug, description=description.en, publish=True
            )
        translated = section.get_translation_or_none(ru_locale)
        if translated is None:
            translated = publish_translation(
                section,
                ru_locale,
                title=title.ru,
                draft_title=title.ru,
                description=description.ru,
            )
        sections["en"][slug] = section
        sections["ru"][slug] = translated.specific
    return sections


def missing_sections(homes):
    """How many section pages (both languages) a run would create."""
    if not homes:
        return len(SECTIONS) * 2
    existing = {s.slug: s for s in SectionPage.objects.child_of(homes["en"])}
    missing = 0
    for slug, _, _ in SECTIONS:
        section = existing.get(slug)
        missing += (
            2
            if section is None
            else int(not section.get_translations().filter(locale__language_code="ru").exists())
        )
    return missing
