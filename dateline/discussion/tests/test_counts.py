"""Comment counts on article cards: a small shared endpoint, fetched by the cards' script."""

import pytest
from django.test import Client
from django.utils import translation

from dateline.conftest import get_soup, url_in
from dateline.discussion.models import Comment, DiscussionSettings

from .conftest import approved


def counts_url(language="en"):
    return url_in(language, "discussion:counts")


def get_counts(client, ids, language="en"):
    return client.get(counts_url(language), {"ids": ",".join(str(i) for i in ids)})


def test_counts_of_approved_comments_for_live_public_articles(site, client, reader):
    top = approved(site, reader, "First.")
    approved(site, reader, "A reply.", parent=top)
    Comment.objects.create(article=site.article, author=reader, body="Held", status="pending")
    ids = [site.article.pk, site.related.pk, site.draft.pk, site.private.pk, 999999]
    response = get_counts(client, ids)
    assert response.status_code == 200
    assert response.json() == {
        "articles": {
            str(site.article.pk): {"count": 2, "text": "2 comments"},
            str(site.related.pk): {"count": 0, "text": "0 comments"},
        }
    }


def test_counts_are_shared_and_briefly_cached(site, reader):
    member = Client()
    member.force_login(reader)
    response = get_counts(member, [site.article.pk])
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=5" in cache_control
    assert "max-age=0" in cache_control
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert get_counts(Client(), [site.article.pk]).content == response.content


def test_articles_with_the_discussion_off_have_no_count(site, client, reader):
    client.force_login(reader)  # not served from the page cache between the changes below
    approved(site, reader, "Remark.")
    DiscussionSettings.objects.create(page=site.politics, state="off")
    assert get_counts(client, [site.article.pk]).json() == {"articles": {}}
    # The article's own setting wins over its section's.
    DiscussionSettings.objects.create(page=site.article, state="open")
    assert get_counts(client, [site.article.pk]).json()["articles"][str(site.article.pk)]["count"]


def test_counts_are_translated(site, client, reader):
    for n in range(3):
        Comment.objects.create(
            article=site.article_ru, author=reader, body=f"Реплика {n}", status="approved"
        )
    with translation.override("ru"):
        found = get_counts(client, [site.article_ru.pk], "ru").json()["articles"]
    assert found[str(site.article_ru.pk)] == {"count": 3, "text": "3 комментария"}


@pytest.mark.parametrize(
    "ids",
    [None, "", "abc", "1,,2", "-1", "1;2", "12345678901", "١٢", "1 2", "+3"],
)
def test_bad_ids_are_a_clear_400(site, client, ids):
    response = client.get(counts_url(), {} if ids is None else {"ids": ids})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_at_most_sixty_ids_in_few_queries(site, client, django_assert_max_num_queries):
    assert get_counts(client, range(1, 62)).status_code == 400
    # The same for 1 id or 60; two are the caching middleware's (the seq before, the
    # stamps of what it showed after).
    with django_assert_max_num_queries(7):
        response = get_counts(client, range(1, 61))
    assert response.status_code == 200
    # Repeated ids count once.
    assert get_counts(client, [site.article.pk] * 70).status_code == 200


@pytest.mark.parametrize("page_name", ["home", "politics", "person", "reporter"])
def test_listing_cards_carry_the_article_id_and_the_page_the_script(site, client, page_name):
    page = get_soup(client, getattr(site, page_name).url)
    # Cards, and the story a section or the front page leads with.
    cards = page.select("article[data-discussion-article]")
    assert cards
    assert {int(card["data-discussion-article"]) for card in cards} >= {site.article.pk}
    script = page.find("script", attrs={"data-counts-url": True})
    assert script["data-counts-url"] == counts_url()
    # The listing itself shows no count: it does not change with every comment.
    assert "comment" not in " ".join(card.get_text() for card in cards).lower()
