"""Every reader page renders with its key elements, in both editions."""

import io
import json
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.models import Locale

from dateline.conftest import (
    CIRCUMSTANCE,
    QUOTE_TEXT,
    get_soup,
    hrefs,
    main_links,
    publish_translation,
    to_second,
    url_in,
)
from dateline.mediabank.factories import PhotoFactory, draw_picture
from dateline.news.factories import ArticlePageFactory, TopicPageFactory
from dateline.news.models import TopicKind


def html_lang(page):
    return page.find("html")["lang"]


class TestHomePage:
    def test_english_home_leads_with_the_newest_public_article(self, site, client):
        page = get_soup(client, "/en/")
        assert html_lang(page) == "en"
        assert page.find("h1") is not None
        main = page.find("main")
        lead = main.find("article")
        # The first story on the page is the top story: the newest public article.
        assert lead.find("a", href=site.article.url) is not None
        assert lead.find("time", datetime=True) is not None
        assert lead.find("img") is not None

    def test_latest_and_rails(self, site, client):
        page = get_soup(client, "/en/")
        links = main_links(page)
        assert site.related.url in links
        for section, article in ((site.politics, site.article), (site.defense, site.related)):
            heading_link = page.find("main").find(
                lambda tag, url=section.url: tag.name in {"h2", "h3"} and tag.find("a", href=url)
            )
            assert heading_link is not None, f"no rail for {section.title}"
            rail = heading_link.find_parent("section")
            assert rail is not None
            assert article.url in hrefs(rail)

    def test_home_lists_nothing_unpublished_or_private(self, site, client):
        links = main_links(get_soup(client, "/en/"))
        assert site.draft.url not in links
        assert site.private.url not in links

    def test_chosen_top_story(self, site, client):
        site.home.top_story = site.related
        site.home.save()
        lead = get_soup(client, "/en/").find("main").find("article")
        assert lead.find("a", href=site.related.url) is not None

    def test_a_top_story_that_is_not_live_is_not_shown(self, site, client):
        site.home.top_story = site.draft
        site.home.save()
        page = get_soup(client, "/en/")
        assert site.draft.url not in main_links(page)
        assert page.find("main").find("article").find("a", href=site.article.url) is not None

    def test_russian_home_shows_the_russian_edition(self, site, client):
        page = get_soup(client, "/ru/")
        assert html_lang(page) == "ru"
        links = main_links(page)
        assert site.article_ru.url in links
        assert site.article.url not in links
        assert site.related.url not in links

    def test_root_sends_readers_to_an_edition(self, site, client):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] in {"/en/", "/ru/"}

    def test_masthead_links_the_sections_and_the_editions(self, site, client):
        page = get_soup(client, "/en/")
        header_links = hrefs(page.find("header"))
        assert site.politics.url in header_links
        assert site.defense.url in header_links
        assert "/ru/" in hrefs(page)


class TestSectionPage:
    def test_section_lists_its_public_articles(self, site, client):
        page = get_soup(client, site.politics.url)
        assert page.find("h1").get_text(strip=True) == "Politics"
        links = main_links(page)
        assert site.article.url in links
        assert site.draft.url not in links
        assert site.private.url not in links
        assert site.related.url not in links  # another section

    def test_cards_carry_photo_and_time(self, site, client):
        page = get_soup(client, site.politics.url)
        card = page.find("main").find("a", href=site.article.url).find_parent("article")
        img = card.find("img")
        assert img is not None and img.get("width") and img.get("height")
        stamp = card.find("time")
        assert to_second(stamp["datetime"]) == to_second(site.article.first_published_at)

    def test_pagination_newest_first(self, site, client, settings):
        settings.DATELINE_ARTICLES_PER_PAGE = 1
        now = timezone.now()
        older = ArticlePageFactory(
            parent=site.politics,
            title="Older story",
            first_published_at=now - timedelta(days=5),
        )
        newest = ArticlePageFactory(
            parent=site.politics, title="Newest story", first_published_at=now
        )
        expected = [newest, site.article, older]
        for number, article in enumerate(expected, start=1):
            page = get_soup(client, f"{site.politics.url}?page={number}")
            links = main_links(page)
            assert article.url in links, number
            others = [a for a in expected if a.pk != article.pk]
            assert not any(other.url in links for other in others), number
            nav_links = {a.get("rel", [""])[0]: a["href"] for a in page.select("a[rel]")}
            if number < len(expected):
                assert nav_links["next"].endswith(f"page={number + 1}")
            else:
                assert "next" not in nav_links
            if number > 1:
                assert nav_links["prev"].endswith(f"page={number - 1}")
        assert client.get(f"{site.politics.url}?page=4").status_code == 404

    def test_russian_section(self, site, client):
        page = get_soup(client, site.politics_ru.url)
        assert html_lang(page) == "ru"
        assert page.find("h1").get_text(strip=True) == "Политика"
        assert site.article_ru.url in main_links(page)
        assert site.article.url not in main_links(page)

    def test_empty_section(self, site, client):
        page = get_soup(client, site.defense.url)
        site.related.unpublish()
        page = get_soup(client, site.defense.url)
        assert site.related.url not in main_links(page)
        assert page.find("h1").get_text(strip=True) == "Defense"


