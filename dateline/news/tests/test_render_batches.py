"""An article's body renders its blocks of a kind together: however many related stories,
quotes and photos it shows, looking up their pages and renditions costs the same queries."""

from dateline.conftest import QUOTE_TEXT, cold_queries, get_soup, small_photo
from dateline.news.factories import ArticlePageFactory
from dateline.news.tests.test_edition_links import quote_speaker_links, related_card_links


def article_with(site, photos, related):
    """An article with one quote, one related card and one photo block per photo."""
    body = [("paragraph", "<p>The vote ended a debate that had lasted two winters.</p>")]
    for photo, story in zip(photos, related, strict=True):
        body += [
            ("quote", {"text": QUOTE_TEXT, "speaker": site.person, "circumstance": ""}),
            ("related", {"article": story}),
            ("photo", {"photo": photo, "caption": ""}),
        ]
    return ArticlePageFactory(
        parent=site.politics,
        lead_photo=site.lead_photo,
        authors=[site.reporter],
        topics=[site.person],
        body=body,
    )


def rendition_queries(queries):
    return [q for q in queries.captured_queries if "mediabank_photorendition" in q["sql"]]


def test_more_body_blocks_cost_no_more_queries(site, client):
    one = article_with(site, [small_photo("one")], [site.related])
    stories = [site.related, site.article, site.related, site.article]
    four = article_with(site, [small_photo(f"photo-{n}") for n in range(4)], stories)

    few = cold_queries(client, one.url)
    many = cold_queries(client, four.url)

    assert len(many.captured_queries) == len(few.captured_queries)
    # One query per kind of picture: the lead photo, the related cards, the photo blocks.
    assert len(rendition_queries(many)) == 3


def test_cards_and_speakers_of_one_article_are_each_checked_for_readers(site, client):
    article = article_with(
        site,
        [small_photo("shown"), small_photo("hidden"), small_photo("private")],
        [site.related, site.draft, site.private],
    )
    page = get_soup(client, article.url)
    # The unpublished and the restricted story have no card; every quote links its speaker.
    assert related_card_links(page) == [site.related.url]
    assert quote_speaker_links(page) == [site.person.url] * 3
    assert len(page.select("figure.figure:not(.figure--lead) picture")) == 3


def test_an_unpublished_speaker_is_named_but_not_linked_in_every_quote(site, client):
    article = article_with(site, [small_photo("a"), small_photo("b")], [site.related] * 2)
    site.person.unpublish()
    page = get_soup(client, article.url)
    assert quote_speaker_links(page) == []
    assert [cite.get_text(strip=True) for cite in page.select("figure.quote cite")] == [
        site.person.title
    ] * 2
