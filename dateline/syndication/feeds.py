"""Feeds of an edition's newest articles: the whole edition, a section, a topic or an author,
each in RSS 2.0, Atom 1.0 and JSON Feed 1.1 (see docs/syndication.md).

One Django Feed subclass per scope; the format is the feed generator chosen by the URL. Items are
what anonymous readers may open (live, public, so never scheduled or embargoed), newest first.
"""

import heapq
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape as escape_html
from django.utils.translation import gettext as _
from django.views.decorators.http import conditional_page, require_safe

from dateline.caching import tags
from dateline.mediabank.models import Photo
from dateline.news.context_processors import Edition
from dateline.news.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorPage,
    HomePage,
    SectionPage,
    TopicPage,
)

from .feedgenerators import FORMATS

FEED_LENGTH = 50
# The lead photo travels as its widest JPEG (the "1920 px rendition" of the product brief).
PHOTO_SPEC = "width-1920|format-jpeg"
# XML 1.0 cannot carry these; a wire story may contain them, a feed must still be served.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text):
    return _XML_ILLEGAL.sub("", text or "")


def newest_article_ids(articles, limit=FEED_LENGTH):
    """The pks of the newest `limit` articles of a listing queryset, without loading them."""
    return list(
        articles.select_related(None).prefetch_related(None).values_list("pk", flat=True)[:limit]
    )


def load_articles(ids):
    """Articles by pk, in the order given, with all a feed item shows in a fixed number of
    queries: byline, section, lead photo with its rendition, and the titles of live topics
    (as `feed_topics`; titles only, as page instances cost more than the rest of the item)."""
    articles = (
        ArticlePage.objects.filter(pk__in=ids)
        .defer_streamfields()
        .select_related("section")
        .prefetch_related(
            Prefetch("lead_photo", queryset=Photo.objects.prefetch_renditions(PHOTO_SPEC)),
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
        )
        .in_bulk()
    )
    topics = (
        ArticlePage.topics.through.objects.filter(articlepage_id__in=ids, topicpage__live=True)
        .order_by("topicpage__title")
        .values_list("articlepage_id", "topicpage_id", "topicpage__title")
    )
    for article in articles.values():
        article.feed_topics = []
    for article_id, topic_id, title in topics:
        articles[article_id].feed_topics.append(title)
        tags.add(tags.page(topic_id))  # a row, not a page: renaming the topic reaches the feed
    return [articles[pk] for pk in ids if pk in articles]


def translation_ids(page):
    """The page and its translations: an article of this edition may link any of them."""
    return list(
        type(page).objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    )


class ArticleFeed(Feed):
    """The item side of every feed. Subclasses find their page (get_object), name the feed and
    list the newest article ids (article_ids), and say which page-cache list they show."""

    def __init__(self, request, feed_format):
        super().__init__()
        self.request = request
        self.feed_type = FORMATS[feed_format]

    def edition_home(self):
        home = Edition(self.request).home
        if home is None:
            raise Http404("No such edition.")
        return home

    def get_object(self, request, slug=None):
        raise NotImplementedError

    def article_ids(self, page):
        raise NotImplementedError

    def cache_tags(self, page):
        raise NotImplementedError

    def heading(self, page):
        return page.title

    def title(self, page):
        return _("%(site)s: %(heading)s") % {
            "site": settings.WAGTAIL_SITE_NAME,
            "heading": self.heading(page),
        }

    def link(self, page):
        return page.get_full_url(self.request)

    def description(self, page):
        return _("The latest articles from %(site)s: %(heading)s.") % {
            "site": settings.WAGTAIL_SITE_NAME,
            "heading": self.heading(page),
        }

    def author_name(self, page):
        # Atom needs an author for every entry; an article without a live byline has ours.
        return settings.WAGTAIL_SITE_NAME

    def items(self, page):
        # Its links start with the edition's addresses (sections, indexes): the masthead's.
        tags.add(*self.cache_tags(page), f"masthead-{page.locale.language_code}")
        return load_articles(self.article_ids(page))

    def item_title(self, article):
        return xml_safe(article.title)

    def item_description(self, article):
        # Readers show RSS descriptions and Atom "html" summaries as HTML: the standfirst is
        # plain text, so it is escaped once for them (JSON Feed gets it as text).
        return xml_safe(escape_html(article.standfirst))

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return self.item_link(article)

    def item_guid_is_permalink(self, article):
        return True

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.display_updated_at or article.first_published_at

    def item_categories(self, article):
        names = [article.section.title] if article.section else []
        names += article.feed_topics
        return [xml_safe(name) for name in names]

    def item_enclosures(self, article):
        photo = self.photo(article)
        if photo is None:
            return []
        return [Enclosure(photo["url"], str(photo["length"]), photo["type"])]

    def item_extra_kwargs(self, article):
        return {
            "summary": xml_safe(article.standfirst),
            "authors": self.authors(article),
            "photo": self.photo(article),
        }

    def authors(self, article):
        return [
            {"name": xml_safe(link.author.title), "url": self.author_url(link.author)}
            for link in article.article_authors.all()
            if link.author.live
        ]

    def author_url(self, author):
        # The same few authors sign most items: work out each one's URL once.
        urls = self.__dict__.setdefault("_author_urls", {})
        if author.pk not in urls:
            urls[author.pk] = author.get_full_url(self.request)
        return urls[author.pk]

    def photo(self, article):
        """The lead photo's published rendition and credit, or None (none, or embargoed)."""
        cache = self.__dict__.setdefault("_photos", {})
        if article.pk not in cache:
            cache[article.pk] = self._photo(article)
        return cache[article.pk]

    def _photo(self, article):
        photo = article.lead_photo
        if photo is None or photo.is_embargoed:
            return None
        rendition = photo.get_renditions(PHOTO_SPEC)[PHOTO_SPEC]
        try:
            length = rendition.file.size
        except OSError:
            length = 0
        return {
            "url": self.request.build_absolute_uri(rendition.url),
            "type": "image/jpeg",
            "width": rendition.width,
            "height": rendition.height,
            "length": length,
            "caption": xml_safe(article.lead_caption),
            "credit": xml_safe(photo.credit_line),
            "page": self.request.build_absolute_uri(photo.get_absolute_url()),
        }


