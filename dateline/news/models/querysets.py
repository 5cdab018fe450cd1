from django.db.models import Prefetch
from wagtail.models import PageManager, PageQuerySet

from dateline.mediabank.models import Photo
from dateline.mediabank.renditions import CARD_SPECS


class ArticleQuerySet(PageQuerySet):
    def published(self):
        """What anonymous readers may see: live and not behind a privacy restriction."""
        return self.live().public()

    def newest_first(self):
        # published_at mirrors first_published_at on the article table, where it is indexed.
        return self.order_by("-published_at", "-pk")

    def for_cards(self):
        """Everything an article card shows, in a fixed number of queries."""
        return self.select_related("lead_photo").prefetch_related(
            Prefetch("lead_photo", queryset=Photo.objects.prefetch_renditions(*CARD_SPECS))
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)
