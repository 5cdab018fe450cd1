"""Sitemaps that stay small and cheap at a million articles.

The index (/sitemap.xml) lists, for each edition:

- sitemap-<language>.xml: the edition's pages that are not articles (home, sections, topics,
  authors, indexes, live blogs);
- sitemap-<language>.<section slug>.<yyyy-mm>.xml: one section's articles of one month (UTC),
  for every month from the section's first published article to its newest;

and robots.txt names, beside the index, each edition's news sitemap,
sitemap-<language>.news.xml: its articles of the last 48 hours in Google News's format
(publication, language, date and title). It repeats addresses of the section-months, so it
stays out of the index.

A section-month holds about a thousand URLs in the demo archive (200,000 articles over
17 years) and stays under the protocol's 50,000 unless a section publishes 1,600 articles a
day; beyond 50,000 a sitemap continues on ?p=2. The index costs one query per edition
(sections with their oldest and newest article, each found at one end of an index) instead
of counting every sitemap as Django's index view does; a sitemap is one index range scan.
Locations are built from the edition home's URL and each page's url_path: no page object,
no per-page URL routing.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.models import Locale, Page, Site, get_page_models

from dateline.caching import tags
from dateline.news.caching import sitemap_tag
from dateline.news.models import ArticlePage, SectionPage

LIMIT = 50_000
NEWS_WINDOW = timedelta(hours=48)  # what news search engines take from a news sitemap
NEWS_LIMIT = 1_000  # and at most this many URLs in one
ROW_FIELDS = ("url_path", "last_published_at", "latest_revision_created_at")


@dataclass
class Edition:
    language: str
    home: Page
    home_url: str

    def location(self, url_path):
        """The absolute URL of a page under this edition's home, from its url_path."""
        return self.home_url + url_path[len(self.home.url_path) :]


def find_edition(request, language):
    """The edition's home page and its absolute URL, or None."""
    if language not in dict(settings.LANGUAGES):
        return None
    # Only the home's address is shown (not its content: curating the front page changes
    # no sitemap), and the edition's list of sections.
    with tags.untracked():
        site = Site.find_for_request(request)
        locale = Locale.objects.filter(language_code=language).first()
        if site is None or locale is None:
            return None
        home = site.root_page.get_translation_or_none(locale)
        if home is None or not home.live:
            return None
    tags.add(tags.page_address(home.pk))
    return Edition(language, home, home.get_full_url(request))


class RowSitemap(Sitemap):
    """A sitemap of page rows (url_path and dates), located under one edition's home."""

    template = "sitemap.xml"
    limit = LIMIT

    def __init__(self, edition):
        self.edition = edition

    def location(self, row):
        return self.edition.location(row["url_path"])

    def lastmod(self, row):
        # As Wagtail's own sitemap: the last publication, else the last revision.
        return row["last_published_at"] or row["latest_revision_created_at"]

    def shown(self, rows):
        """What the rows show, tagged (rows are not pages: nothing tags them by itself)."""

    def get_urls(self, page=1, site=None, protocol=None):
        """One page of at most `limit` URLs, without counting the rest."""
        start = (page - 1) * self.limit
        rows = self._rows = list(self.items()[start : start + self.limit])
        self.shown(rows)
        return [
            {"location": self.location(row), "lastmod": self.lastmod(row), "alternates": []}
            for row in rows
        ]


class EditionPagesSitemap(RowSitemap):
    """Every live, public page of the edition except articles."""

    def items(self):
        other_types = [
            ContentType.objects.get_for_model(model)
            for model in get_page_models()
            if not issubclass(model, ArticlePage)
        ]
        home = self.edition.home
        # By content type first: the edition's path prefix alone covers the whole archive.
        return (
            Page.objects.filter(content_type__in=other_types, path__startswith=home.path)
            .live()
            .public()
            .order_by("path")
            .values("pk", *ROW_FIELDS)
        )

    def shown(self, rows):
        # Each page's address, and a new page below any of them (a topic, a live blog).
        tags.add(*(tags.page(row["pk"]) for row in rows))
        tags.add(*(f"children-{row['pk']}" for row in rows))


