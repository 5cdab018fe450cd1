"""Shared fixtures: a small news world built with the factories, and HTML helpers."""

import io
import os
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Collection, Locale, Page, PageViewRestriction

from dateline.mediabank.factories import PhotoFactory, draw_picture
from dateline.mediabank.models import Photo
from dateline.mediabank.renditions import CARD_SPECS, LEAD_SPECS
from dateline.news.factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    SectionPageFactory,
    TopicPageFactory,
)
from dateline.news.models import AuthorIndexPage, TopicIndexPage, TopicKind
from dateline.news.sitetree import ensure_editions


def clear_cache():
    """Empty this session's part of the cache.

    On Redis, cache.clear() would flush the whole database, under the feet of the other xdist
    worker (or of another test run sharing the server): delete only our own prefix's keys.
    """
    for alias in ("default", "fragments"):
        cache = caches[alias]
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        else:
            cache.clear()


class SharedCache:
    """Stands in for nginx: records what the purger tells it, as (url, retract)."""

    def __init__(self):
        self.sent = []

    def receive(self, location, urls, retract):
        self.sent.extend((url, retract) for url in urls)

    def told(self):
        """Send what is due now; the paths told since last asked, with whether retracted."""
        from dateline.caching import purging

        purging.run_pending()
        told = {(urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else ""),
                 retract) for url, retract in self.sent}  # fmt: skip
        self.sent.clear()
        return told

    def paths(self):
        return {path for path, _ in self.told()}


@pytest.fixture
def shared_cache(settings, monkeypatch):
    """A shared cache configured (URLs go into the index, purges are written), recording."""
    from dateline.caching import purging

    settings.DATELINE_SHARED_CACHES = ["http://shared-cache.test"]
    recorder = SharedCache()
    monkeypatch.setattr(purging, "_send_to_nginx", recorder.receive)
    return recorder


def postgresql_only(reason):
    """Skip a test that needs PostgreSQL on SQLite (saying why); CI's PostgreSQL run sets
    DATELINE_REQUIRE_SERVICES=1, where not being on PostgreSQL fails instead."""
    if connection.vendor != "postgresql":
        if os.environ.get("DATELINE_REQUIRE_SERVICES") == "1":
            pytest.fail("CI runs this on PostgreSQL")
        pytest.skip(reason)


def cold_queries(client, url):
    """The queries of a cold render (a fresh process after a deploy: every cache empty,
    nothing kept), as captured queries. The page is asked for once first: a page's
    renditions are made when it is first shown, ever."""
    client.get(url)
    clear_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return queries


QUOTE_TEXT = "We will keep the northern route open every day of the winter, whatever it costs."
CIRCUMSTANCE = "in an interview with the weekly Harbour Review on Thursday"


def small_photo(name, **fields):
    """A photo drawn at 320 x 213: every rendition of it is quick to make."""
    picture = draw_picture(320, 213, seed=len(name))
    return PhotoFactory(file=ImageFile(io.BytesIO(picture), name=f"{name}.jpg"), **fields)


def to_second(value):
    """A datetime, or an ISO 8601 string of one, to the second: pages print whole seconds."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(microsecond=0)


def url_in(language, name, **kwargs):
    """A named URL in one edition."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def soup(response):
    """The parsed HTML of a response."""
    return BeautifulSoup(response.content, "html.parser")


def publish(page, **changes):
    """Publish a new revision of the page with these fields changed; the page, specific."""
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def get_soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return soup(response)


def hrefs(node):
    """The href of every link under a node, in document order."""
    return [a["href"] for a in node.find_all("a", href=True)]


def main_links(page):
    """The links of a page's main content (not the masthead or the footer)."""
    return hrefs(page.find("main"))


def publish_translation(page, locale, **changes):
    """Translate a page into a locale (its parent must be translated) and publish it."""
    translated = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def forget_cached_renditions(photo, specs):
    from wagtail.images.models import Filter

    rendition_model = photo.get_rendition_model()
    rendition_model.cache_backend.delete_many(
        [
            rendition_model.construct_cache_key(photo, Filter(spec).get_cache_key(photo), spec)
            for spec in specs
        ]
    )


