"""The bulk archive: English articles inserted in batches until the site holds N of them.

Wagtail pages are two rows (wagtailcore_page and news_articlepage) placed in treebeard's
materialised-path tree, and Wagtail's add_child() costs several queries per page. For a
million articles this module writes the rows itself, batch by batch, one transaction per batch:

- wagtailcore_page rows: ids taken from the table's sequence, path = the section's path plus
  the next 4-character step (treebeard's alphabet 0-9A-Z), depth, url_path, a slug unique under
  the section, translation_key, locale, content type, live and the published times;
- news_articlepage rows (Django's bulk_create refuses multi-table children), bylines
  (ArticleAuthor) and topic links;
- the section's numchild, so the tree stays consistent (Page.find_problems() finds nothing).

Rows are plain tuples written with PostgreSQL's COPY, or executemany on SQLite: building a
Page() instance and going through bulk_create cost more than everything else together
(measured: 60 % of the time for 20,000 articles). Every column of the models is written,
with the field's default where the archive has no value, so a new column does not break it.

Wagtail's search index is filled on PostgreSQL by one INSERT ... SELECT per batch
(`index_for_search`): the tsvectors Wagtail's database backend would write, computed by
PostgreSQL from the rows just written, so that the newsroom's search finds the archive.
Wagtail's own indexer costs queries and Python objects per page: hours for a million. On
SQLite, run `manage.py update_index` if the archive must be searchable.

Skipped on purpose, so that a million rows take minutes: revisions and log entries (the pages
are live with no history, as imported content is) and Wagtail's reference index (run
`manage.py rebuild_references_index` if the media bank must list these uses of its photos).
"""

import html
import json
import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Min
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, SearchField
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

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
        if target:
            # An archive loaded before its rows were indexed for search gets indexed now.
            index_for_search()
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
    refresh_statistics()
    return done


def refresh_statistics():
    """Update the query planners' statistics, stale after a bulk load.

    Measured at 100,000 articles: on PostgreSQL before autovacuum got to it, the home page
    took 730 ms instead of 50 and an article 60 ms instead of 25; on SQLite (which has no
    statistics until ANALYZE runs) an article took 115 ms instead of 50. The whole database
    is analysed: SQLite plans worse with statistics for only some of the tables.

    On PostgreSQL, VACUUM as well: it marks the new rows visible to all in the visibility map,
    without which no index-only scan is possible and deep listing pages read the heap
    (measured at 1M: section page 2,000's keys in 430 ms by the wrong index, 15 ms after).
    VACUUM cannot run inside a transaction (tests load inside one): ANALYZE alone there.
    """
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


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
        self.pages = Table(
            Page,
            [
                "id",
                "title",
                "draft_title",
                "slug",
                "path",
                "depth",
                "url_path",
                "first_published_at",
                "last_published_at",
                "latest_revision_created_at",
                "translation_key",
            ],
            content_type_id=self.content_type.pk,
            locale_id=self.locale.pk,
            live=True,
            has_unpublished_changes=False,
            numchild=0,
        )
        self.articles = Table(
            ArticlePage,
            [
                "page_ptr_id",
                "standfirst",
                "dateline_place",
                "lead_photo_id",
                "body",
                "section_id",
                "published_at",
            ],
        )
        self.bylines = Table(
            ArticleAuthor, ["sort_order", "article_id", "author_id"], complete=False
        )
        self.topic_links = Table(
            ArticlePage.topics.through, ["articlepage_id", "topicpage_id"], complete=False
        )
        self.slug_bases = {}
        self.turn = 0

    def _slot(self, section, authors):
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
            next_step=_next_step(section.path, section.depth),
            slugs=set(
                Page.objects.filter(
                    path__startswith=section.path, depth=section.depth + 1
                ).values_list("slug", flat=True)
            ),
            authors=desk or list(authors.values()),
        )

    def insert(self, size):
        rng = self.rng
        for slot in self.sections:
            # Editors may have added pages since the last batch.
            slot.next_step = _next_step(slot.path, slot.depth)
        page_ids = allocate_ids(Page, size)
        pages, articles, bylines, topic_links = [], [], [], []
        for page_id in page_ids:
            slot = self.sections[self.turn % len(self.sections)]
            self.turn += 1
            self.clock -= INTERVAL + timedelta(seconds=rng.randrange(240))
            story = rng.choice(self.stories[slot.slug])(Scene(rng, self.clock.date()))
            path, step = slot.take_path()
            slug = self._slug(story.headline.en, step, slot)
            published = self.pages.prep("first_published_at", self.clock)
            pages.append(
                self.pages.row(
                    id=page_id,
                    title=story.headline.en,
                    draft_title=story.headline.en,
                    slug=slug,
                    path=path,
                    depth=slot.depth + 1,
                    url_path=f"{slot.url_path}{slug}/",
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    translation_key=self.pages.prep(
                        "translation_key", uuid.UUID(int=rng.getrandbits(128), version=4)
                    ),
                )
            )
            paragraphs = [*story.lead, *(p for _, part in story.parts for p in part)]
            body = [
                {
                    "type": "paragraph",
                    "value": f"<p>{html.escape(p.en)}</p>",
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                }
                for p in paragraphs[: rng.choice((2, 3))]
            ]
            articles.append(
                self.articles.row(
                    page_ptr_id=page_id,
                    standfirst=story.standfirst.en,
                    dateline_place=story.dateline.dateline.en,
                    lead_photo_id=self._photo(story.scenes),
                    body=json.dumps(body, ensure_ascii=False),
                    section_id=slot.page_id,
                    published_at=self.articles.prep("published_at", self.clock),
                )
            )
            byline = rng.sample(slot.authors, 2 if rng.random() < 0.25 else 1)
            bylines.extend((order, page_id, author) for order, author in enumerate(byline))
            topic_links.extend(
                (page_id, self.topics[key])
                for key in dict.fromkeys(story.topics)
                if key in self.topics
            )
        self.pages.write(pages)
        self.articles.write(articles)
        self.bylines.write(bylines)
        self.topic_links.write(topic_links)
        index_for_search(page_ids)
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


