"""Date archives: what an edition, or one of its sections, published on a day.

`/<lang>/<yyyy>/<mm>/<dd>/` for the edition, `/<lang>/<section>/<yyyy>/<mm>/<dd>/` for a
section. Days are days of the site's calendar (TIME_ZONE), as article datelines show them.
A day that cannot exist, has not begun or comes before the first story is a 404; any other
day without stories is a page that says so and leads to the nearest days that have some.
Each query is one range of the articles' (published_at, pk) index, however large the archive.
"""

import datetime

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from dateline.caching import tags
from dateline.pagination import paginate_newest

DAY_PATTERN = r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/$"


def parse_day(year, month, day):
    """The day the URL names, or a 404: impossible dates and days still to come."""
    try:
        found = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise Http404("No such day.") from None
    if found > timezone.localdate():
        raise Http404("That day has not come yet.")
    return found


def day_bounds(day):
    """[start, end) of a calendar day in the current time zone (23 or 25 hours across DST)."""
    start = datetime.datetime.combine(day, datetime.time.min)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(start), timezone.make_aware(end)


def day_path(when):
    """The archive's path for the day of a date or an aware datetime: "2026/11/30/"."""
    if isinstance(when, datetime.datetime):
        when = timezone.localdate(when)
    return when.strftime("%Y/%m/%d/")


def nearest_days(articles, start, end):
    """(the latest day with stories before start, the first from end on), None if none."""
    earlier = (
        articles.filter(published_at__lt=start)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    later = (
        articles.filter(published_at__gte=end)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return (
        timezone.localdate(earlier) if earlier else None,
        timezone.localdate(later) if later else None,
    )


class DayArchiveMixin(RoutablePageMixin):
    """A page whose articles can be read day by day (the edition's home, a section).

    Subclasses give `archive_articles()` (published, newest first, ready for cards),
    `archive_tag()` (the listing tag a newly published article of theirs changes) and
    `archive_context(request)` (what every reader page has: models/editions.py).
    """

    def archive_articles(self):
        raise NotImplementedError

    def archive_tag(self):
        raise NotImplementedError

    is_section_archive = False

    def query_params_for(self, request):
        """The query parameters this request's route reads (caching/wagtail_hooks.py)."""
        match = getattr(request, "routable_resolver_match", None)
        if match is not None and match.url_name == "day":
            return frozenset({"page"})  # a busy day has pages
        return self.query_params

    def day_url(self, when, request=None):
        return f"{self.get_url(request)}{day_path(when)}"

    @re_path(DAY_PATTERN, name="day")
    def day_archive(self, request, year, month, day):
        day = parse_day(year, month, day)
        # Any article published in this listing changes this day, or the way to other days.
        tags.add(self.archive_tag())
        articles = self.archive_articles()
        start, end = day_bounds(day)
        shown = paginate_newest(
            request, articles.filter(published_at__gte=start, published_at__lt=end)
        )
        earlier, later = nearest_days(articles, start, end)
        if not shown and earlier is None:
            raise Http404("The archive begins later.")  # no endless empty past to crawl
        context = self.archive_context(request)
        context.update(
            {
                "day": day,
                "section": self.is_section_archive,
                "section_url": self.get_url(request),
                "canonical_url": request.build_absolute_uri(self.day_url(day, request)),
                "articles": shown,
                "earlier": earlier and {"day": earlier, "url": self.day_url(earlier, request)},
                "later": later and {"day": later, "url": self.day_url(later, request)},
            }
        )
        return TemplateResponse(request, "news/day_archive_page.html", context)
