"""The public history of an article: published versions only, a word diff, switchable off."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from dateline.conftest import get_soup, hrefs, url_in
from dateline.newsroom.models import NewsroomSettings

SECRET = "Unreleased-draft-wording"


def history_url(article):
    return url_in("en", "newsroom:article_history", pk=article.pk)


def publish_versions(site):
    article = site.article
    article.save_revision().publish()
    article.refresh_from_db()
    article.standfirst = "Port Halvern's council voted on Wednesday to keep the route open."
    article.save_revision().publish()
    article.refresh_from_db()
    # A draft nobody published, and a revision scheduled for tomorrow: never public.
    article.title = f"{SECRET} headline"
    article.save_revision()
    article.go_live_at = timezone.now() + timedelta(days=1)
    article.standfirst = f"{SECRET} standfirst"
    article.save_revision().publish()
    return article


def test_lists_published_versions_and_the_last_change(site, client):
    article = publish_versions(site)
    page = get_soup(client, history_url(article))
    versions = page.select(".history__version")
    assert [v["data-version"] for v in versions] == ["2", "1"]
    diff = page.find(class_="history__diff")
    removed = [d.get_text() for d in diff.find_all("del")]
    added = [i.get_text() for i in diff.find_all("ins")]
    assert removed == ["Tuesday", "northern"]
    assert "Wednesday" in added[0]
    assert SECRET not in page.get_text(" ")


def test_any_two_versions_can_be_compared_but_no_others(site, client):
    article = publish_versions(site)
    url = history_url(article)
    assert client.get(f"{url}?from=2&to=1").status_code == 200
    for bad in ("?from=1&to=3", "?from=0&to=2", "?from=a&to=2", "?from=1"):
        assert client.get(f"{url}{bad}").status_code == 404, bad


def test_a_draft_only_or_private_article_has_no_history(site, client):
    for article in (site.draft, site.private):
        assert client.get(history_url(article)).status_code == 404
    assert client.get(url_in("en", "newsroom:article_history", pk=999999)).status_code == 404


def test_the_article_links_its_history(site, client):
    page = get_soup(client, site.article.url)
    assert history_url(site.article) in hrefs(page)


def test_a_site_can_turn_it_off(site, client):
    publish_versions(site)
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.public_history = False
    settings.save()
    assert client.get(history_url(site.article)).status_code == 404
    assert history_url(site.article) not in hrefs(get_soup(client, site.article.url))


def test_an_article_never_republished_says_so(site, client):
    site.article.save_revision().publish()
    page = get_soup(client, history_url(site.article))
    assert len(page.select(".history__version")) == 1
    assert page.find(class_="history__diff") is None
