from django.db.models import Prefetch, Q
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction

from dateline.mediabank.models import Photo
from dateline.mediabank.renditions import CARD_SPECS


class ReaderPageQuerySet(PageQuerySet):
    def private_q(self):
        # Wagtail joins restrictions to pages in one query; SQLite plans that join as a scan
        # of the whole page table while the restrictions table is empty (no statistics).
        # Two small queries instead, and none of the second when nothing is restricted.
        restricted_ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
        if not restricted_ids:
            return Q(pk__in=[])
        q = Q()
        for page in Page.objects.filter(pk__in=restricted_ids).only("path", "depth"):
            q |= self.descendant_of_q(page, inclusive=True)
        return q


ReaderPageManager = PageManager.from_queryset(ReaderPageQuerySet)


class ArticleQuerySet(ReaderPageQuerySet):
    def published(self):
        """What anonymous readers may see: live and not behind a privacy restriction."""
        return self.live().public()

    def newest_first(self):
        # published_at mirrors first_published_at on the article table, where it is indexed.
        return self.order_by("-published_at", "-pk")

    def linked_to(self, relation, page):
        """Published articles of page's edition whose `relation` is page or a translation of it.

        A translated article may still point at the original's topic or author page; it belongs
        on the translated topic or author page all the same.
        """
        return (
            self.filter(
                locale_id=page.locale_id, **{f"{relation}__translation_key": page.translation_key}
            )
            .distinct()
            .published()
            .newest_first()
            .for_cards()
        )

    def for_cards(self):
        """Everything an article card shows, in a fixed number of queries."""
        return self.select_related("lead_photo").prefetch_related(
            Prefetch("lead_photo", queryset=Photo.objects.prefetch_renditions(*CARD_SPECS))
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)
