"""The content API (/api/v2/): only what readers may see, the fields partners need, and a
clear 400 for bad parameters."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.conftest import small_photo
from dateline.mediabank.models import Photo
from dateline.news.factories import ArticlePageFactory

PAGES = "/api/v2/pages/"
IMAGES = "/api/v2/images/"


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, params, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def listed_ids(client, url, **params):
    return [item["id"] for item in get_json(client, url, limit=20, **params)["items"]]


class TestPages:
    def test_lists_live_public_articles_newest_first(self, site, client):
        ids = listed_ids(client, PAGES)
        assert ids[:2] in (
            [site.article.pk, site.article_ru.pk],
            [site.article_ru.pk, site.article.pk],
        )
        assert set(ids) == {site.article.pk, site.article_ru.pk, site.related.pk}
        assert listed_ids(client, PAGES, locale="en") == [site.article.pk, site.related.pk]
        assert listed_ids(client, PAGES, child_of=site.defense.pk) == [site.related.pk]

    @pytest.mark.parametrize("name", ["draft", "private", "home", "politics", "person"])
    def test_drafts_private_and_other_pages_are_not_found(self, site, client, name):
        data = get_json(client, f"{PAGES}{getattr(site, name).pk}/", status=404)
        assert data["message"]

    def test_a_scheduled_article_is_absent_until_it_goes_live(self, site, client):
        scheduled = ArticlePageFactory(parent=site.politics, live=False, title="Scheduled")
        scheduled.go_live_at = timezone.now() + timedelta(hours=3)
        scheduled.save_revision().publish()
        assert scheduled.pk not in listed_ids(client, PAGES)
        get_json(client, f"{PAGES}{scheduled.pk}/", status=404)
        assert get_json(client, PAGES, search="Scheduled")["items"] == []

    def test_search_finds_published_articles(self, site, client):
        found = listed_ids(client, PAGES, search="northern ferry")
        assert site.article.pk in found
        assert site.draft.pk not in listed_ids(client, PAGES, search="budget cuts")
        assert site.private.pk not in listed_ids(client, PAGES, search="briefing")

    @pytest.mark.parametrize("name", ["article", "article_ru"])
    def test_find_by_the_readers_url(self, site, client, name):
        article = getattr(site, name)
        response = client.get(f"{PAGES}find/", {"html_path": article.url})
        assert response.status_code == 302
        assert response["Location"].split("?")[0].endswith(f"{PAGES}{article.pk}/")

    @pytest.mark.parametrize("path", ["/en/politics/unannounced-budget-cuts/", "/en/", "/xx/a/"])
    def test_find_does_not_reveal_drafts_or_other_pages(self, site, client, path):
        get_json(client, f"{PAGES}find/", status=404, html_path=path)

    def test_detail_fields(self, site, client):
        data = get_json(client, f"{PAGES}{site.article.pk}/")
        assert set(data) == {
            "id",
            "meta",
            "title",
            "standfirst",
            "dateline_place",
            "section",
            "authors",
            "topics",
            "lead_photo",
            "body",
            "corrections",
            "published_at",
            "updated_at",
        }
        assert set(data["meta"]) == {
            "type",
            "detail_url",
            "html_url",
            "slug",
            "locale",
            "first_published_at",
            "search_description",
        }
        assert data["meta"]["html_url"] == site.article.full_url
        assert data["section"]["title"] == "Politics"
        assert [a["title"] for a in data["authors"]] == ["Ana Reyes", "Leo Brandt"]
        assert {t["kind"] for t in data["topics"]} == {"person", "organisation", "place"}
        photo = data["lead_photo"]
        assert photo["credit"] == "© Nordic Wire / Ines Varga"
        assert {r["format"] for r in photo["renditions"]} == {"webp", "jpeg"}
        assert max(r["width"] for r in photo["renditions"]) <= 1920
        types = [block["type"] for block in data["body"]]
        assert types == [
            "paragraph",
            "quote",
            "related",
            "subheading",
            "photo",
            "fact_box",
            "paragraph",
        ]
        quote = data["body"][1]["value"]
        assert quote["speaker"]["name"] == "Marta Kovac"
        assert data["body"][2]["value"]["article"]["id"] == site.related.pk
        assert data["body"][4]["value"]["photo"]["credit"] == "© Dateline / Tomas Lind"

    def test_no_user_data_or_revisions(self, site, client):
        text = client.get(f"{PAGES}{site.article.pk}/").content.decode()
        for leak in ("owner", "locked_by", "latest_revision", "uploaded_by", "draft_title"):
            assert leak not in text
        get_json(client, PAGES, status=400, fields="owner")
        get_json(client, PAGES, status=400, owner="1")

    def test_a_related_card_to_an_unpublished_story_is_left_out(self, site, client):
        site.related.unpublish()
        data = get_json(client, f"{PAGES}{site.article.pk}/")
        assert "related" not in [block["type"] for block in data["body"]]

    def test_an_embargoed_lead_photo_is_null(self, site, client):
        Photo.objects.filter(pk=site.lead_photo.pk).update(
            embargo_until=timezone.now() + timedelta(days=1)
        )
        assert get_json(client, f"{PAGES}{site.article.pk}/")["lead_photo"] is None

    def test_responses_are_public_and_cacheable(self, site, client):
        response = client.get(PAGES)
        assert "public" in response["Cache-Control"]
        assert "max-age" in response["Cache-Control"]
        assert not response.cookies

    def test_listing_queries_do_not_grow(self, site, client, django_assert_max_num_queries):
        for n in range(5):
            ArticlePageFactory(
                parent=site.defense,
                lead_photo=small_photo(f"api{n}"),
                authors=[site.editor],
                topics=[site.place],
            )
        client.get(PAGES)  # renditions are made on the first request
        with django_assert_max_num_queries(15):
            assert client.get(PAGES).status_code == 200


class TestImages:
    def test_embargoed_photos_are_absent(self, site, client):
        embargoed = small_photo("secret", title="Embargoed pier", caption="Not yet")
        embargoed.embargo_until = timezone.now() + timedelta(hours=1)
        embargoed.save()
        ids = listed_ids(client, IMAGES)
        assert site.lead_photo.pk in ids
        assert embargoed.pk not in ids
        get_json(client, f"{IMAGES}{embargoed.pk}/", status=404)
        assert get_json(client, IMAGES, search="Embargoed")["items"] == []

    def test_detail_fields(self, site, client):
        data = get_json(client, f"{IMAGES}{site.lead_photo.pk}/")
        assert set(data) == {
            "id",
            "meta",
            "title",
            "caption",
            "credit",
            "agency",
            "photographer",
            "date_taken",
            "licence",
            "licence_url",
            "width",
            "height",
            "renditions",
        }
        assert set(data["meta"]) == {"type", "detail_url", "html_url", "tags", "created_at"}
        assert data["credit"] == "© Nordic Wire / Ines Varga"
        assert data["meta"]["html_url"].endswith(f"/en/mediabank/{site.lead_photo.pk}/")
        assert len(data["renditions"]) == 10

    def test_no_original_file_or_uploader(self, site, client):
        text = client.get(f"{IMAGES}{site.lead_photo.pk}/").content.decode()
        assert "original_images" not in text
        assert "uploaded_by" not in text
        get_json(client, IMAGES, status=400, fields="download_url")
        get_json(client, IMAGES, status=400, uploaded_by_user="1")


HOSTILE_PAGE_PARAMS = [
    {"published_at": "not-a-date"},
    {"first_published_at": "<script>"},
    {"topics": "abc"},
    {"section": "x"},
    {"lead_photo": "1 OR 1=1"},
    {"title": "\x00"},
    {"order": "body"},
    {"order": "owner"},
    {"order": "random,title"},
    {"limit": "-1"},
    {"limit": "abc"},
    {"limit": "1000"},
    {"offset": "x"},
    {"child_of": "-5"},
    {"child_of": "99999999"},
    {"descendant_of": "'; DROP TABLE"},
    {"translation_of": "x"},
    {"locale": "xx"},
    {"type": "wagtailcore.Page"},
    {"type": "news.HomePage"},
    {"type": "../../etc"},
    {"fields": "((("},
    {"fields": "body(x)"},
    {"search_operator": "xor", "search": "ferry"},
    {"search": "a\x00b"},
    {"site": "example.com"},
    {"rich_text_format": "<b>"},
    {"unknown": "1"},
]


@pytest.mark.parametrize("params", HOSTILE_PAGE_PARAMS, ids=lambda p: ",".join(p))
def test_bad_page_parameters_are_400_json(site, client, params):
    data = get_json(client, PAGES, status=400, **params)
    assert isinstance(data["message"], str)


@pytest.mark.parametrize(
    "params",
    [
        {"date_taken": "yesterday"},
        {"width": "wide"},
        {"embargo_until": "2020-01-01"},
        {"file": "x"},
        {"order": "file_size"},
        {"tags": "x", "search": "y"},
        {"limit": "-3"},
    ],
    ids=lambda p: ",".join(p),
)
def test_bad_image_parameters_are_400_json(site, client, params):
    get_json(client, IMAGES, status=400, **params)


@pytest.mark.parametrize(
    "url, status",
    [(f"{PAGES}find/?id=abc", 400), (f"{PAGES}find/?html_path=%00", 404),
     (f"{PAGES}?format=api", 404)],
)  # fmt: skip
def test_odd_urls_answer_json_errors(site, client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"


def test_writes_are_refused(site, client):
    assert client.post(PAGES, {"title": "x"}).status_code == 405
    assert client.delete(f"{PAGES}{site.article.pk}/").status_code == 405
