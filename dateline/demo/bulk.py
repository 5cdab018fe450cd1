"""The bulk archive: English articles inserted in batches until the site holds N of them.

Wagtail pages are two rows (wagtailcore_page and news_articlepage) placed in treebeard's
materialised-path tree, and Wagtail's add_child() costs several queries per page. For a
million articles this module writes the rows itself, batch by batch, in one transaction per
batch:

- wagtailcore_page rows with bulk_create: path = the section's path plus the next 4-character
  step (treebeard's alphabet 0-9A-Z), depth, url_path, slug unique under the section,
  translation_key, locale, content type, live and published times;
- news_articlepage rows, bylines (ArticleAuthor) and topic links with executemany on the
  database cursor (Django's bulk_create refuses multi-table children);
- the section's numchild, so the tree stays consistent (Page.find_problems() finds nothing).

Skipped on purpose, so that a million rows take minutes: revisions and log entries (the pages
are live with no history, as imported content is), Wagtail's search index and reference index
(run `manage.py update_index` and `manage.py rebuild_references_index` if the archive must be
searchable or the media bank must list these uses of its photos).
"""

import html
import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Min
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from dateline.mediabank.models import Photo
from dateline.news.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)

from .cast import AUTHORS
from .stories import Scene, archetypes

BATCH_SIZE = 10_000
# Archive articles go back in time from the oldest article, one every few minutes.
INTERVAL = timedelta(minutes=7)
SLUG_LENGTH = 70
MAX_CHILDREN = len(Page.alphabet) ** Page.steplen - 1


def missing(target):
    """How many archive articles a run would add to reach `target` English articles."""
    if not target:
        return 0
    return max(0, target - english_articles().count())


def english_articles():
    return ArticlePage.objects.filter(locale__language_code="en")


@dataclass
class SectionSlot:
    """Where the next child of a section goes in the tree."""

    page_id: int
    slug: str
    path: str
    depth: int
    url_path: str
    next_step: int
    slugs: set
    authors: list
    added: int = 0

    def take_path(self):
        if self.next_step > MAX_CHILDREN:
            raise OverflowError(f"Section {self.slug} is full ({MAX_CHILDREN} children).")
        path = Page._get_path(self.path, self.depth + 1, self.next_step)
        step = self.next_step
        self.next_step += 1
        self.added += 1
        return path, step


def fill(target, seed, progress=None):
    """Insert archive articles until there are `target` English articles. Returns how many."""
    to_add = missing(target)
    if to_add <= 0:
        return 0
    archive = Archive(seed)
    done = 0
    while done < to_add:
        size = min(BATCH_SIZE, to_add - done)
        with transaction.atomic():
            archive.insert(size)
        done += size
        if progress is not None:
            progress.update(size)
    return done


