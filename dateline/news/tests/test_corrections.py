"""Corrections, clarifications and updates: shown to readers and in structured data; only a
substantive update changes the Updated time."""

import json
from datetime import timedelta

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset

from dateline.conftest import get_soup
from dateline.news.models import ArticleCorrection, ArticlePage, CorrectionKind

from .test_newsroom import article_form, form_errors


def edit(admin_client, site, **overrides):
    data = article_form(site, title=site.article.title, slug=site.article.slug, **overrides)
    return admin_client.post(f"/admin/pages/{site.article.pk}/edit/", data)


def json_ld(page):
    return json.loads(page.find("script", type="application/ld+json").string)


def test_an_editor_adds_a_correction_readers_see_it(site, admin_client, client):
    noted = timezone.localtime(timezone.now()).strftime("%Y-%m-%d %H:%M")
    corrections = inline_formset(
        [
            {
                "id": "",
                "kind": CorrectionKind.CORRECTION,
                "text": "An earlier version misspelt the minister's name.",
                "noted_at": noted,
            }
        ]
    )
    response = edit(admin_client, site, corrections=corrections)
    assert response.status_code == 302, form_errors(response)
    page = get_soup(client, site.article.url)
    section = page.find("section", class_="corrections")
    assert section is not None
    assert "misspelt the minister" in section.get_text(" ")
    assert "Correction" in section.get_text(" ")
    data = json_ld(page)
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["correction"][0]["text"] == "An earlier version misspelt the minister's name."


def test_notes_are_in_time_order_with_their_kind(site, client):
    now = timezone.now()
    for kind, minutes in [(CorrectionKind.UPDATE, 30), (CorrectionKind.CLARIFICATION, 10)]:
        ArticleCorrection.objects.create(
            article=site.article,
            kind=kind,
            text=f"{kind} note",
            noted_at=now - timedelta(minutes=minutes),
        )
    page = get_soup(client, site.article.url)
    items = page.select(".corrections li")
    assert [item["class"][1] for item in items] == [
        "correction--update",
        "correction--clarification",
    ]
    assert [c["name"] for c in json_ld(page)["correction"]] == ["Update", "Clarification"]


def test_an_article_without_notes_has_no_corrections_section(site, client):
    page = get_soup(client, site.article.url)
    assert page.find("section", class_="corrections") is None
    assert "correction" not in json_ld(page)


def test_a_substantive_update_changes_the_updated_time(site, admin_client, client):
    before = timezone.now()
    response = edit(admin_client, site, substantive_update="on")
    assert response.status_code == 302, form_errors(response)
    article = ArticlePage.objects.get(pk=site.article.pk)
    assert article.updated_at >= before.replace(microsecond=0)
    assert article.display_updated_at == article.updated_at
    page = get_soup(client, article.url)
    assert "Updated" in page.find(class_="byline__times").get_text(" ")
    assert json_ld(page)["dateModified"].startswith(article.updated_at.isoformat()[:19])


def test_a_typo_fix_does_not(site, admin_client, client):
    response = edit(admin_client, site, standfirst="Port Halvern's council voted on Tuesday.")
    assert response.status_code == 302, form_errors(response)
    article = ArticlePage.objects.get(pk=site.article.pk)
    assert article.standfirst == "Port Halvern's council voted on Tuesday."
    assert article.updated_at is None
    page = get_soup(client, article.url)
    assert "Updated" not in page.find(class_="byline__times").get_text(" ")


def test_a_correction_needs_text(site, admin_client):
    corrections = inline_formset([{"id": "", "kind": "correction", "text": "", "noted_at": ""}])
    response = edit(admin_client, site, corrections=corrections)
    assert response.status_code == 200
    assert not ArticleCorrection.objects.filter(article=site.article).exists()
