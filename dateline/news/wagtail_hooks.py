import re
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Lower, StrIndex
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
# rest. Search results are counted up to 10 pages. A count that reaches its cap says so
# ("10,000+ articles"), and Wagtail's "Page N of M" stops at the cap.
COUNT_CAP = 10_000
SEARCH_COUNT_CAP = 500

# A word of the search that every matching title holds as it is, lowercased: ASCII letters
# and digits are one word to PostgreSQL's parser and lowercase alike in a title and a query.
PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")


def title_word_to_look_for(query):
    """The longest plain word of a search (split as Wagtail splits it), or None.

    Every title that matches the search holds it as lowercase text: the word is a whole word
    of the title or, typed last, the beginning of one.
    """
    words = [word for word in re.split(r"[\s\-]+", query) if PLAIN_WORD.fullmatch(word)]
    return max(words, key=len, default=None)


@contextmanager
def without_parallel_workers(rows):
    """PostgreSQL plans the statements run inside with no parallel workers.

    A search page walks the newest-first index and stops after 50 matches. PostgreSQL runs
    that walk in parallel for a word in fewer than about 1 title in 100, and the workers
    scan far ahead of the rows the page takes: 250-350 ms at 1M articles against 35-80 ms
    alone ("skarra", "vela"). SET LOCAL ends with the transaction it is set in.
    """
    alias = getattr(rows, "db", None)
    if alias is None or connections[alias].vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


class CappedCountPaginator(WagtailPaginator):
    """Counts at most `cap` rows, and one more to know whether there are more.

    COUNT(*) over a million articles took 2.4 s. The rows counted are keys only, unordered:
    no annotation is computed and nothing sorted, so the database stops at the first
    `cap + 1` rows its cheapest plan finds (for a search, the first matches in the title
    index; reading the first 500 results with their annotations took half the search).
    """

    def __init__(self, object_list, per_page, cap=COUNT_CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def counted(self):
        rows = self.object_list
        if hasattr(rows, "order_by"):
            return rows.order_by().values("pk")[: self.cap + 1].count()
        return len(rows[: self.cap + 1])

    def get_page(self, number):
        # Counted and read in one transaction without parallel workers: a capped count of a
        # search, planned in parallel, waited 15-20 ms for workers to stop 501 rows early.
        with without_parallel_workers(self.object_list):
            return super().get_page(number)

    def _get_page(self, object_list, *args, **kwargs):
        return super()._get_page(list(object_list), *args, **kwargs)

    @cached_property
    def count(self):
        return min(self.counted, self.cap)

    @property
    def is_capped(self):
        return self.counted > self.cap

    @cached_property
    def items_count_label(self):
        if self.is_capped:
            return f"{self.cap:,}+ {self.verbose_name_plural}"
        return super().items_count_label


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
    # What the newsroom searches by: the words of the headline. Wagtail's autocomplete
    # vector of an article holds its title and nothing else, so the results are the same;
    # naming the field makes the PostgreSQL backend match the page's own title column
    # (migration 0006 indexes that expression) instead of joining its index table, which
    # could only be walked page by page, newest first, probing an entry for each.
    search_fields = ["title"]

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
        if not self.is_searching:
            return queryset
        if not re.search(r"[^\s-]", self.search_query):
            # Only hyphens: no word for Wagtail to build a query from (given fields, its
            # PostgreSQL backend fails on the missing query; without, it matched nothing).
            return queryset.none()
        results = queryset.autocomplete(
            self.search_query, fields=self.search_fields, order_by_relevance=False
        )
        # Wagtail's database backends give their search as a queryset (the listing's, with
        # the match as one more condition): the paginator counts it as it counts the
        # listing, keys only and capped, instead of reading the first 500 results whole.
        rows = results.get_queryset()
        word = title_word_to_look_for(self.search_query)
        if word is None or connections[rows.db].vendor != "postgresql":
            return rows
        # The newest-first walk tested every title with to_tsvector (4.7 us a title): a
        # rare word ("skarra", 1 title in 225) read ~11,000 titles in 50 ms for a page.
        # Looking for the word in the lowercased title first costs a fifth of that, and only
        # the titles that hold it are parsed. The results are the same: a title without the
        # word cannot match. PostgreSQL reckons the look-up keeps a third of the rows, so a
        # word it expects in fewer than ~3,000 titles is found through the title index.
        found_at = StrIndex(Lower("title"), Value(word.lower()))
        return rows.alias(_word_at=found_at).filter(_word_at__gt=0)

    def get_paginator(self, queryset, per_page, **kwargs):
        cap = SEARCH_COUNT_CAP if self.is_searching else COUNT_CAP
        return self.paginator_class(queryset, per_page, cap=cap, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        if paginator is not None and paginator.is_capped:
            # "1-50 of 500+ articles" above the titles (Wagtail's template formats it).
            context["items_count"] = f"{paginator.count:,}+"
        return context


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
