"""A save from an out-of-date editing form: refused on the server, naming who saved since."""

import pytest
from wagtail.models import Page

from dateline.conftest import publish, soup
from dateline.news.models import ArticlePage

from .test_newsroom import add_url, article_form


@pytest.fixture
def desk(site, client, admin_user, django_user_model):
    """An article, and a second editor with a name ('admin' is the first)."""
    client.force_login(admin_user)
    assert client.post(add_url(site.politics), article_form(site)).status_code == 302
    article = ArticlePage.objects.get(slug="ferry-fares-frozen")
    colleague = django_user_model.objects.create_superuser(
        username="ines",
        email="ines@newsroom.example",
        password="s3cret-pass-word",
        first_name="Ines",
        last_name="Marlow",
    )
    return article, colleague


def loaded_revision(client, article):
    """The hidden fields Wagtail's editor carries: the revision it was loaded from."""
    form = soup(client.get(f"/admin/pages/{article.pk}/edit/")).find("form", id="page-edit-form")
    return {
        name: form.find("input", attrs={"name": name})["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def save(client, site, article, loaded, title):
    data = article_form(site, title=title, slug=article.slug, **loaded)
    del data["action-publish"]
    return client.post(f"/admin/pages/{article.pk}/edit/", data)


def latest_title(article):
    return Page.objects.get(pk=article.pk).get_latest_revision().content["title"]


def test_a_save_from_an_out_of_date_form_is_refused(site, client, desk):
    article, colleague = desk
    stale = loaded_revision(client, article)

    other = client.__class__()
    other.force_login(colleague)
    response = save(other, site, article, loaded_revision(other, article), "Fares frozen again")
    assert response.status_code == 302
    assert latest_title(article) == "Fares frozen again"

    response = save(client, site, article, stale, "Fares frozen, says council")
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 1
    assert "Ines Marlow saved a newer version" in errors[0]
    # Nothing was saved, and what was typed is still in the form.
    assert latest_title(article) == "Fares frozen again"
    page = soup(response)
    assert page.find("input", attrs={"name": "title"})["value"] == "Fares frozen, says council"
    assert "Ines Marlow saved a newer version" in page.get_text()

    # The form shown again carries the newer revision: saving now is a deliberate choice.
    again = {
        name: page.find("input", attrs={"name": name})["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }
    assert save(client, site, article, again, "Fares frozen, says council").status_code == 302
    assert latest_title(article) == "Fares frozen, says council"


def test_publishing_from_an_out_of_date_form_is_refused(site, client, desk):
    article, colleague = desk
    stale = loaded_revision(client, article)
    other = client.__class__()
    other.force_login(colleague)
    assert save(other, site, article, loaded_revision(other, article), "Newer").status_code == 302

    data = article_form(site, title="Older", slug=article.slug, **stale)
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200
    assert Page.objects.get(pk=article.pk).title == "Ferry fares frozen for a year"
    assert latest_title(article) == "Newer"


def test_a_revision_overwritten_in_place_since_loading_is_newer(site, client, desk):
    """Autosave rewrites its revision in place: same id, later time."""
    article, _colleague = desk
    loaded = loaded_revision(client, article)
    loaded["loaded_revision_created_at"] = "2001-01-01T00:00:00+00:00"
    response = save(client, site, article, loaded, "Stale")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_an_up_to_date_form_saves(site, client, desk):
    article, _colleague = desk
    response = save(client, site, article, loaded_revision(client, article), "Fresh")
    assert response.status_code == 302
    assert latest_title(article) == "Fresh"


def editing_form_data(client, page):
    """What Wagtail's editor would post for this page, unchanged: its fields as loaded."""
    form = soup(client.get(f"/admin/pages/{page.pk}/edit/")).find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.get("type") in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.get("value", "")
    return data


@pytest.mark.parametrize("name", ["politics", "person", "reporter"])
def test_every_reader_page_refuses_an_out_of_date_form(site, client, admin_user, name):
    """Sections, topics and authors too, not only articles."""
    page = publish(getattr(site, name))  # edited in Wagtail before: it has a revision
    client.force_login(admin_user)
    stale = editing_form_data(client, page)
    fresh = {**editing_form_data(client, page), "title": "Renamed by a colleague"}
    assert client.post(f"/admin/pages/{page.pk}/edit/", fresh).status_code == 302
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**stale, "title": "Renamed from an old form"}
    )
    assert response.status_code == 200
    assert "saved a newer version of this page" in " ".join(
        response.context["form"].non_field_errors()
    )
    assert Page.objects.get(pk=page.pk).get_latest_revision().content["title"] == (
        "Renamed by a colleague"
    )
