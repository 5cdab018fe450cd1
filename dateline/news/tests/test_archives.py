"""Date archives: the stories of one day, for an edition and for each section."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from dateline.conftest import cold_queries, get_soup, publish
from dateline.news.factories import ArticlePageFactory, SectionPageFactory
from dateline.news.frontpage import with_day_changes
from dateline.news.sitetree import ensure_editions

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")


def at(day, hour, minute=0):
    """An aware time of the site's calendar (the tests run it in Europe/Oslo)."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OSLO)


@pytest.fixture
def world(settings):
    settings.TIME_ZONE = "Europe/Oslo"
    timezone.deactivate()  # the default time zone is read again from settings
    homes = ensure_editions()
    home, home_ru = homes["en"], homes["ru"]
    politics = SectionPageFactory(parent=home, title="Politics", slug="politics")
    economy = SectionPageFactory(parent=home, title="Economy", slug="economy")
    politik = SectionPageFactory(parent=home_ru, title="Политика", slug="politika")
    day = timezone.localdate() - datetime.timedelta(days=10)

    def story(section, title, when):
        return ArticlePageFactory(
            parent=section,
            title=title,
            slug=f"story-{when:%d%H%M}-{len(title)}",
            first_published_at=when,
            last_published_at=when,
        )

    w = type("World", (), {})()
    w.home, w.politics, w.economy, w.day = home, politics, economy, day
    # 00:15 in Oslo is 23:15 UTC the day before: the site's calendar decides the day.
    w.late = story(politics, "Coalition talks run past midnight", at(day, 23, 30))
    w.early = story(economy, "Fish prices open the week higher", at(day, 0, 15))
    w.day_before = story(
        politics, "Budget committee meets again", at(day, 0, 15) - datetime.timedelta(minutes=30)
    )
    w.day_after = story(
        economy,
        "Shipyard hires two hundred welders",
        at(day, 23, 59) + datetime.timedelta(minutes=2),
    )
    w.much_later = story(
        politics, "Parliament closes for the winter", at(day + datetime.timedelta(days=5), 12)
    )
    w.russian = story(politik, "Переговоры продолжаются", at(day, 12))
    w.draft = story(politics, "Unpublished draft headline", at(day, 13))
    w.draft.unpublish()
    w.private = story(politics, "Restricted story headline", at(day, 14))
    PageViewRestriction.objects.create(
        page=w.private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return w


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".article-list .card__title a")]


def test_the_edition_lists_the_stories_of_its_day_in_the_sites_time_zone(client, world):
    soup = get_soup(client, f"/en/{world.day:%Y/%m/%d}/")
    assert titles(soup) == [world.late.title, world.early.title]
    assert soup.select_one("h1 time")["datetime"] == f"{world.day:%Y-%m-%d}"
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(f"/en/{world.day:%Y/%m/%d}/")
    # The neighbours are the nearest days with stories, not merely yesterday and tomorrow.
    before = world.day - datetime.timedelta(days=1)
    after = world.day + datetime.timedelta(days=1)
    assert soup.select_one('.day-nav a[rel="prev"]')["href"] == f"/en/{before:%Y/%m/%d}/"
    assert soup.select_one('.day-nav a[rel="next"]')["href"] == f"/en/{after:%Y/%m/%d}/"


def test_a_section_lists_only_its_own_stories(client, world):
    soup = get_soup(client, f"{world.politics.url}{world.day:%Y/%m/%d}/")
    assert titles(soup) == [world.late.title]
    assert soup.select_one(".kicker a")["href"] == world.politics.url
    later = soup.select_one('.day-nav a[rel="next"]')["href"]
    much_later = world.day + datetime.timedelta(days=5)
    assert later == f"{world.politics.url}{much_later:%Y/%m/%d}/"


def test_nothing_unpublished_restricted_or_of_another_edition_is_listed(client, world):
    html = client.get(f"/en/{world.day:%Y/%m/%d}/").content.decode()
    for hidden in (world.draft, world.private, world.russian):
        assert hidden.title not in html
    ru = get_soup(client, f"/ru/{world.day:%Y/%m/%d}/")
    assert titles(ru) == [world.russian.title]


