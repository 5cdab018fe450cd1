"""Topic pages (people, organisations, places) and author pages, in both editions."""

from wagtail.models import Locale

from dateline.news.factories import AuthorPageFactory, TopicPageFactory
from dateline.news.models import AuthorIndexPage, AuthorPage, TopicIndexPage, TopicKind, TopicPage

from .cast import AUTHORS, ORGANISATIONS, PEOPLE, PLACES
from .translating import publish_translation


def _topic_fields(entry, language):
    fields = {"title": entry.name.get(language), "summary": entry.summary.get(language)}
    fields["role"] = entry.role.get(language) if entry.key in PEOPLE else ""
    return fields


def _kind(key):
    if key in PEOPLE:
        return TopicKind.PERSON
    return TopicKind.ORGANISATION if key in ORGANISATIONS else TopicKind.PLACE


def ensure_topics(homes, portraits):
    """{language: {cast key: TopicPage}} for every person, organisation and place.

    portraits: {cast key: Photo} for those who have one.
    """
    index = TopicIndexPage.objects.child_of(homes["en"]).get()
    ru = Locale.objects.get(language_code="ru")
    existing = {page.slug: page for page in TopicPage.objects.child_of(index)}
    translations = _translations(existing.values(), ru)
    topics = {"en": {}, "ru": {}}
    for key, entry in {**PEOPLE, **ORGANISATIONS, **PLACES}.items():
        page = existing.get(key)
        if page is None:
            page = TopicPageFactory(
                parent=index,
                slug=key,
                kind=_kind(key),
                photo=portraits.get(key),
                publish=True,
                **_topic_fields(entry, "en"),
            )
        translated = translations.get(page.translation_key)
        if translated is None:
            fields = _topic_fields(entry, "ru")
            translated = publish_translation(page, ru, draft_title=fields["title"], **fields)
        topics["en"][key] = page
        topics["ru"][key] = translated
    return topics


def ensure_authors(homes, portraits):
    """{language: {cast key: AuthorPage}} for every journalist of the demo newsroom."""
    index = AuthorIndexPage.objects.child_of(homes["en"]).get()
    ru = Locale.objects.get(language_code="ru")
    existing = {page.slug: page for page in AuthorPage.objects.child_of(index)}
    translations = _translations(existing.values(), ru)
    authors = {"en": {}, "ru": {}}
    for key, author in AUTHORS.items():
        page = existing.get(key)
        if page is None:
            page = AuthorPageFactory(
                parent=index,
                slug=key,
                title=author.name.en,
                job_title=author.job_title.en,
                bio=author.bio.en,
                photo=portraits.get(key),
                publish=True,
            )
        translated = translations.get(page.translation_key)
        if translated is None:
            translated = publish_translation(
                page,
                ru,
                title=author.name.ru,
                draft_title=author.name.ru,
                job_title=author.job_title.ru,
                bio=author.bio.ru,
            )
        authors["en"][key] = page
        authors["ru"][key] = translated
    return authors


def _translations(pages, locale):
    """translation key -> the specific page in locale, for pages of one type."""
    pages = list(pages)
    if not pages:
        return {}
    model = type(pages[0])
    return {
        page.translation_key: page
        for page in model.objects.filter(
            translation_key__in=[p.translation_key for p in pages], locale=locale
        )
    }


def missing_people(homes):
    """How many topic and author pages (both languages) a run would create."""
    wanted = len(PEOPLE) + len(ORGANISATIONS) + len(PLACES) + len(AUTHORS)
    if not homes:
        return wanted * 2
    existing = 0
    for index_model, model in ((TopicIndexPage, TopicPage), (AuthorIndexPage, AuthorPage)):
        index = index_model.objects.child_of(homes["en"]).first()
        if index is None:
            continue
        pages = model.objects.child_of(index).filter(
            slug__in=[*PEOPLE, *ORGANISATIONS, *PLACES, *AUTHORS]
        )
        existing += pages.count()
        existing += model.objects.filter(
            translation_key__in=pages.values("translation_key"), locale__language_code="ru"
        ).count()
    return wanted * 2 - existing
