"""Embargoed photos: invisible to readers on every page and under /media/ until the embargo
passes; the newsroom sees them; the scheduler makes them appear and tells the page cache once."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from dateline.caching.changes import invalidate as invalidate_for_real
from dateline.conftest import small_photo, soup, url_in
from dateline.live.tests.factories import live_blog
from dateline.mediabank.models import Photo
from dateline.mediabank.renditions import CARD_SPECS, LEAD_SPECS
from dateline.news.models import HomePinnedStory
from dateline.newsroom.scheduler import release_photos, run_due

TOKEN = "Qvembargo5512"


@pytest.fixture
def embargoed(site, django_capture_on_commit_callbacks):
    """A photo under embargo for six hours, used everywhere a live page can show a photo."""
    until = timezone.now() + timedelta(hours=6)
    with django_capture_on_commit_callbacks(execute=True):  # the search index is updated then
        photo = small_photo(
            f"{TOKEN.lower()}-pier",
            title=f"{TOKEN} title",
            caption=f"{TOKEN} caption of the pier at night.",
            photographer=f"{TOKEN} Photographer",
            agency="Marendia Press",
            embargo_until=until,
        )
    # The newsroom chose it (the admin made its renditions while editing and previewing).
    renditions = list(photo.get_renditions(*LEAD_SPECS, *CARD_SPECS).values())
    site.article.lead_photo = photo
    site.article.body = [
        ("paragraph", "<p>The vote ended a debate.</p>"),
        ("photo", {"photo": photo, "caption": ""}),
        ("related", {"article": site.related}),
    ]
    site.article.save_revision().publish()
    site.related.lead_photo = photo  # on its card in another article and its section
    site.related.save_revision().publish()
    HomePinnedStory.objects.create(home=site.home, article=site.related)
    blog = live_blog(
        site.politics,
        title="Night at the pier, live",
        entries=[
            (
                "entry",
                {
                    "time": timezone.now().replace(microsecond=0),
                    "headline": "A photo from the pier",
                    "body": [("photo", {"photo": photo, "caption": ""})],
                },
            )
        ],
    )
    return photo, renditions, until, blog


def public_pages(site, blog, photo):
    return {
        "home": "/en/",
        "politics section": site.politics.url,
        "defense section": site.defense.url,
        "topic": site.person.url,
        "author": site.reporter.url,
        "article": site.article.url,
        "related article": site.related.url,
        "live blog": blog.url,
        "media bank": url_in("en", "mediabank:index"),
        "media bank search": url_in("en", "mediabank:index") + f"?q={TOKEN}",
        "photo page": url_in("en", "mediabank:photo", pk=photo.pk),
        "sitemap": "/sitemap-en.xml",
    }


def crawl(client, site, blog, photo):
    seen = {}
    for name, url in public_pages(site, blog, photo).items():
        response = client.get(url)
        # The photo's own page is not found while it is under embargo; every other page is.
        hidden = name == "photo page" and photo.is_embargoed
        assert response.status_code == (404 if hidden else 200), (name, response.status_code)
        seen[name] = response.content.decode()
    # The search page repeats the query: what matters is what it found.
    main = soup(client.get(public_pages(site, blog, photo)["media bank search"])).find("main")
    found = [a["href"] for a in main.find_all("a", href=True)]
    for node in main.find_all(["img", "source", "figcaption"]):
        found += [node.get("src", ""), node.get("srcset", ""), node.get("alt", ""), node.text]
    seen["media bank search"] = " ".join(found)
    return seen


def secrets(photo, renditions):
    """What must not reach readers: caption, credit, file names, rendition URLs."""
    stem = photo.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return [TOKEN, photo.credit_line, stem, *(r.url for r in renditions)]


def media(client, url):
    response = client.get(url)
    body = b"".join(response) if response.streaming else response.content
    return response.status_code, body


def test_readers_never_see_an_embargoed_photo_until_the_scheduler_releases_it(
    site, client, embargoed, django_capture_on_commit_callbacks
):
    photo, renditions, until, blog = embargoed
    before = crawl(client, site, blog, photo)
    for name, text in before.items():
        for secret in secrets(photo, renditions):
            assert secret not in text, f"{name} shows {secret!r}"
    for rendition in renditions:
        status, body = media(client, rendition.url)
        assert status == 404 and TOKEN.encode() not in body, rendition.url
    assert media(client, photo.file.url)[0] == 404

    later = until + timedelta(seconds=30)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("dateline.caching.changes.invalidate", wraps=invalidate_for_real) as invalidate,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert run_due(now=later) == ([], [])
        invalidate.assert_called_once_with([f"photo-{photo.pk}", "list-mediabank"])
        assert release_photos(now=later) == []  # once
        after = crawl(client, site, blog, photo)
        statuses = [media(client, r.url)[0] for r in renditions]
        original = media(client, photo.file.url)[0]
    for name in ("article", "related article", "live blog", "photo page"):
        assert TOKEN in after[name], name
        assert photo.credit_line in after[name], name
    for name in ("home", "politics section", "defense section", "media bank", "article"):
        assert any(r.url in after[name] for r in renditions), name
    assert url_in("en", "mediabank:photo", pk=photo.pk) in after["media bank search"]
    assert statuses == [200] * len(renditions)
    # Originals are never public, embargo or not.
    assert original == 404
    photo.refresh_from_db()
    assert photo.embargo_lifted


def test_the_structured_data_and_share_card_leave_the_photo_out(site, client, embargoed):
    photo, renditions, _until, _blog = embargoed
    response = client.get(site.article.url)
    text = response.content.decode()
    assert 'property="og:image"' not in text
    assert '"ImageObject"' not in text


def test_the_newsroom_sees_the_embargoed_photo_in_the_admin_and_previews(
    site, admin_client, embargoed
):
    photo, renditions, _until, _blog = embargoed
    preview = admin_client.get(f"/admin/pages/{site.article.pk}/view_draft/")
    assert preview.status_code == 200
    assert TOKEN in preview.content.decode()
    assert admin_client.get(f"/admin/images/{photo.pk}/").status_code == 200
    status, _body = media(admin_client, renditions[0].url)
    assert status == 200
    response = admin_client.get(renditions[0].url)
    assert "no-store" in response["Cache-Control"]
    assert media(admin_client, photo.file.url)[0] == 200


def test_a_new_embargo_is_announced_again_when_it_passes(site, embargoed):
    photo, _renditions, until, _blog = embargoed
    later = until + timedelta(minutes=1)
    with mock.patch("dateline.caching.changes.invalidate"):
        assert release_photos(now=later) == [photo.pk]
    photo.refresh_from_db()
    photo.embargo_until = timezone.now() + timedelta(days=1)
    photo.save()
    assert not Photo.objects.get(pk=photo.pk).embargo_lifted
    with mock.patch("dateline.caching.changes.invalidate"):
        assert release_photos(now=later) == []
        assert release_photos(now=photo.embargo_until) == [photo.pk]


def test_media_outside_photos_and_path_tricks_are_not_served(site, client):
    for path in ("/media/../manage.py", "/media/documents/x.pdf", "/media/images/nothing.jpg"):
        assert client.get(path).status_code == 404, path
    assert client.post(site.lead_photo.renditions.first().url).status_code == 405


def test_an_editor_is_warned_when_publishing_an_article_with_an_embargoed_photo(
    site, admin_client, embargoed
):
    from dateline.news.tests.test_newsroom import article_form

    photo = embargoed[0]
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{site.politics.pk}/",
        article_form(site, lead_photo=photo.pk),
    )
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any(photo.title in w and "embargo" in w for w in warnings), warnings


def test_no_warning_for_photos_readers_may_see(site, admin_client):
    from dateline.news.tests.test_newsroom import article_form

    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{site.politics.pk}/", article_form(site)
    )
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
