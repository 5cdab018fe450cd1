from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.forms import CheckboxSelectMultiple
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import MultipleUserFilter
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import ArticlePage

# The newsroom pages through recent work (200 pages of 50); filters and search narrow the
# rest. Search results are counted by reading them (10 pages): counting every match of a
# common word took a second at a million articles.
COUNT_CAP = 10_000
SEARCH_COUNT_CAP = 500


class CappedCountPaginator(WagtailPaginator):
    """Counts at most a few thousand rows: COUNT(*) over a million articles took 2.4 s."""

    @cached_property
    def count(self):
        rows = self.object_list
        if hasattr(rows, "order_by"):
            return rows.order_by().values("pk")[:COUNT_CAP].count()
        return len(rows[:SEARCH_COUNT_CAP])


class ArticleFilterSet(PageFilterSet):
    # Wagtail offers every user who owns a page, found by DISTINCT over the whole page table
    # (a scan of a million rows per listing); owners are newsroom members: users with a role.
    owner = MultipleUserFilter(
        label=_("Owner"),
        queryset=lambda request: (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__isnull=False))
            .distinct()
        ),
        widget=CheckboxSelectMultiple,
    )


class ArticleIndexView(IndexView):
    paginator_class = CappedCountPaginator

    # Newest first while searching too: ranking every match of a common word by relevance
    # took seconds at a million articles (the rank of each match is computed to sort them);
    # newest first walks an index and stops after a page. The newsroom wants the latest
    # stories first anyway; other orderings stay available.
    def get_ordering(self):
        return super().get_ordering() or self.default_ordering

    def order_queryset(self, queryset):
        if self.is_searching and self.ordering == "-latest_revision_created_at":
            # Wagtail orders plainly while searching (NULLs first): use its listing's order,
            # which the news_page_latest_revision index serves.
            return queryset.order_by(F("latest_revision_created_at").desc(nulls_last=True))
        return super().order_queryset(queryset)

    def search_queryset(self, queryset):
        if self.is_searching:
            return queryset.autocomplete(self.search_query, order_by_relevance=False)
        return queryset


class ArticleListingViewSet(PageListingViewSet):
    """The newsroom's flat list of articles across sections and editions, newest first."""

    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 150
    add_to_admin_menu = True
    name = "articles"
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet()
