"""Pagination for reader listings: a bad page number is a 404, never a 500."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, queryset, per_page=None):
    per_page = per_page or settings.DATELINE_ARTICLES_PER_PAGE
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise Http404("Page number is not a number.") from None
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404("No such page.") from None