class SectionMonthSitemap(RowSitemap):
    """One section's published articles of one calendar month (UTC), oldest first."""

    def __init__(self, edition, section, year, month):
        super().__init__(edition)
        self.section = section
        self.start = datetime(year, month, 1, tzinfo=UTC)
        self.end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)

    def items(self):
        # Its articles' addresses come from rows, not pages: their changes say so with this
        # tag (news/caching.py); the section and the home are loaded, and tagged.
        tags.add(sitemap_tag(self.section.pk, self.start))
        return (
            ArticlePage.objects.filter(
                section=self.section, published_at__gte=self.start, published_at__lt=self.end
            )
            .published()
            .order_by("published_at", "pk")
            .values(*ROW_FIELDS)
        )


class NewsSitemap(RowSitemap):
    """The edition's articles published in the last 48 hours, newest first."""

    template = "syndication/news_sitemap.xml"
    limit = NEWS_LIMIT

    def items(self):
        # A new article joins the list; the rows' own changes come through their tags below.
        tags.add(f"list-edition-{self.edition.language}")
        since = timezone.now() - NEWS_WINDOW
        return (
            ArticlePage.objects.filter(published_at__gte=since)
            .in_edition(self.edition.home.locale_id)
            .published()
            .newest_first()
            .values("pk", "section_id", "title", "published_at", *ROW_FIELDS)
        )

    def shown(self, rows):
        # Titles and addresses; an address holds its section's slug too.
        tags.add(*(tags.page(row["pk"]) for row in rows))
        tags.add(*{tags.page_address(row["section_id"]) for row in rows})

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page)
        publication = {"name": settings.WAGTAIL_SITE_NAME, "language": self.edition.language}
        for url, row in zip(urls, self._rows, strict=True):
            url.update(publication=publication, title=row["title"], date=row["published_at"])
        return urls


def month_key(when):
    return f"{when.year:04d}-{when.month:02d}"


def months_between(first, last):
    """(year, month) of every month from first's to last's, in UTC."""
    first, last = first.astimezone(UTC), last.astimezone(UTC)
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def sitemap_keys(request):
    """The names of every sitemap the index lists: sitemap-<name>.xml."""
    keys = []
    for language, _name in settings.LANGUAGES:
        edition = find_edition(request, language)
        if edition is None:
            continue
        keys.append(language)
        keys.extend(section_month_keys(edition))
    return keys


def section_month_keys(edition):
    published = ArticlePage.objects.filter(section=OuterRef("pk")).published()
    # Each end of the section's (section, published_at) index: one short index scan apiece.
    sections = (
        SectionPage.objects.child_of(edition.home)
        .live()
        .public()
        .order_by("path")
        .annotate(
            oldest=Subquery(
                published.filter(published_at__isnull=False)
                .order_by("published_at", "pk")
                .values("published_at")[:1]
            ),
            newest=Subquery(
                published.filter(published_at__isnull=False)
                .newest_first()
                .values("published_at")[:1]
            ),
        )
        .values_list("pk", "slug", "oldest", "newest")
    )
    # Rows: the sections whose names these are, and any article joining or leaving, say so.
    tags.add(f"sitemap-{edition.language}", f"children-{edition.home.pk}")
    tags.add(*(tags.page_address(row[0]) for row in sections))
    return [
        f"{edition.language}.{slug}.{year:04d}-{month:02d}"
        for _pk, slug, oldest, newest in sections
        if oldest is not None
        for year, month in months_between(oldest, newest)
    ]


def news_sitemap_keys():
    """The names of the editions' news sitemaps (robots.txt lists them)."""
    return [f"{language}.news" for language, _name in settings.LANGUAGES]


def find_sitemap(request, key):
    """The sitemap named `key` (as sitemap_keys() names them), or None."""
    language, _, rest = key.partition(".")
    edition = find_edition(request, language)
    if edition is None:
        return None
    if not rest:
        return EditionPagesSitemap(edition)
    if rest == "news":  # a section-month name always has three parts
        return NewsSitemap(edition)
    slug, _, month = rest.rpartition(".")
    try:
        when = datetime.strptime(month, "%Y-%m")  # noqa: DTZ007 - a month name, not a time
    except ValueError:
        return None
    if month_key(when) != month or when.year >= 9999:
        # One spelling per month (2024-5 is not 2024-05); December 9999 ends in year 10000.
        return None
    with tags.untracked():
        section = SectionPage.objects.child_of(edition.home).live().public().filter(slug=slug)
        section = section.first()
    if section is None:
        return None
    tags.add(tags.page_address(section.pk))
    return SectionMonthSitemap(edition, section, when.year, when.month)
