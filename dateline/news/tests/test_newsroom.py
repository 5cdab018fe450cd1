"""Publishing through the newsroom (Wagtail admin): what cannot be published, and why."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from dateline.conftest import soup
from dateline.news.models import ArticlePage


def add_url(parent):
    return f"/admin/pages/add/news/articlepage/{parent.pk}/"


def article_form(site, **overrides):
    data = {
        "title": "Ferry fares frozen for a year",
        "slug": "ferry-fares-frozen",
        "standfirst": "The council froze ferry fares on Wednesday.",
        "dateline_place": "PORT HALVERN",
        "lead_photo": site.lead_photo.pk,
        "lead_photo_caption": "",
        "corrections": inline_formset([]),
        "article_authors": inline_formset([{"author": site.reporter.pk, "id": ""}], min=1),
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Fares stay where they are until next winter.</p>")),
                (
                    "quote",
                    {
                        "text": "Nobody should pay more to cross the bay.",
                        "speaker": site.person.pk,
                        "circumstance": "at the council meeting on Wednesday",
                    },
                ),
            ]
        ),
        "topics": [site.person.pk],
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def form_errors(response):
    form = response.context["form"]
    return form.errors


@pytest.fixture
def newsroom(admin_client):
    return admin_client


class TestPublishArticle:
    def test_a_complete_article_is_published_in_its_section(self, site, newsroom):
        response = newsroom.post(add_url(site.politics), article_form(site))
        assert response.status_code == 302, form_errors(response)
        article = ArticlePage.objects.get(slug="ferry-fares-frozen")
        assert article.live
        assert article.get_parent().pk == site.politics.pk
        assert [link.author_id for link in article.article_authors.all()] == [site.reporter.pk]
        quote = next(block for block in article.body if block.block_type == "quote")
        assert quote.value["speaker"].pk == site.person.pk
        assert newsroom.get(article.url).status_code == 200

    @pytest.mark.parametrize("field", ["title", "standfirst"])
    def test_without_it_nothing_is_published_and_nothing_typed_is_lost(self, site, newsroom, field):
        before = ArticlePage.objects.count()
        data = article_form(site, **{field: ""})
        response = newsroom.post(add_url(site.politics), data)

        assert response.status_code == 200
        assert field in form_errors(response)
        assert ArticlePage.objects.count() == before
        # A clear message, and the form comes back filled in with what was typed.
        page = soup(response)
        assert page.select(".messages .error, .messages [class*=error], [role=alert]")
        form = page.find("form", id="page-edit-form")
        assert form is not None
        if field != "title":
            assert form.find("input", attrs={"name": "title"})["value"] == data["title"]
        if field != "standfirst":
            assert (
                form.find("textarea", attrs={"name": "standfirst"}).text.strip()
                == (data["standfirst"])
            )
        assert form.find("input", attrs={"name": "dateline_place"})["value"] == "PORT HALVERN"

    def test_an_article_without_a_section_cannot_be_created(self, site, newsroom):
        before = ArticlePage.objects.count()
        for parent in (site.home, site.topic_index, site.author_index):
            response = newsroom.get(add_url(parent))
            assert response.status_code in (302, 403), parent
            response = newsroom.post(add_url(parent), article_form(site))
            assert response.status_code in (302, 403), parent
        assert ArticlePage.objects.count() == before
        assert not Page.objects.filter(slug="ferry-fares-frozen").exists()

    def test_a_quote_by_an_organisation_is_refused(self, site, newsroom):
        data = article_form(
            site,
            body=streamfield(
                [
                    ("paragraph", rich_text("<p>Text.</p>")),
                    (
                        "quote",
                        {"text": "We stay open.", "speaker": site.organisation.pk},
                    ),
                ]
            ),
        )
        response = newsroom.post(add_url(site.politics), data)
        assert response.status_code == 200
        assert "body" in form_errors(response)
        assert not ArticlePage.objects.filter(slug="ferry-fares-frozen").exists()

    def test_an_article_needs_an_author(self, site, newsroom):
        data = article_form(site, article_authors=inline_formset([], min=1))
        response = newsroom.post(add_url(site.politics), data)
        assert response.status_code == 200
        assert not ArticlePage.objects.filter(slug="ferry-fares-frozen").exists()

    def test_editing_a_live_article_without_headline_keeps_the_published_one(self, site, newsroom):
        data = article_form(site, title="", slug=site.article.slug)
        response = newsroom.post(f"/admin/pages/{site.article.pk}/edit/", data)
        assert response.status_code == 200
        assert "title" in form_errors(response)
        site.article.refresh_from_db()
        assert site.article.title == "Council keeps the northern ferry route open all winter"
        assert site.article.live


class TestAnonymousNewsroom:
    """The newsroom's views of drafts are not a back door for readers."""

    @pytest.mark.parametrize(
        "path",
        [
            "/admin/pages/{draft}/view_draft/",
            "/admin/pages/{draft}/edit/",
            "/admin/pages/{draft}/revisions/",
            "/admin/pages/{draft}/edit/preview/",
        ],
    )
    def test_drafts_in_the_admin_need_a_login(self, site, client, path):
        response = client.get(path.format(draft=site.draft.pk))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")

    def test_a_reader_account_cannot_enter_the_newsroom(self, site, client, django_user_model):
        reader = django_user_model.objects.create_user(
            username="reader", email="reader@example.org", password="correct horse battery"
        )
        client.force_login(reader)
        response = client.get(f"/admin/pages/{site.draft.pk}/view_draft/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
