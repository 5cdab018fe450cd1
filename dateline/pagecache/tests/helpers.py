from dateline.conftest import url_in
from dateline.pagecache.serving import get_cache

HOST = "http://testserver"


def public_urls(site):
    """Every kind of public page of the test world, by name."""
    return {
        "home": "/en/",
        "home_ru": "/ru/",
        "politics": site.politics.url,
        "defense": site.defense.url,
        "article": site.article.url,
        "article_ru": site.article_ru.url,
        "related": site.related.url,
        "person": site.person.url,
        "organisation": site.organisation.url,
        "place": site.place.url,
        "reporter": site.reporter.url,
        "editor": site.editor.url,
        "topics": site.topic_index.url,
        "authors": site.author_index.url,
        "mediabank": url_in("en", "mediabank:index"),
        "lead_photo": url_in("en", "mediabank:photo", pk=site.lead_photo.pk),
        "body_photo": url_in("en", "mediabank:photo", pk=site.body_photo.pk),
    }


def warm(client, urls):
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert response["X-Page-Cache"] in ("miss", "hit"), name
        assert get_cache().state(HOST + url) == "fresh", name


def refreshed(urls):
    """The pages that the next reader gets freshly rendered."""
    cache = get_cache()
    return {name for name, url in urls.items() if cache.state(HOST + url) != "fresh"}
