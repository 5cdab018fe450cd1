"""{% pagecache_slot "name" %}...{% endpagecache_slot %}: a part of every page that changes on
its own (the breaking-news banner). The page cache stores pages without it and puts its
current version in when serving, so a new alert does not throw away every stored page;
``invalidate(["name"])`` announces a new version.
"""

import re

from django import template
from django.utils.safestring import mark_safe

from dateline.pagecache import tags

register = template.Library()
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


class SlotNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        content = self.nodelist.render(context)
        name = str(self.name.resolve(context))
        if tags.current() is None or not NAME.match(name):
            return content
        return mark_safe(f"<!--pagecache:slot {name}-->{content}<!--pagecache:/slot-->")  # noqa: S308


@register.tag("pagecache_slot")
def pagecache_slot(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("pagecache_slot takes one argument: the slot's name")
    nodelist = parser.parse(("endpagecache_slot",))
    parser.delete_first_token()
    return SlotNode(parser.compile_filter(bits[1]), nodelist)
