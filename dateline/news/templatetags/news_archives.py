"""{{ page|day_url:when }}: that page's archive of the day of `when`, a date or a datetime
(news/archives.py): an edition's home or a section; empty without a page or a date."""

from django import template

register = template.Library()


@register.filter
def day_url(page, when):
    if page is None or when is None:
        return ""
    return page.day_url(when)