def build_world():
    """Both editions, two sections, three topics, two authors and articles in every state.

    - ``article``: live, uses every body block (paragraph, quote by a person with a
      circumstance, related card, subheading, photo, fact box), two authors, three topics,
      and a Russian translation (``article_ru``) under a translated section.
    - ``related``: live, older, in another section; the target of the related card.
    - ``draft``: never published; shares the lead photo and the topics and author.
    - ``private``: live but behind a password view restriction.
    """
    now = timezone.now()
    homes = ensure_editions()
    home, home_ru = homes["en"], homes["ru"]
    topic_index = TopicIndexPage.objects.child_of(home).get()
    author_index = AuthorIndexPage.objects.child_of(home).get()

    politics = SectionPageFactory(parent=home, title="Politics", slug="politics")
    defense = SectionPageFactory(parent=home, title="Defense", slug="defense")

    person = TopicPageFactory(
        parent=topic_index,
        title="Marta Kovac",
        slug="marta-kovac",
        kind=TopicKind.PERSON,
        role="Minister of Harbours",
    )
    organisation = TopicPageFactory(
        parent=topic_index,
        title="Harbour Council",
        slug="harbour-council",
        kind=TopicKind.ORGANISATION,
        role="",
    )
    place = TopicPageFactory(
        parent=topic_index,
        title="Port Halvern",
        slug="port-halvern",
        kind=TopicKind.PLACE,
        role="",
    )
    reporter = AuthorPageFactory(parent=author_index, title="Ana Reyes", slug="ana-reyes")
    editor = AuthorPageFactory(parent=author_index, title="Leo Brandt", slug="leo-brandt")

    lead_photo = PhotoFactory(
        title="Ferry Aurora at the north pier",
        caption="The ferry Aurora moored at the north pier of Port Halvern.",
        agency="Nordic Wire",
        photographer="Ines Varga",
        date_taken=date(2025, 11, 4),
    )
    body_photo = small_photo(
        "crew",
        title="Crew loading cargo",
        caption="Crew members load cargo before the first crossing.",
        agency="",
        photographer="Tomas Lind",
    )

    related = ArticlePageFactory(
        parent=defense,
        title="Navy escorts the first winter convoy",
        slug="navy-escorts-convoy",
        standfirst="The navy escorted the first convoy of the winter on Monday.",
        first_published_at=now - timedelta(days=2),
        last_published_at=now - timedelta(days=2),
        lead_photo=small_photo("convoy", caption="Grey ships in a calm grey sea."),
        authors=[editor],
    )

    article = ArticlePageFactory(
        parent=politics,
        title="Council keeps the northern ferry route open all winter",
        slug="northern-ferry-route",
        standfirst="Port Halvern's council voted on Tuesday to keep the northern route open.",
        lead_photo=lead_photo,
        first_published_at=now - timedelta(hours=3),
        last_published_at=now - timedelta(hours=3),
        topics=[person, organisation, place],
        authors=[reporter, editor],
        body=[
            ("paragraph", "<p>The vote ended a debate that had lasted two winters.</p>"),
            (
                "quote",
                {"text": QUOTE_TEXT, "speaker": person, "circumstance": CIRCUMSTANCE},
            ),
            ("related", {"article": related}),
            ("subheading", "What changes for passengers"),
            ("photo", {"photo": body_photo, "caption": "Loading before dawn."}),
            (
                "fact_box",
                {
                    "title": "The northern route",
                    "body": "<ul><li>42 km</li><li>Three crossings a day</li></ul>",
                },
            ),
            ("paragraph", "<p>Boats will leave every forty minutes from the north pier.</p>"),
        ],
    )

    draft = ArticlePageFactory(
        parent=politics,
        title="Unannounced budget cuts for the harbour",
        slug="unannounced-budget-cuts",
        standfirst="Not yet for readers.",
        lead_photo=lead_photo,
        live=False,
        has_unpublished_changes=True,
        first_published_at=None,
        last_published_at=None,
        topics=[person],
        authors=[reporter],
    )
    private = ArticlePageFactory(
        parent=politics,
        title="Members-only briefing on the harbour",
        slug="members-only-briefing",
        lead_photo=small_photo("briefing"),
        first_published_at=now - timedelta(hours=1),
        last_published_at=now - timedelta(hours=1),
        topics=[person],
        authors=[reporter],
    )
    PageViewRestriction.objects.create(
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="harbour",  # noqa: S106 - a test page's view restriction
    )

    ru = Locale.objects.get(language_code="ru")
    politics_ru = publish_translation(politics, ru, title="Политика")
    article_ru = publish_translation(
        article, ru, title="Совет сохранит северную паромную линию на всю зиму"
    )

    for photo in Photo.objects.all():
        # Render every published rendition once, so pages in tests only read them. On SQLite
        # a rolled-back world's photo ids come back with the same files, and its renditions
        # may still be in the cache: they would be taken as existing and never written.
        forget_cached_renditions(photo, [*LEAD_SPECS, *CARD_SPECS])
        photo.get_renditions(*LEAD_SPECS, *CARD_SPECS)

    return SimpleNamespace(
        home=home,
        home_ru=home_ru,
        topic_index=topic_index,
        author_index=author_index,
        politics=politics,
        politics_ru=politics_ru,
        defense=defense,
        person=person,
        organisation=organisation,
        place=place,
        reporter=reporter,
        editor=editor,
        lead_photo=lead_photo,
        body_photo=body_photo,
        related=related,
        article=article,
        article_ru=article_ru,
        draft=draft,
        private=private,
    )


def restore_wagtail_roots():
    """What Wagtail's data migrations create, gone after a transactional test's flush."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))


def _describe(world):
    return {name: (type(obj), obj.pk) for name, obj in vars(world).items()}


def _fetch(spec):
    return SimpleNamespace(**{name: model.objects.get(pk=pk) for name, (model, pk) in spec.items()})


@pytest.fixture(scope="module")
def _module_world(django_db_setup, django_db_blocker):
    """build_world() once per test module, inside a transaction rolled back after the module.

    Each test's own transaction (the db fixture) nests inside it as a savepoint, so tests
    see the world, roll back their own changes, and other modules never see it at all.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            restore_wagtail_roots()
            spec = _describe(build_world())
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield spec
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def site(_module_world, db):
    """The world of build_world(), freshly read from the database for each test.

    A test that changes a page changes its own copy; its transaction rolls the change back.
    """
    return _fetch(_module_world)