@pytest.fixture
def article_page(site, client):
    return get_soup(client, site.article.url)


class TestArticlePage:
    def test_headline_standfirst_and_section(self, site, article_page):
        article = article_page.find("main").find("article")
        assert article.find("h1").get_text(strip=True) == site.article.title
        assert len(article_page.find_all("h1")) == 1
        assert site.article.standfirst in article.get_text(" ")
        assert site.politics.url in hrefs(article)

    def test_bylines_link_the_authors(self, site, article_page):
        author_links = article_page.select("main a[rel~=author]")
        assert [a["href"] for a in author_links] == [site.reporter.url, site.editor.url]
        assert [a.get_text(strip=True) for a in author_links] == ["Ana Reyes", "Leo Brandt"]

    def test_published_time(self, site, article_page):
        stamps = article_page.find("main").find_all("time")
        assert stamps
        for stamp in stamps:
            to_second(stamp["datetime"])
        published = to_second(site.article.first_published_at)
        assert published in [to_second(t["datetime"]) for t in stamps]

    def test_updated_time_shown_when_later(self, site, client):
        updated = site.article.first_published_at + timedelta(hours=1)
        site.article.updated_at = updated
        site.article.save_revision().publish()
        stamps = get_soup(client, site.article.url).find("main").find_all("time")
        assert to_second(updated) in [to_second(t["datetime"]) for t in stamps]

    def test_lead_photo(self, site, article_page):
        bank_url = url_in("en", "mediabank:photo", pk=site.lead_photo.pk)
        bank_link = article_page.find("main").find("a", href=bank_url)
        assert bank_link is not None
        assert bank_link.get_text(strip=True) == "Go to the media bank"
        figure = bank_link.find_parent("figure")
        assert figure is not None
        img = figure.find("picture").find("img")
        for attribute in ("src", "srcset", "sizes", "width", "height", "alt"):
            assert img.get(attribute) is not None, attribute
        widths = [int(candidate.split()[-1].rstrip("w")) for candidate in img["srcset"].split(",")]
        assert widths == sorted(widths) and len(widths) >= 2
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        webp = figure.find("source", type="image/webp")
        assert webp is not None and webp.get("srcset") and webp.get("sizes")
        caption = figure.find("figcaption").get_text(" ", strip=True)
        assert site.lead_photo.caption in caption
        assert "© Nordic Wire / Ines Varga" in caption

    def test_media_bank_link_leads_to_the_photo(self, site, client, article_page):
        bank_url = url_in("en", "mediabank:photo", pk=site.lead_photo.pk)
        photo_page = get_soup(client, bank_url)
        assert photo_page.find("h1").get_text(strip=True) == site.lead_photo.title

    def test_lead_caption_override(self, site, client):
        site.article.lead_photo_caption = "Aurora, seen from the breakwater."
        site.article.save_revision().publish()
        page = get_soup(client, site.article.url)
        bank_url = url_in("en", "mediabank:photo", pk=site.lead_photo.pk)
        figcaption = page.find("main").find("a", href=bank_url).find_parent("figcaption")
        assert "Aurora, seen from the breakwater." in figcaption.get_text(" ")

    def test_quote_with_speaker_and_circumstance(self, site, article_page):
        blockquote = next(
            bq for bq in article_page.find_all("blockquote") if QUOTE_TEXT in bq.get_text()
        )
        assert blockquote["cite"] == site.person.full_url
        figure = blockquote.find_parent("figure")
        figcaption = figure.find("figcaption")
        cite = figcaption.find("cite")
        assert cite.get_text(strip=True) == "Marta Kovac"
        assert site.person.url in hrefs(figcaption)
        text = figcaption.get_text(" ", strip=True)
        assert CIRCUMSTANCE in text
        assert "Minister of Harbours" in text

    def test_related_card(self, site, article_page):
        body = article_page.find("main").find("article")
        link = body.find("a", href=site.related.url)
        assert link.get_text(strip=True) == site.related.title
        card = link.find_parent("aside")
        assert card is not None
        assert card.find("img") is not None
        published = to_second(site.related.first_published_at)
        assert to_second(card.find("time")["datetime"]) == published
        assert "Grey ships in a calm grey sea." in card.get_text(" ")

    def test_related_card_disappears_when_the_story_is_unpublished(self, site, client):
        site.related.unpublish()
        page = get_soup(client, site.article.url)
        assert site.related.url not in hrefs(page)

    def test_subheading_photo_block_and_fact_box(self, site, article_page):
        article = article_page.find("main").find("article")
        assert "What changes for passengers" in [h.get_text(strip=True) for h in article("h2")]
        bank_url = url_in("en", "mediabank:photo", pk=site.body_photo.pk)
        figure = article.find("a", href=bank_url).find_parent("figure")
        caption = figure.find("figcaption").get_text(" ", strip=True)
        assert "Loading before dawn." in caption
        assert f"© {settings.DATELINE_AGENCY} / Tomas Lind" in caption
        assert figure.find("img").get("srcset")
        box = next(
            aside
            for aside in article.find_all("aside")
            if aside.find(["h2", "h3"], string="The northern route")
        )
        assert [li.get_text(strip=True) for li in box.find_all("li")] == [
            "42 km",
            "Three crossings a day",
        ]

    def test_body_paragraphs_in_order(self, article_page):
        texts = [p.get_text(strip=True) for p in article_page.find("main").find_all("p")]
        first = texts.index("The vote ended a debate that had lasted two winters.")
        last = texts.index("Boats will leave every forty minutes from the north pier.")
        assert first < last

    def test_topics_are_linked(self, site, article_page):
        links = main_links(article_page)
        for topic in (site.person, site.organisation, site.place):
            assert topic.url in links

    def test_discussion_prompt_links_work(self, site, client, article_page):
        login_path = url_in("en", "account_login")
        signup_path = url_in("en", "account_signup")
        login = article_page.find("a", href=lambda h: h and urlsplit(h).path == login_path)
        signup = article_page.find("a", href=lambda h: h and urlsplit(h).path == signup_path)
        assert login is not None and signup is not None
        assert login.parent is signup.parent  # one sentence: log in or register
        for link in (login, signup):
            assert parse_qs(urlsplit(link["href"]).query)["next"] == [site.article.url]
            response = client.get(link["href"])
            assert response.status_code == 200
            assert get_soup(client, link["href"]).find("form") is not None

    def test_russian_article(self, site, client):
        page = get_soup(client, site.article_ru.url)
        assert html_lang(page) == "ru"
        assert page.find("h1").get_text(strip=True) == site.article_ru.title
        bank_url = url_in("ru", "mediabank:photo", pk=site.lead_photo.pk)
        assert bank_url in main_links(page)
        login_path = url_in("ru", "account_login")
        login = page.find("a", href=lambda h: h and urlsplit(h).path == login_path)
        assert login is not None
        assert client.get(login["href"]).status_code == 200

    def test_largest_rendition_is_1920_wide(self, site, client):
        big = PhotoFactory(file=ImageFile(io.BytesIO(draw_picture(2000, 1333, seed=7)), "big.jpg"))
        site.article.lead_photo = big
        site.article.save_revision().publish()
        page = get_soup(client, site.article.url)
        bank_url = url_in("en", "mediabank:photo", pk=big.pk)
        img = page.find("main").find("a", href=bank_url).find_parent("figure").find("img")
        widths = [int(c.split()[-1].rstrip("w")) for c in img["srcset"].split(",")]
        assert widths == [320, 640, 960, 1280, 1920]
        data = json.loads(page.find("script", type="application/ld+json").string)
        image = data["image"][0] if isinstance(data["image"], list) else data["image"]
        assert image["width"] == 1920

    def test_edition_switcher_leads_to_the_translation(self, site, client):
        page = get_soup(client, site.article.url)
        switch = page.find("a", hreflang="ru", href=True)
        assert switch is not None and switch["href"] == site.article_ru.url
        back = get_soup(client, site.article_ru.url).find("a", hreflang="en", href=True)
        assert back["href"] == site.article.url

    def test_edition_switcher_without_translation_leads_to_the_edition_home(self, site, client):
        page = get_soup(client, site.related.url)
        switch = page.find("a", hreflang="ru", href=True)
        assert switch is not None and switch["href"] == "/ru/"


