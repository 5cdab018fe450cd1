"""Pagination for reader listings: a bad page number is a 404, never a 500.

Two paginators:

- `paginate()` counts its listing (Django's Paginator): for small listings that show a total,
  like the media bank's search results.
- `paginate_newest()` never counts: a section of the archive holds 200,000 articles, and
  COUNT(*) over them costs more than the rest of the page. It reads one row more than a page
  holds to know whether an older page exists, and reaches page N by number (?page=N) all the
  same. It finds the page's primary keys first and loads the page's 20 rows by key after, so
  that a deep page skips rows in an index instead of loading and joining them.
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

# No listing holds a billion rows; beyond that a number is an attack, not a page.
MAX_OFFSET = 10**9


def page_number(request):
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise Http404("Page number is not a number.") from None
    if number < 1:
        raise Http404("No such page.")
    return number


def paginate(request, queryset, per_page=None):
    per_page = per_page or settings.DATELINE_ARTICLES_PER_PAGE
    paginator = Paginator(queryset, per_page)
    number = page_number(request)
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404("No such page.") from None


class ListingPage(Sequence):
    """One page of a listing whose length is not known: Newer and Older, no "of N".

    Quacks like the Django Page the templates know (number, has_next, has_previous...);
    `paginator` is None because there is no total.
    """

    paginator = None

    def __init__(self, object_list, number, has_next):
        self.object_list = object_list
        self.number = number
        self._has_next = has_next

    def __len__(self):
        return len(self.object_list)

    def __getitem__(self, index):
        return self.object_list[index]

    def __repr__(self):
        return f"<ListingPage {self.number}>"

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        if not self._has_next:
            raise InvalidPage("That page is the last one.")
        return self.number + 1

    def previous_page_number(self):
        if self.number <= 1:
            raise InvalidPage("That page is the first one.")
        return self.number - 1


def paginate_newest(request, queryset, per_page=None):
    """The requested page of an ordered queryset, without counting it.

    `queryset` must be ordered, and its primary-key query (queryset.values_list("pk")) should
    be one index range scan: filters and ordering on the listed table, visibility as
    subqueries (see ArticleQuerySet.published()).
    """
    per_page = per_page or settings.DATELINE_ARTICLES_PER_PAGE
    number = page_number(request)
    offset = (number - 1) * per_page
    if offset > MAX_OFFSET:
        raise Http404("No such page.")
    keys = list(queryset.values_list("pk", flat=True)[offset : offset + per_page + 1])
    if not keys and number > 1:
        raise Http404("No such page.")
    has_next = len(keys) > per_page
    keys = keys[:per_page]
    by_key = queryset.order_by().in_bulk(keys)
    # A row that changed between the two queries (unpublished meanwhile) is left out.
    return ListingPage([by_key[key] for key in keys if key in by_key], number, has_next)