def test_a_quiet_day_says_so_and_leads_to_the_nearest_days(client, world):
    quiet = world.day + datetime.timedelta(days=3)
    soup = get_soup(client, f"/en/{quiet:%Y/%m/%d}/")
    assert soup.select_one("p.empty")
    assert titles(soup) == []
    after = world.day + datetime.timedelta(days=1)
    assert soup.select_one('.day-nav a[rel="prev"]')["href"] == f"/en/{after:%Y/%m/%d}/"


@pytest.mark.parametrize(
    "path",
    [
        "2026/02/30",  # no such day
        "2026/13/01",
        "1999/01/01",  # before the first story: no endless empty past to crawl
        "9999/12/31",  # not come yet
        "2026/1/05",  # not the archive's spelling of a day
    ],
)
def test_days_that_cannot_be_shown_are_404(client, world, path):
    assert client.get(f"/en/{path}/").status_code == 404
    assert client.get(f"{world.politics.url}{path}/").status_code == 404


def test_tomorrow_is_404_until_it_comes(client, world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert client.get(f"/en/{tomorrow:%Y/%m/%d}/").status_code == 404


def test_a_busy_day_has_pages_and_other_parameters_are_dropped(client, world, settings):
    settings.DATELINE_ARTICLES_PER_PAGE = 1
    url = f"/en/{world.day:%Y/%m/%d}/"
    assert titles(get_soup(client, f"{url}?page=2")) == [world.early.title]
    assert client.get(f"{url}?page=3").status_code == 404
    response = client.get(f"{url}?utm_source=x&page=2")
    assert response.status_code == 301 and response["Location"] == f"{url}?page=2"
    # The front page reads no page number: one object per page in the shared cache.
    response = client.get("/en/?page=2")
    assert response.status_code == 301 and response["Location"] == "/en/"


def test_an_articles_dateline_leads_to_the_editions_day(client, world):
    soup = get_soup(client, world.late.url)
    link = soup.select_one(".byline__times a")
    assert link["href"] == f"/en/{world.day:%Y/%m/%d}/"
    assert link.find("time")


def test_a_story_published_later_reaches_the_cached_day(client, world, shared_cache):
    url = f"/en/{world.day:%Y/%m/%d}/"
    assert client.get(url).status_code == 200
    late_news = ArticlePageFactory(
        parent=world.economy,
        title="Harbour strike called off",
        first_published_at=at(world.day, 18),
        last_published_at=at(world.day, 18),
    )
    publish(late_news)
    assert url in shared_cache.paths()
    assert "Harbour strike called off" in client.get(url).content.decode()


def test_the_archive_costs_the_same_queries_however_many_stories(client, world):
    url = f"/en/{world.day:%Y/%m/%d}/"
    few = len(cold_queries(client, url))
    for n in range(8):
        ArticlePageFactory(
            parent=world.politics if n % 2 else world.economy,
            title=f"Another council vote {n}",
            first_published_at=at(world.day, 9, n),
            last_published_at=at(world.day, 9, n),
        )
    assert len(cold_queries(client, url)) == few


def test_the_latest_news_shows_the_date_where_the_day_changes():
    class Story:
        def __init__(self, when):
            self.first_published_at = when

    today = datetime.date(2026, 11, 30)
    stories = [
        Story(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC)),
        Story(datetime.datetime(2026, 11, 30, 7, tzinfo=datetime.UTC)),
        Story(datetime.datetime(2026, 11, 29, 22, tzinfo=datetime.UTC)),
        Story(datetime.datetime(2026, 11, 29, 20, tzinfo=datetime.UTC)),
        Story(datetime.datetime(2026, 11, 27, 20, tzinfo=datetime.UTC)),
    ]
    days = [item["new_day"] for item in with_day_changes(stories, today=today)]
    assert days == [None, None, datetime.date(2026, 11, 29), None, datetime.date(2026, 11, 27)]


def test_the_front_pages_latest_news_links_each_new_day(client, world):
    soup = get_soup(client, "/en/")
    markers = {a["href"] for a in soup.select(".latest .latest__day")}
    assert f"/en/{world.day:%Y/%m/%d}/" in markers