class TestTopicPages:
    @pytest.mark.parametrize("topic", ["person", "organisation", "place"])
    def test_topic_lists_its_articles(self, site, client, topic):
        topic_page = getattr(site, topic)
        page = get_soup(client, topic_page.url)
        assert page.find("h1").get_text(strip=True) == topic_page.title
        links = main_links(page)
        assert site.article.url in links
        assert site.draft.url not in links
        assert site.private.url not in links
        assert site.related.url not in links

    def test_topic_without_articles(self, site, client):
        lonely = TopicPageFactory(
            parent=site.topic_index, title="Lighthouse Keepers", kind=TopicKind.ORGANISATION
        )
        page = get_soup(client, lonely.url)
        links = main_links(page)
        assert not any(url in links for url in (site.article.url, site.related.url))

    def test_topic_index_groups_people_organisations_places(self, site, client):
        page = get_soup(client, site.topic_index.url)
        links = main_links(page)
        for topic in (site.person, site.organisation, site.place):
            assert topic.url in links
        groups = [
            section
            for section in page.find("main").find_all("section")
            if section.find("a", href=True)
        ]
        assert len(groups) == 3
        assert all(len(group.find_all("a", href=True)) == 1 for group in groups)

    def test_a_translated_topic_lists_its_edition_s_articles(self, site, client):
        ru = Locale.objects.get(language_code="ru")
        person_ru = publish_translation(site.person, ru, title="Марта Ковач")
        russian = main_links(get_soup(client, person_ru.url))
        assert site.article_ru.url in russian
        assert site.article.url not in russian
        english = main_links(get_soup(client, site.person.url))
        assert site.article.url in english
        assert site.article_ru.url not in english

    def test_unpublished_topic_is_not_listed(self, site, client):
        site.place.unpublish()
        links = main_links(get_soup(client, site.topic_index.url))
        assert site.place.url not in links
        assert client.get(site.place.url).status_code == 404


class TestAuthorPages:
    def test_author_page_lists_their_articles_newest_first(self, site, client):
        page = get_soup(client, site.editor.url)
        assert page.find("h1").get_text(strip=True) == "Leo Brandt"
        links = main_links(page)
        assert links.index(site.article.url) < links.index(site.related.url)

    def test_author_page_hides_drafts_and_private_articles(self, site, client):
        links = main_links(get_soup(client, site.reporter.url))
        assert site.article.url in links
        assert site.draft.url not in links
        assert site.private.url not in links
        assert site.related.url not in links  # not theirs

    def test_a_translated_author_page_lists_its_edition_s_articles(self, site, client):
        ru = Locale.objects.get(language_code="ru")
        reporter_ru = publish_translation(site.reporter, ru)
        russian = main_links(get_soup(client, reporter_ru.url))
        assert site.article_ru.url in russian
        assert site.article.url not in russian

    def test_author_index(self, site, client):
        links = main_links(get_soup(client, site.author_index.url))
        assert site.reporter.url in links
        assert site.editor.url in links
