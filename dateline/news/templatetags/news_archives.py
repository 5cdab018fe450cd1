"""{% day_archive_url when %}: the edition's page of the day of `when` (news/archives.py)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def day_archive_url(context, when):
    edition = context.get("edition")
    home = getattr(edition, "home", None)
    if home is None or when is None:
        return ""
    return home.day_url(when, context.get("request"))


@register.filter
def day_url(page, day):
    """{{ home|day_url:date }}: that page's archive of the day (a home or a section)."""
    return page.day_url(day)
