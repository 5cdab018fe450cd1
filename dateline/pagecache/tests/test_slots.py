"""The breaking-news banner: a new alert reaches stored pages without re-rendering them."""

import pytest
from wagtail.models import Locale

from dateline.live.alerts import raise_alert, retire_alert
from dateline.pagecache.serving import get_cache

from .helpers import HOST, public_urls, warm

pytestmark = pytest.mark.django_db


def test_an_alert_shows_on_stored_pages_at_once_and_goes_when_retired(
    site, client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    urls = public_urls(site)
    warm(client, urls)
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        alert = raise_alert(headline="Storm closes the northern ferry route", locale=english)

    # The home renders again (and brings the new banner); the article is not re-rendered,
    # yet shows it: the stored page gets the banner's current version.
    home = client.get(urls["home"])
    assert home["X-Page-Cache"] == "miss"
    # The markers are gone from what the reader gets, and the length says so.
    assert "pagecache:slot" not in home.content.decode()
    assert int(home["Content-Length"]) == len(home.content)
    with django_assert_num_queries(0):
        response = client.get(urls["article"])
    assert response["X-Page-Cache"] == "hit"
    assert "Storm closes the northern ferry route" in response.content.decode()
    assert "pagecache:slot" not in response.content.decode()
    assert int(response["Content-Length"]) == len(response.content)
    assert get_cache().state(HOST + urls["article"]) == "fresh"

    # The Russian edition's pages do not show an English alert.
    assert "Storm closes" not in client.get(urls["home_ru"]).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        retire_alert(alert)
    client.get(urls["politics"])
    assert "Storm closes" not in client.get(urls["article"]).content.decode()


def test_the_etag_follows_the_banner(site, client, django_capture_on_commit_callbacks):
    first = client.get(site.article.url)["ETag"]
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(headline="Bridge reopens after inspection", locale=english)
    client.get("/en/")
    assert client.get(site.article.url)["ETag"] != first