class Archive:
    """The state bulk insertion carries from batch to batch."""

    def __init__(self, seed):
        self.locale = Locale.objects.get(language_code="en")
        home = HomePage.objects.get(locale=self.locale)
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        existing = english_articles().count()
        self.rng = random.Random(f"{seed}:bulk:{existing}")
        oldest = english_articles().aggregate(oldest=Min("first_published_at"))["oldest"]
        self.clock = oldest or timezone.now()
        author_index = AuthorIndexPage.objects.child_of(home).get()
        authors = {a.slug: a.pk for a in AuthorPage.objects.child_of(author_index)}
        topic_index = TopicIndexPage.objects.child_of(home).get()
        self.topics = {t.slug: t.pk for t in TopicPage.objects.child_of(topic_index)}
        self.sections = [
            self._slot(section, authors)
            for section in SectionPage.objects.child_of(home).order_by("path")
        ]
        if not self.sections or not authors:
            raise RuntimeError("The archive needs the demo's sections and authors first.")
        self.photos = {}
        for photo_id, tags in Photo.objects.filter(tags__name__isnull=False).values_list(
            "pk", "tags__name"
        ):
            self.photos.setdefault(tags, []).append(photo_id)
        self.all_photos = list(Photo.objects.values_list("pk", flat=True))
        self.stories = {slot.slug: archetypes(slot.slug) for slot in self.sections}
        self.child_table = ChildTable()
        self.slug_bases = {}
        self.turn = 0

    def _slot(self, section, authors):
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        desk = [
            pk
            for key, pk in authors.items()
            if key in AUTHORS and section.slug in AUTHORS[key].desks
        ]
        return SectionSlot(
            page_id=section.pk,
            slug=section.slug,
            path=section.path,
            depth=section.depth,
            url_path=section.url_path,
            next_step=Page._str2int(last[-Page.steplen :]) + 1 if last else 1,
            slugs=set(
                Page.objects.filter(
                    path__startswith=section.path, depth=section.depth + 1
                ).values_list("slug", flat=True)
            ),
            authors=desk or list(authors.values()),
        )

    def insert(self, size):
        rng = self.rng
        pages, extras = [], []
        for _ in range(size):
            slot = self.sections[self.turn % len(self.sections)]
            self.turn += 1
            self.clock -= INTERVAL + timedelta(seconds=rng.randrange(240))
            write = rng.choice(self.stories[slot.slug])
            story = write(Scene(rng, self.clock.date()))
            path, step = slot.take_path()
            slug = self._slug(story.headline.en, step, slot)
            pages.append(
                Page(
                    title=story.headline.en,
                    draft_title=story.headline.en,
                    slug=slug,
                    content_type_id=self.content_type.pk,
                    path=path,
                    depth=slot.depth + 1,
                    numchild=0,
                    url_path=f"{slot.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=self.clock,
                    last_published_at=self.clock,
                    latest_revision_created_at=self.clock,
                    locale_id=self.locale.pk,
                    translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                )
            )
            extras.append((story, slot))
        Page.objects.bulk_create(pages, batch_size=2_000)
        articles, bylines, topic_links = [], [], []
        for page, (story, slot) in zip(pages, extras, strict=True):
            paragraphs = (story.lead + [p for _, ps in story.parts for p in ps])[
                : rng.choice((2, 3))
            ]
            articles.append(
                {
                    "page_ptr_id": page.pk,
                    "standfirst": story.standfirst.en,
                    "dateline_place": story.dateline.dateline.en,
                    "lead_photo_id": self._photo(story.scenes),
                    "body": [
                        {
                            "type": "paragraph",
                            "value": f"<p>{html.escape(p.en)}</p>",
                            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        }
                        for p in paragraphs
                    ],
                }
            )
            for order, author in enumerate(
                rng.sample(slot.authors, 2 if rng.random() < 0.25 else 1)
            ):
                bylines.append((order, page.pk, author))
            for key in story.topics:
                if key in self.topics:
                    topic_links.append((page.pk, self.topics[key]))
        self.child_table.insert(articles)
        _executemany(ArticleAuthor, ("sort_order", "article", "author"), bylines)
        _executemany(ArticlePage.topics.through, ("articlepage", "topicpage"), topic_links)
        for slot in self.sections:
            if slot.added:
                Page.objects.filter(pk=slot.page_id).update(numchild=F("numchild") + slot.added)
                slot.added = 0

    def _slug(self, headline, step, slot):
        base = self.slug_bases.get(headline)
        if base is None:
            base = self.slug_bases[headline] = slugify(headline)[:SLUG_LENGTH].strip("-")
        # The step is unique under the section, so bulk slugs never collide with each other.
        slug = f"{base}-{step}"
        while slug in slot.slugs:
            slug += "-a"
        return slug

    def _photo(self, scenes):
        for scene in scenes:
            if scene in self.photos:
                return self.rng.choice(self.photos[scene])
        return self.rng.choice(self.all_photos) if self.all_photos else None


class ChildTable:
    """INSERTs into news_articlepage, with every column the model has (defaults included)."""

    def __init__(self):
        self.fields = list(ArticlePage._meta.local_concrete_fields)
        self.sql = _insert_sql(ArticlePage, self.fields)
        self.defaults = {f.attname: f.get_default() for f in self.fields}

    def insert(self, rows):
        prepared = []
        for row in rows:
            values = {**self.defaults, **row}
            prepared.append(
                [f.get_db_prep_save(values[f.attname], connection) for f in self.fields]
            )
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, prepared)


def _executemany(model, field_names, rows):
    if rows:
        sql = _insert_sql(model, [model._meta.get_field(name) for name in field_names])
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def _insert_sql(model, fields):
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    # Table and column names come from the models; values are always parameters.
    return f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
