from dateline.conftest import url_in


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
        "feed": "/en/feeds/rss/",
        "sitemaps": "/sitemap.xml",
        "pages_sitemap": "/sitemap-en.xml",
        "politics_sitemap": f"/sitemap-en.politics.{month(site.article)}.xml",
        "defense_sitemap": f"/sitemap-en.defense.{month(site.related)}.xml",
    }


def month(article):
    return article.specific.published_at.strftime("%Y-%m")


def warm(client, urls):
    """Every URL asked for once, as the shared cache would: each is shareable and indexed."""
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert int(response["X-Accel-Expires"]) > 0, name
