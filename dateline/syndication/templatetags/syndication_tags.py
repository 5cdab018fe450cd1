from django import template

from dateline.syndication.feeds import feed_links, feeds_for

register = template.Library()


@register.simple_tag
def page_feeds(page):
    """The feeds of a home, section, topic or author page, for autodiscovery links."""
    return feeds_for(page)


@register.simple_tag
def footer_feeds(page):
    """The page's own feeds, or the edition's on any other page."""
    return feeds_for(page) or feed_links("edition")
