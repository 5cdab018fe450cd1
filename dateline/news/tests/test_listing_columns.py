"""Articles carry their section and publication time for indexed listings; they stay right."""

from dateline.news.factories import ArticlePageFactory
from dateline.news.models import ArticlePage


def fresh(article):
    return ArticlePage.objects.get(pk=article.pk)


def test_a_new_article_knows_its_section_and_publication_time(site):
    article = ArticlePageFactory(parent=site.politics, authors=[site.reporter])
    stored = fresh(article)
    assert stored.section_id == site.politics.pk
    assert stored.published_at == stored.first_published_at


def test_publishing_through_a_revision_sets_the_publication_time(site):
    draft = fresh(site.draft)
    assert draft.published_at is None
    draft.save_revision().publish()
    stored = fresh(draft)
    assert stored.first_published_at is not None
    assert stored.published_at == stored.first_published_at


def test_a_translation_belongs_to_the_translated_section(site):
    assert fresh(site.article_ru).section_id == site.politics_ru.pk


def test_moving_an_article_moves_it_between_section_listings(site, client):
    article = fresh(site.article)
    article.move(site.defense, pos="last-child")
    assert fresh(article).section_id == site.defense.pk
    assert article.pk in site.defense.specific.articles().values_list("pk", flat=True)
    assert article.pk not in site.politics.specific.articles().values_list("pk", flat=True)


def test_a_partial_save_keeps_the_columns_in_step(site):
    article = fresh(site.article)
    article.title = "A corrected headline"
    article.save(update_fields=["title"])
    stored = fresh(article)
    assert stored.title == "A corrected headline"
    assert stored.section_id == site.politics.pk
    assert stored.published_at == stored.first_published_at
