from django.db.models import Prefetch, Q
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction

from dateline.mediabank.models import Photo
from dateline.mediabank.renditions import CARD_SPECS
from dateline.news import memo


class ReaderPageQuerySet(PageQuerySet):
    def public(self):
        # Nothing restricted (the usual case): no filter to compile and run.
        return super().public() if restricted_page_ids() else self.all()

    def private_q(self):
        # Wagtail joins restrictions to pages in one query; SQLite plans that join as a scan
        # of the whole page table while the restrictions table is empty (no statistics).
        # Two small queries instead, and none of the second when nothing is restricted.
        restricted = restricted_pages()
        if not restricted:
            return Q(pk__in=[])
        q = Q()
        for page in restricted:
            q |= self.descendant_of_q(page, inclusive=True)
        return q


def restricted_page_ids():
    """The keys of the pages with a view restriction, once per request."""
    return memo.remember(
        "restricted-page-ids",
        lambda: list(PageViewRestriction.objects.values_list("page_id", flat=True)),
    )


def restricted_pages():
    """The pages with a view restriction (path and depth only), once per request."""
    return memo.remember("restricted-pages", _restricted_pages)


def _restricted_pages():
    restricted_ids = restricted_page_ids()
    if not restricted_ids:
        return []
    # Aliases share their source's restrictions (as Wagtail checks them when serving).
    restricted = Q(pk__in=restricted_ids) | Q(alias_of_id__in=restricted_ids)
    return list(Page.objects.filter(restricted).only("path", "depth"))


ReaderPageManager = PageManager.from_queryset(ReaderPageQuerySet)


class ArticleQuerySet(ReaderPageQuerySet):
    def published(self):
        """What anonymous readers may see: live and not behind a privacy restriction.

        Written as "not among the hidden pages" (a subquery on the page table, answered from a
        small partial index) instead of a join on live: a listing then finds its keys in the
        article table's own index, without touching a page row per skipped article.
        """
        hidden = Q(live=False) | self.private_q() if restricted_page_ids() else Q(live=False)
        return self.exclude(pk__in=Page.objects.filter(hidden).values("pk"))

    def newest_first(self):
        # published_at mirrors first_published_at on the article table, where it is indexed
        # together with the key. (No filter here: search backends refuse unindexed fields.)
        return self.order_by("-published_at", "-pk")

    def in_edition(self, locale_id):
        from .section import SectionPage

        # The article's section holds its edition, and the section ids are given as values:
        # the planner then knows how many articles they cover (no join per article).
        sections = SectionPage.objects.filter(locale_id=locale_id).values_list("pk", flat=True)
        return self.filter(section_id__in=list(sections))

    def about(self, topic):
        """Published articles of the topic's edition about it or about a translation of it.

        A translated article may still point at the original's topic page; it belongs on the
        translated topic page all the same.
        """
        links = self.model.topics.through.objects.filter(topicpage_id__in=topic.translation_pks)
        return self._linked(links.values("articlepage_id"), topic)

    def by(self, author):
        """Published articles of the author's edition with their byline (or a translation's)."""
        from .article import ArticleAuthor

        links = ArticleAuthor.objects.filter(author_id__in=author.translation_pks)
        return self._linked(links.values("article_id"), author)

    def _linked(self, article_ids, page):
        # A semi-join on the links, with the linked pages' ids as values (statistics know how
        # common each is): for a common topic the planner walks the newest-first index and
        # probes the links per article; for a rare one it reads the links and sorts them.
        return (
            self.filter(pk__in=article_ids)
            .in_edition(page.locale_id)
            .published()
            .newest_first()
            .for_cards()
        )

    def for_cards(self):
        """Everything an article card shows, in a fixed number of queries."""
        # Not select_related as well: Django skips the prefetch of a relation already loaded
        # by a join, and every card then looked its renditions up in the cache one by one.
        # Nor the body: a card never shows it, and decoding twenty bodies was a third of the
        # listing's query time.
        return self.defer_streamfields().prefetch_related(
            Prefetch("lead_photo", queryset=Photo.objects.prefetch_renditions(*CARD_SPECS))
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)
