"""load_demo: the curated demo in both editions, run twice, and the bulk archive.

The demo is loaded once for the module, inside a transaction rolled back at its end (as the
project's conftest does for its world): each test's own transaction nests inside it.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page, Revision

from dateline.conftest import restore_wagtail_roots
from dateline.demo import photos
from dateline.demo.cast import AUTHORS, ORGANISATIONS, PEOPLE, PLACES, SECTIONS, TAGLINE
from dateline.mediabank.models import Photo
from dateline.news.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorPage,
    HomePage,
    SectionPage,
    TopicPage,
)

CURATED = 10


def load(*args):
    out = io.StringIO()
    call_command(
        "load_demo", "--curated", str(CURATED), "--no-renditions", *args, stdout=out, verbosity=0
    )
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo's output, loaded with small pictures and ten curated articles."""
    patch = pytest.MonkeyPatch()
    patch.setattr(photos, "PICTURE_SIZE", (240, 160))
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    media.enable()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            restore_wagtail_roots()
            output = load()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield output
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
    media.disable()
    patch.undo()


def census():
    """Counts of everything the demo creates, per edition where it matters."""
    counts = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "photos": Photo.objects.count(),
        "bylines": ArticleAuthor.objects.count(),
        "users": get_user_model().objects.count(),
    }
    for model in (SectionPage, TopicPage, AuthorPage, ArticlePage):
        for code in ("en", "ru"):
            counts[f"{model.__name__} {code}"] = model.objects.filter(
                locale__language_code=code
            ).count()
    return counts


def test_running_twice_leaves_the_same_site(demo, db, settings):
    output = demo
    first = census()
    assert load() and census() == first

    people = len(PEOPLE) + len(ORGANISATIONS) + len(PLACES)
    for code in ("en", "ru"):
        assert first[f"SectionPage {code}"] == len(SECTIONS)
        assert first[f"TopicPage {code}"] == people
        assert first[f"AuthorPage {code}"] == len(AUTHORS)
    assert first["ArticlePage en"] == CURATED
    assert 0 < first["ArticlePage ru"] < CURATED
    assert first["photos"] == len(photos.catalogue(2026))
    # Published through revisions, as an editor would.
    assert ArticlePage.objects.filter(live=True, live_revision__isnull=True).count() == 0

    homes = {home.locale.language_code: home for home in HomePage.objects.all()}
    assert homes["en"].tagline == TAGLINE.en and homes["ru"].tagline == TAGLINE.ru
    ru_sections = set(
        SectionPage.objects.filter(locale__language_code="ru").values_list("title", flat=True)
    )
    assert ru_sections == {"Оборона", "Политика", "Экономика", "Мир", "Наука"}

    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff and editor.is_superuser and editor.check_password("dateline-demo")
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert f"Site:     {base}/" in output and f"Admin:    {base}/admin/" in output
    assert "Username: editor" in output and "Password: dateline-demo" in output


def test_curated_articles_and_their_russian_translations(demo, db, client):
    english = ArticlePage.objects.filter(locale__language_code="en")
    for article in english:
        kinds = [block.block_type for block in article.body]
        assert article.standfirst and article.dateline_place and article.lead_photo_id
        assert 1 <= article.article_authors.count() <= 2
        assert kinds.count("paragraph") >= 3 and "subheading" in kinds and "quote" in kinds
        assert article.topics.filter(kind="person").exists()
        for block in article.body:
            if block.block_type == "quote":
                assert block.value["speaker"].specific.kind == "person"
                assert block.value["circumstance"]
            if block.block_type == "related":
                related = block.value["article"]
                assert related.live and related.first_published_at < article.first_published_at
    assert sum("related" in str(a.body.raw_data) for a in english) >= CURATED // 2

    translations = ArticlePage.objects.filter(locale__language_code="ru")
    assert translations.exists()
    cyrillic = re.compile("[а-яА-Я]")
    for article in translations:
        original = english.get(translation_key=article.translation_key)
        assert article.live and cyrillic.search(article.title) and article.title != original.title
        assert article.get_parent().locale.language_code == "ru"
        authors = [link.author for link in article.article_authors.all()]
        assert authors and all(a.locale.language_code == "ru" for a in authors)
        assert all(t.locale.language_code == "ru" for t in article.topics.all())
        assert article.topics.count() == original.topics.count()
        for block in article.body:
            if block.block_type == "quote":
                assert block.value["speaker"].locale.language_code == "ru"
                assert cyrillic.search(block.value["text"])
            if block.block_type == "related":
                assert block.value["article"].locale.language_code == "ru"
            if block.block_type == "paragraph":
                assert cyrillic.search(block.value.source)
        assert cyrillic.search(article.lead_photo_caption)
        assert client.get(article.url).status_code == 200


def test_a_dry_run_on_the_loaded_demo_only_plans_the_archive(demo, db):
    before = census()
    output = io.StringIO()
    call_command(
        "load_demo",
        "--curated",
        str(CURATED),
        "--dry-run",
        "--articles",
        "40",
        stdout=output,
        verbosity=0,
    )
    assert census() == before
    lines = re.findall(r"^\s+([\d,]+)\s+(.+)$", output.getvalue(), re.M)
    assert {label: int(number.replace(",", "")) for number, label in lines} == {
        "photos": 0,
        "sections, topics and authors (both editions)": 0,
        "English articles": 0,
        "Russian translations": 0,
        "archive articles (bulk)": 40 - CURATED,
        "editor account": 0,
    }


def test_bulk_archive_reaches_the_total_with_a_valid_tree(demo, db, client):
    load("--articles", "57")
    english = ArticlePage.objects.filter(locale__language_code="en")
    assert english.count() == 57
    assert Page.find_problems() == ([], [], [], [], [])

    archive = english.filter(live_revision__isnull=True)
    assert archive.count() == 57 - CURATED
    article = archive.order_by("first_published_at").first()
    assert article.url_path == f"{article.get_parent().url_path}{article.slug}/"
    assert (
        article.first_published_at
        < english.filter(live_revision__isnull=False)
        .earliest("first_published_at")
        .first_published_at
    )
    assert article.article_authors.exists() and article.topics.exists()
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert article.body[0].value.source in response.content.decode()

    for section in SectionPage.objects.filter(locale__language_code="en"):
        assert section.numchild == section.get_children().count()
        slugs = list(section.get_children().values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs))

    # The same target adds nothing; a higher one adds the difference after the last child.
    load("--articles", "57")
    assert english.count() == 57
    load("--articles", "70")
    assert english.count() == 70
    assert Page.find_problems() == ([], [], [], [], [])
