"""The newsroom's bad input in the admin: a form error or a 400, never a 500."""

import pytest
from wagtail.models import Page

from dateline.conftest import soup
from dateline.news.models import ArticlePage

from .test_newsroom import add_url, article_form


@pytest.fixture
def article(site, admin_client):
    assert admin_client.post(add_url(site.politics), article_form(site)).status_code == 302
    return ArticlePage.objects.get(slug="ferry-fares-frozen")


def broken_body(site, how, **overrides):
    data = article_form(site, **overrides)
    if how == "no count":
        del data["body-count"]
    elif how == "count not a number":
        data["body-count"] = "many"
    elif how == "count beyond the blocks":
        data["body-count"] = "7"
    return data


HOW = ["no count", "count not a number", "count beyond the blocks"]


@pytest.mark.parametrize("how", HOW)
def test_an_edit_with_an_unreadable_body_is_a_form_error(site, admin_client, article, how):
    data = broken_body(site, how, title="Fares frozen until spring", slug=article.slug)
    response = admin_client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "body" in form.errors
    assert "could not be read" in form.errors["body"][0]
    # Nothing saved; the title typed is kept; the body shows the saved version.
    assert Page.objects.get(pk=article.pk).get_latest_revision().content["title"] == (
        "Ferry fares frozen for a year"
    )
    page = soup(response)
    assert page.find("input", attrs={"name": "title"})["value"] == "Fares frozen until spring"
    assert "Fares stay where they are" in str(page.find(id="body"))


@pytest.mark.parametrize("how", HOW)
def test_adding_with_an_unreadable_body_is_a_form_error(site, admin_client, how):
    data = broken_body(site, how, slug="fares-frozen-again")
    response = admin_client.post(add_url(site.politics), data)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not ArticlePage.objects.filter(slug="fares-frozen-again").exists()


@pytest.mark.parametrize("how", HOW)
def test_a_preview_with_an_unreadable_body_is_not_valid(site, admin_client, article, how):
    data = broken_body(site, how, slug=article.slug)
    response = admin_client.post(f"/admin/pages/{article.pk}/edit/preview/", data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is False
