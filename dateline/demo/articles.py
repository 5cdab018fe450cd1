"""The curated articles: written from the plan, published with revisions, then translated."""

from datetime import timedelta

from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from dateline.news.factories import ArticlePageFactory
from dateline.news.models import ArticleAuthor, ArticlePage

from . import writer
from .translating import backdate, publish_translation


class Newsroom:
    """Everything an article refers to, per language: sections, topics, authors, photos."""

    def __init__(self, sections, topics, authors, photos, captions):
        self.sections = sections
        self.topics = topics
        self.authors = authors
        self.photos = photos  # title -> Photo
        self.captions = captions  # title -> T
        self.articles = {"en": {}, "ru": {}}  # draft index -> page id

    def body(self, draft, language):
        pages = {
            "person": {key: page.pk for key, page in self.topics[language].items()},
            "article": self.articles[language],
        }
        photo_ids = {title: photo.pk for title, photo in self.photos.items()}
        return writer.body(draft, language, pages, photo_ids, self.captions)

    def fields(self, draft, language):
        story = draft.story
        return {
            "title": story.headline.get(language),
            "draft_title": story.headline.get(language),
            "standfirst": story.standfirst.get(language),
            "dateline_place": story.dateline.dateline.get(language),
            "lead_photo": self.photos[draft.lead_photo],
            # The media bank's caption is English; the Russian edition overrides it.
            "lead_photo_caption": (
                self.captions[draft.lead_photo].get(language) if language != "en" else ""
            ),
            "updated_at": draft.updated_at,
            "body": self.body(draft, language),
            "topics": [self.topics[language][key] for key in writer.topics(draft)],
            "article_authors": [
                ArticleAuthor(author=self.authors[language][key], sort_order=order)
                for order, key in enumerate(draft.authors)
            ],
        }


def existing(drafts, language):
    """translation key -> the article page in that language, for the planned drafts."""
    return {
        page.translation_key: page
        for page in ArticlePage.objects.filter(
            translation_key__in=[d.key for d in drafts], locale__language_code=language
        )
    }


def ensure_english(drafts, newsroom, progress=None):
    """Create the English articles that do not exist yet. Returns how many were created."""
    found = existing(drafts, "en")
    created = 0
    for draft in drafts:
        page = found.get(draft.key)
        if page is None:
            with transaction.atomic():
                page = _publish_english(draft, newsroom)
            created += 1
        newsroom.articles["en"][draft.index] = page.pk
        if progress is not None:
            progress.update(1)
    return created


def _publish_english(draft, newsroom):
    section = newsroom.sections["en"][draft.section]
    page = ArticlePageFactory(
        parent=section,
        slug=find_available_slug(section, draft.slug),
        translation_key=draft.key,
        first_published_at=draft.published_at,
        last_published_at=draft.published_at,
        publish=True,
        **newsroom.fields(draft, "en"),
    )
    backdate(page, draft.published_at)
    return page


def ensure_russian(drafts, newsroom, progress=None):
    """Translate the drafts marked for translation. Returns how many were created.

    Runs after ensure_english, oldest first: a translated draft's related articles are older
    translated drafts, so their Russian pages exist by the time its cards point to them.
    """
    translated = [d for d in drafts if d.translated]
    found = existing(translated, "ru")
    english = existing(translated, "en")
    ru = Locale.objects.get(language_code="ru")
    created = 0
    for draft in translated:
        page = found.get(draft.key)
        if page is None:
            with transaction.atomic():
                page = publish_translation(english[draft.key], ru, **newsroom.fields(draft, "ru"))
                # The translation desk files within the hour.
                backdate(page, draft.published_at + timedelta(minutes=20 + draft.index % 40))
            created += 1
        newsroom.articles["ru"][draft.index] = page.pk
        if progress is not None:
            progress.update(1)
    return created


def missing(drafts):
    """(English, Russian) articles of the plan that do not exist yet."""
    return (
        len(drafts) - len(existing(drafts, "en")),
        sum(d.translated for d in drafts)
        - len(existing([d for d in drafts if d.translated], "ru")),
    )