class EditionFeed(ArticleFeed):
    def get_object(self, request, slug=None):
        return self.edition_home()

    def title(self, home):
        return settings.WAGTAIL_SITE_NAME

    def description(self, home):
        return home.tagline or _("The latest articles from %(site)s.") % {
            "site": settings.WAGTAIL_SITE_NAME
        }

    def cache_tags(self, home):
        return [f"list-edition-{home.locale.language_code}"]

    def article_ids(self, home):
        # One indexed query per section, merged: one query over every section would sort the
        # whole archive (see news/frontpage.py).
        published = (
            ArticlePage.objects.published().filter(published_at__isnull=False).newest_first()
        )
        sections = SectionPage.objects.child_of(home).live().public()
        newest = [
            published.filter(section=section).values_list("published_at", "pk")[:FEED_LENGTH]
            for section in sections
        ]
        merged = heapq.nlargest(FEED_LENGTH, (row for rows in newest for row in rows))
        return [pk for _published_at, pk in merged]


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug=None):
        home = self.edition_home()
        return SectionPage.objects.child_of(home).live().public().get(slug=slug)

    def cache_tags(self, section):
        return [f"list-section-{section.pk}"]

    def article_ids(self, section):
        return newest_article_ids(section.articles())


class TopicFeed(ArticleFeed):
    def get_object(self, request, slug=None):
        home = self.edition_home()
        return TopicPage.objects.descendant_of(home).live().public().get(slug=slug)

    def cache_tags(self, topic):
        return [f"list-topic-{pk}" for pk in translation_ids(topic)]

    def article_ids(self, topic):
        return newest_article_ids(topic.articles())


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug=None):
        home = self.edition_home()
        return AuthorPage.objects.descendant_of(home).live().public().get(slug=slug)

    def cache_tags(self, author):
        return [f"list-author-{pk}" for pk in translation_ids(author)]

    def article_ids(self, author):
        return newest_article_ids(author.articles())


SCOPES = {"edition": EditionFeed, "section": SectionFeed, "topic": TopicFeed, "author": AuthorFeed}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


@require_safe
@conditional_page  # answers If-Modified-Since from the Last-Modified the feed sets
def feed(request, scope, feed_format, slug=None):
    return SCOPES[scope](request, feed_format)(request, slug=slug)


def feed_url(scope, feed_format, slug=None):
    """The URL of a feed in the active edition."""
    if scope == "edition":
        return reverse("edition_feed", kwargs={"feed_format": feed_format})
    return reverse(f"{scope}_feed", kwargs={"slug": slug, "feed_format": feed_format})


def feed_links(scope, slug=None):
    """Every format of one feed: (label, MIME type, URL) for links and autodiscovery."""
    return [
        {
            "label": FORMAT_LABELS[fmt],
            "type": generator.content_type.split(";")[0],
            "url": feed_url(scope, fmt, slug),
        }
        for fmt, generator in FORMATS.items()
    ]


def feeds_for(page):
    """The feeds a page offers (those of its section, topic...), or [] for none."""
    scopes = {HomePage: "edition", SectionPage: "section", TopicPage: "topic", AuthorPage: "author"}
    scope = scopes.get(type(page))
    if scope is None:
        return []
    return feed_links(scope, None if scope == "edition" else page.slug)
