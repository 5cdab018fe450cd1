"""What the origin tells shared caches and browsers, and what it writes before answering."""

import pytest
from django.test import Client

from dateline.caching import changes, index
from dateline.caching.models import CachedURL
from dateline.conftest import url_in
from dateline.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_a_public_page_is_shared_and_browsers_revalidate(site, client, shared_cache):
    response = client.get(site.article.url)
    assert int(response["X-Accel-Expires"]) == 600
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate"} <= cache_control
    assert response["ETag"]
    tags = set(
        CachedURL.objects.get(url="http://testserver" + site.article.url).tags.values_list(
            "tag", flat=True
        )
    )
    assert {f"page-{site.article.pk}", f"page-{site.related.pk}", "masthead-en"} <= tags


def test_cdns_get_s_maxage_only_when_they_are_purged(site, client, settings):
    assert "s-maxage" not in client.get(site.article.url)["Cache-Control"]
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": "http://cdn.test"},
    }  # fmt: skip
    assert "s-maxage=600" in client.get(site.article.url)["Cache-Control"]


def test_not_found_and_redirects_are_shared_seconds_only(site, client):
    assert client.get("/en/no-such-page/")["X-Accel-Expires"] == "5"
    response = client.get(site.article.url + "?utm_source=x&page=2")
    assert response.status_code == 301
    assert response["X-Accel-Expires"] == "0"


def test_personal_answers_are_never_shared(site, client, django_user_model):
    reader = django_user_model.objects.create_user("gull", "gull@example.org", "pw-gull-12345")
    signed_in = Client()
    signed_in.force_login(reader)
    response = signed_in.get(site.article.url)
    assert response["X-Accel-Expires"] == "0"
    assert "private" in response["Cache-Control"]
    # A page with a form's token is its reader's own too.
    login = client.get(url_in("en", "account_login"))
    assert login["X-Accel-Expires"] == "0"
    assert "private" in login["Cache-Control"] or "no-cache" in login["Cache-Control"]


def test_campaign_parameters_alone_are_dropped_before_the_view(site, client):
    response = client.get(site.article.url + "?utm_source=newsletter&fbclid=abc")
    assert response.status_code == 200
    assert response["X-Accel-Expires"] == "600"


@pytest.mark.parametrize(
    "query, location",
    [
        ("?foo=1", ""),
        ("?page=2&foo=1", "?page=2"),
        ("?utm_source=x&page=2", "?page=2"),
    ],
)
def test_unknown_parameters_are_redirected_away(site, client, query, location):
    response = client.get(site.politics.url + query)
    assert response.status_code == 301
    assert response["Location"] == site.politics.url + location
    assert "no-store" in response["Cache-Control"]


def test_parameters_a_page_reads_are_kept(site, client):
    assert client.get(site.article.url + "?sort=oldest").status_code == 200
    assert client.get(site.politics.url + "?page=1").status_code == 200


def test_the_url_is_indexed_before_the_answer_leaves(site, client, shared_cache, monkeypatch):
    """A change committed after the index write finds the URL; one committed before it is
    seen by the answer, which then goes out uncacheable."""
    order = []
    register = index.register
    monkeypatch.setattr(index, "register", lambda *a: (order.append("indexed"), register(*a)))
    stamps_after = changes.stamps_after
    monkeypatch.setattr(
        changes, "stamps_after", lambda *a: (order.append("checked"), stamps_after(*a))[1]
    )
    client.get(site.article.url)
    assert order == ["indexed", "checked"]


def test_an_answer_that_raced_a_change_is_not_shared(site, client, shared_cache, monkeypatch):
    original = ArticlePage.get_context

    def change_while_rendering(page, request, *args, **kwargs):
        context = original(page, request, *args, **kwargs)
        changes.invalidate([f"page-{site.related.pk}"])  # the card it shows, changed now
        return context

    monkeypatch.setattr(ArticlePage, "get_context", change_while_rendering)
    response = client.get(site.article.url)
    assert response["X-Accel-Expires"] == "0"
    assert "no-cache" in response["Cache-Control"]
    # The URL was indexed all the same: the change's purge reaches any copy kept anyway.
    assert (site.article.url, False) in shared_cache.told()


def test_a_newsroom_change_commits_with_its_announcement_or_not_at_all(
    site, admin_client, shared_cache, monkeypatch
):
    """Wagtail's unpublish commits its writes before it says so: were the stamps and the
    purge not written (a crash, a lost connection), the page would stay in every cache."""
    from dateline.caching.models import Purge

    def lost(*args, **kwargs):
        raise ConnectionError("the database went away")

    create = Purge.objects.create
    monkeypatch.setattr(Purge.objects, "create", lost)
    with pytest.raises(ConnectionError):
        admin_client.post(f"/admin/pages/{site.related.pk}/unpublish/", {"include_descendants": ""})
    assert ArticlePage.objects.get(pk=site.related.pk).live
    monkeypatch.setattr(Purge.objects, "create", create)
    admin_client.post(f"/admin/pages/{site.related.pk}/unpublish/", {"include_descendants": ""})
    assert not ArticlePage.objects.get(pk=site.related.pk).live
    assert (site.related.url, True) in shared_cache.told()


@pytest.mark.parametrize(
    "path, kept",
    [
        ("/en/mediabank/?q=ferry&x=1", "/en/mediabank/?q=ferry"),
        ("/en/feeds/rss/?x=1", "/en/feeds/rss/"),
        ("/sitemap.xml?x=1", "/sitemap.xml"),
        ("/robots.txt?x=1", "/robots.txt"),
    ],
)
def test_views_beside_pages_redirect_unknown_parameters_too(site, client, path, kept):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == kept


@pytest.mark.parametrize("name", ["account_reset_password", "account_login", "account_signup"])
def test_a_form_with_a_token_is_the_readers_own(site, client, name):
    """Issue 13, item 10: a page holding a CSRF token is never kept by anybody."""
    response = client.get(url_in("en", name))
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response["X-Accel-Expires"] == "0"


def test_the_comment_form_is_its_readers_own(site, client, django_user_model):
    reader = django_user_model.objects.create_user("tern", "tern@example.org", "pw-tern-12345")
    client.force_login(reader)
    response = client.get(f"/en/discussion/{site.article.pk}/write/")
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert response["X-Accel-Expires"] == "0"
