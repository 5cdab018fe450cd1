"""The live blog page without JavaScript: complete, newest first, with LiveBlogPosting data."""

import json

from dateline.conftest import get_soup
from dateline.live.models import LiveBlogPage
from dateline.news.models import SectionPage

from .factories import entry, live_blog


def test_a_section_accepts_live_blogs():
    assert LiveBlogPage in SectionPage.allowed_subpage_models()
    assert LiveBlogPage.allowed_parent_page_models() == [SectionPage]


def test_the_page_lists_summary_key_points_and_entries_newest_first(site, client):
    page = live_blog(
        site.politics,
        entries=[
            entry("Oldest update.", minutes_ago=50),
            entry("Newest update.", minutes_ago=1, headline="Harbour closed"),
            entry("Middle update.", minutes_ago=20),
        ],
    )
    html = get_soup(client, page.url)
    assert html.find("h1").get_text(strip=True) == page.title
    assert page.summary in html.find(id="live-blog-header").get_text()
    assert "Ferries suspended" in html.find(class_="live-blog__points").get_text()
    entries = html.select("[data-live-blog] [data-entry-id]")
    texts = [e.find(class_="live-entry__body").get_text(strip=True) for e in entries]
    assert texts == ["Newest update.", "Middle update.", "Oldest update."]
    assert entries[0].find("h2").get_text(strip=True) == "Harbour closed"
    assert entries[0].find("time")["datetime"]
    stream = html.find(attrs={"data-live-blog": True})["data-live-stream"]
    assert stream == f"/live/stream/blog-{page.pk}/"
    assert html.find("script", src="/static/dateline/js/live.js").has_attr("defer")


def test_live_blog_posting_structured_data(site, client):
    page = live_blog(
        site.politics,
        entries=[entry("First.", minutes_ago=5), entry("Second.", minutes_ago=1)],
    )
    html = get_soup(client, page.url)
    [data] = [
        json.loads(s.string)
        for s in html.find_all("script", type="application/ld+json")
        if "LiveBlogPosting" in s.string
    ]
    assert data["@type"] == "LiveBlogPosting"
    assert data["headline"] == page.title and data["description"] == page.summary
    assert data["coverageStartTime"] and "coverageEndTime" not in data
    updates = data["liveBlogUpdate"]
    assert [u["articleBody"] for u in updates] == ["Second.", "First."]
    assert all(u["@type"] == "BlogPosting" and u["datePublished"] for u in updates)
    assert updates[0]["url"].endswith(f"#entry-{page.entries.raw_data[1]['id']}")


def test_entries_without_a_time_get_the_time_of_saving(site):
    page = LiveBlogPage(title="Vote count", summary="Counting.", entries=[])
    page.entries.append(("entry", {"time": None, "headline": "", "body": [("text", "<p>x</p>")]}))
    site.politics.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.entries[0].value["time"] is not None


def test_a_live_blog_in_russian_is_complete(site, client):
    page = live_blog(
        site.politics_ru, title="Шторм", slug="shtorm", entries=[entry("Ветер усилился.")]
    )
    html = get_soup(client, page.url)
    assert html.find(id="key-points-heading").get_text(strip=True) == "Главное"
    assert "Ветер усилился." in html.get_text()
