"""Parts of pages kept rendered (rendercache.py): reused when a page re-renders, never stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.conftest import publish
from dateline.pagecache.invalidation import invalidate
from dateline.pagecache.serving import get_cache

pytestmark = pytest.mark.django_db


def body_part(article):
    return get_cache().store.get_part(
        f"article-body:{article.pk}:en:http://testserver{article.url}"
    )


def fetch(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_page_cache_miss_reuses_the_article_body(site, client):
    first, first_queries = fetch(client, site.article.url)
    part = body_part(site.article)
    # Everything the body shows is among its tags: the article, its photos, the quote's
    # speaker, the related card.
    assert {
        f"page-{site.article.pk}",
        f"photo-{site.lead_photo.pk}",
        f"photo-{site.body_photo.pk}",
        f"page-{site.person.pk}",
        f"page-{site.related.pk}",
        f"page-{site.reporter.pk}",
    } <= part.tags

    invalidate([f"discussion-{site.article.pk}"])  # a comment approved: the page re-renders
    second, second_queries = fetch(client, site.article.url)
    assert second == first
    assert body_part(site.article).rendered_at == part.rendered_at
    assert second_queries < first_queries - 5


def test_without_the_page_cache_pages_still_reuse_parts(site, client, settings):
    settings.DATELINE_PAGE_CACHE = {**settings.DATELINE_PAGE_CACHE, "ENABLED": False}
    first, first_queries = fetch(client, site.article.url)
    second, second_queries = fetch(client, site.article.url)
    assert second == first
    assert second_queries < first_queries - 5
    assert "pagecache:" not in second  # no slot markers left in the page


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (
            lambda s: publish(s.article, title="Ferry route saved"),
            'class="article__headline">Ferry route saved<',
        ),
        (lambda s: publish(s.related, title="Navy escorts a second convoy"), "a second convoy"),
        (lambda s: publish(s.person, title="Marta Kovac-Lind"), "Marta Kovac-Lind"),
        (lambda s: publish(s.reporter, title="Ana Reyes-Mora"), "Ana Reyes-Mora"),
        (
            lambda s: (setattr(s.body_photo, "photographer", "Tove Lund"), s.body_photo.save()),
            "Tove Lund",
        ),
        (
            lambda s: (setattr(s.lead_photo, "agency", "Baltic Images"), s.lead_photo.save()),
            "Baltic Images",
        ),
    ],
    ids=["article", "related card", "quote speaker", "byline", "body photo", "lead photo"],
)
def test_a_change_to_anything_the_body_shows_reaches_the_page(site, client, change, shown):
    before, _ = fetch(client, site.article.url)
    assert shown not in before
    change(site)
    after, _ = fetch(client, site.article.url)
    assert shown in after


def test_previews_and_logged_in_readers_never_get_kept_parts(site, client, admin_client):
    fetch(client, site.article.url)  # the live body is kept
    article = site.article.specific
    article.title = "A draft headline nobody has published"
    article.save_revision()
    draft = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert "A draft headline nobody has published" in draft.content.decode()
    live, _ = fetch(client, site.article.url)
    assert "A draft headline nobody has published" not in live


def test_parts_are_kept_per_edition_language(site, client):
    english, _ = fetch(client, site.article.url)
    russian, _ = fetch(client, site.article_ru.url)
    assert "Совет сохранит" in russian and "Совет сохранит" not in english
    assert body_part(site.article) is not None


def card_part(article, variant="row", level=2, standfirst=1):
    name = f"card:{article.pk}:{variant}:{level}:{standfirst}:en:http://testserver"
    return get_cache().store.get_part(name)


def test_a_card_is_rendered_once_for_every_listing_that_shows_it(site, client):
    fetch(client, site.politics.url)
    kept = card_part(site.article)
    assert {
        f"page-{site.article.pk}",
        "masthead-en",
        f"photo-{site.lead_photo.pk}",
    } <= kept.tags
    # The person's topic page lists the same article with the same card (level 3 there).
    fetch(client, site.person.url)
    assert card_part(site.article, level=3) is not None
    invalidate([f"list-section-{site.politics.pk}"])  # a new story: the section re-renders
    fetch(client, site.politics.url)
    assert card_part(site.article).rendered_at == kept.rendered_at


@pytest.mark.parametrize(
    ("change", "url", "shown"),
    [
        (
            lambda s: publish(s.related, title="Navy escorts a second convoy"),
            "defense",
            "a second convoy",
        ),
        (
            lambda s: publish(s.defense, slug="armed-forces"),
            "defense",
            "/en/armed-forces/navy-escorts",
        ),
        (lambda s: publish(s.article, lead_photo=s.body_photo), "politics", "crew"),
    ],
    ids=["headline", "section address", "new photo"],
)
def test_a_change_reaches_every_card_of_the_article(site, client, change, url, shown):
    before, _ = fetch(client, getattr(site, url).url)
    assert shown not in before
    change(site)
    page = getattr(site, url)
    after, _ = fetch(client, type(page).objects.get(pk=page.pk).url)
    assert shown in after


def test_a_part_that_holds_a_form_token_is_never_kept(rf):
    from django.template import engines

    from dateline.pagecache import tags

    template = engines["django"].from_string(
        '{% load pagecache_tags %}{% pagecache_part "form" %}'
        '<input name="t" value="{{ csrf_token }}">{% endpagecache_part %}'
    )
    request = rf.get("/en/form/")
    tags.start()
    try:
        first = template.render({}, request)
    finally:
        tags.stop()
    assert 'value=""' not in first  # the token was rendered
    assert get_cache().store.get_part("form:en:http://testserver/en/form/") is None
