"""Links inside an article lead readers to pages of their own edition that they may open."""

from wagtail.models import Locale, PageViewRestriction

from dateline.conftest import get_soup, publish_translation


def quote_speaker_links(page):
    return [a["href"] for a in page.select("figure.quote figcaption a[href]")]


def related_card_links(page):
    return [a["href"] for a in page.select("aside.related a[href]")]


class TestRelatedCards:
    def test_a_translated_story_links_to_the_related_story_in_its_edition(self, site, client):
        ru = Locale.objects.get(language_code="ru")
        publish_translation(site.defense, ru, title="Оборона")
        related_ru = publish_translation(site.related, ru, title="Паром вышел в рейс")
        page = get_soup(client, site.article_ru.url)
        assert related_card_links(page) == [related_ru.url]
        assert "Паром вышел в рейс" in page.select_one("aside.related").get_text(" ")

    def test_without_a_translation_the_card_falls_back_to_the_original(self, site, client):
        page = get_soup(client, site.article_ru.url)
        assert related_card_links(page) == [site.related.url]


class TestQuoteSpeakers:
    def test_the_speaker_links_to_the_topic_in_the_readers_edition(self, site, client):
        ru = Locale.objects.get(language_code="ru")
        person_ru = publish_translation(site.person, ru, title="Мара Линд")
        assert quote_speaker_links(get_soup(client, site.article.url)) == [site.person.url]
        assert quote_speaker_links(get_soup(client, site.article_ru.url)) == [person_ru.url]

    def test_a_restricted_speaker_is_named_but_not_linked(self, site, client):
        PageViewRestriction.objects.create(
            page=site.person,
            restriction_type=PageViewRestriction.PASSWORD,
            password="harbour",  # noqa: S106 - a test page's view restriction
        )
        page = get_soup(client, site.article.url)
        assert quote_speaker_links(page) == []
        speaker = page.select_one("figure.quote cite")
        assert speaker.get_text(strip=True) == site.person.title
        assert not page.select_one("figure.quote blockquote").has_attr("cite")