def _next_step(path, depth):
    """The tree position after a page's last child (treebeard numbers them 1, 2, ... in base 36)."""
    last = (
        Page.objects.filter(path__startswith=path, depth=depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def allocate_ids(model, count):
    """`count` new primary keys for model, taken as its table's sequence would give them."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        if connection.vendor == "sqlite":
            # The batch's transaction holds SQLite's write lock: nobody else takes ids meanwhile.
            cursor.execute(
                f"SELECT MAX({connection.ops.quote_name(column)}) FROM "  # noqa: S608
                f"{connection.ops.quote_name(table)}"
            )
            highest = cursor.fetchone()[0] or 0
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            start = max(highest, row[0] if row else 0) + 1
            return list(range(start, start + count))
    raise NotImplementedError(f"Bulk archive on {connection.vendor} is not supported.")


class Table:
    """Rows of one table as tuples: the given columns per row, then every other column of the
    model with its default (fixed values may be passed as keyword arguments).

    complete=False writes only the given columns (an auto primary key fills itself).
    """

    def __init__(self, model, columns, complete=True, **fixed):
        self.model = model
        by_name = {f.attname: f for f in model._meta.local_concrete_fields}
        self.varying = [by_name[name] for name in columns]
        constant = []
        if complete:
            for name, f in by_name.items():
                if name not in columns:
                    value = fixed.get(name, f.get_default())
                    constant.append((f, f.get_db_prep_save(value, connection)))
        self.fields = self.varying + [f for f, _ in constant]
        self.constants = tuple(v for _, v in constant)
        self.positions = {f.attname: i for i, f in enumerate(self.varying)}

    def prep(self, name, value):
        """A value as the database driver takes it (dates and UUIDs need converting)."""
        return self.varying[self.positions[name]].get_db_prep_save(value, connection)

    def row(self, **values):
        return tuple(values[f.attname] for f in self.varying) + self.constants

    def write(self, rows):
        if not rows:
            return
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(f.column) for f in self.fields)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is PostgreSQL's fastest way in; psycopg adapts each value.
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(sql, rows)


# Rich text of a paragraph block as Wagtail indexes it (get_text_for_indexing): tags removed,
# the entities html.escape() writes turned back into characters, &amp; last.
PARAGRAPH_TEXT = r"""btrim(
    replace(replace(replace(replace(replace(
        regexp_replace(block->>'value', '<[^>]*>', '', 'g'),
        '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#x27;', ''''), '&amp;', '&'),
    E' \t\n\r')"""


def index_for_search(page_ids=None):
    """Write Wagtail's search index entries of archive articles in one statement.

    `page_ids`: the articles to index; None indexes every article made by this module that has
    no entry yet (articles without any revision: everything made in the newsroom has one and
    was indexed by Wagtail). PostgreSQL only; returns how many entries were written.

    The entry matches what Wagtail's PostgreSQL backend writes for the same page
    (modelsearch's ObjectIndexer): the title at its boost's weight, the title in the
    autocomplete vector ('simple' configuration), standfirst then body in the body vector,
    a paragraph block's text as get_text_for_indexing() gives it, blocks joined by ", ".
    A test compares the two.
    """
    if connection.vendor != "postgresql":
        return 0
    from wagtail.search.models import IndexEntry

    backend = get_search_backend()
    fields = {
        (type(f), f.field_name): f
        for f in ArticlePage.get_search_fields()
        if isinstance(f, (SearchField, AutocompleteField))
    }
    if set(fields) != {
        (SearchField, "title"),
        (AutocompleteField, "title"),
        (SearchField, "standfirst"),
        (SearchField, "body"),
    }:
        raise RuntimeError("ArticlePage's search fields changed: update index_for_search().")

    def vector(config, text, weight):
        # Django's SearchVector(Value(text), config=..., weight=...), as SQL.
        config_sql = "%s::regconfig, " if config else ""
        params = [config] if config else []
        return f"setweight(to_tsvector({config_sql}COALESCE({text}, '')), %s)", [*params, weight]

    title_sql, title_params = vector(
        backend.config, "p.title", get_weight(fields[SearchField, "title"].boost)
    )
    auto_sql, auto_params = vector(backend.autocomplete_config, "p.title", "D")
    lead_sql, lead_params = vector(
        backend.config, "a.standfirst", get_weight(fields[SearchField, "standfirst"].boost)
    )
    body_sql, body_params = vector(
        backend.config, "t.text", get_weight(fields[SearchField, "body"].boost)
    )
    content_type = ContentType.objects.get_for_model(ArticlePage)
    entries = connection.ops.quote_name(IndexEntry._meta.db_table)
    if page_ids is None:
        which = (
            "p.content_type_id = %s AND p.latest_revision_id IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM {entries} e WHERE e.content_type_id = %s AND e.object_id = p.id::text)"
        )
        which_params = [content_type.pk, content_type.pk]
    else:
        which, which_params = "p.id = ANY(%s)", [list(page_ids)]
    sql = f"""
        INSERT INTO {entries} (content_type_id, object_id, title, autocomplete, body,
                               title_norm, title_text, body_text)
        SELECT %s, v.id, v.title, v.autocomplete, v.body,
               -- Wagtail's title_norm: average title length over this title's length (the
               -- batch's average: the archive's titles are all alike).
               COALESCE(AVG(NULLIF(length(v.title), 0)) OVER ()
                        / NULLIF(length(v.title), 0), 1.0),
               v.title_text, v.body_text
        FROM (
            SELECT p.id::text AS id, {title_sql} AS title, {auto_sql} AS autocomplete,
                   CASE WHEN btrim(a.standfirst) = '' THEN to_tsvector('') ELSE {lead_sql} END
                   || CASE WHEN t.text = '' THEN to_tsvector('') ELSE {body_sql} END AS body,
                   btrim(p.title) AS title_text,
                   concat_ws(' ', NULLIF(btrim(a.standfirst), ''), NULLIF(t.text, ''))
                       AS body_text
            FROM wagtailcore_page p
            JOIN news_articlepage a ON a.page_ptr_id = p.id
            CROSS JOIN LATERAL (
                SELECT COALESCE(string_agg({PARAGRAPH_TEXT}, ', ' ORDER BY n), '') AS text
                FROM jsonb_array_elements(a.body) WITH ORDINALITY AS blocks(block, n)
                WHERE block->>'type' = 'paragraph'
            ) t
            WHERE {which.format(entries=entries)}
        ) v
        ON CONFLICT (content_type_id, object_id) DO NOTHING
    """  # noqa: S608 - table names come from the models, values are parameters
    params = [
        content_type.pk,
        *title_params,
        *auto_params,
        *lead_params,
        *body_params,
        *which_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount
