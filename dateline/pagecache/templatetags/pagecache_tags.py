"""{% pagecache_slot "name" %}...{% endpagecache_slot %}: a part of every page that changes on
its own (the breaking-news banner). The page cache stores pages without it and puts its
current version in when serving, so a new alert does not throw away every stored page;
``invalidate(["name"])`` announces a new version.
"""

import re

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from dateline.pagecache import conf, keys, rendercache, tags

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


class PartNode(template.Node):
    def __init__(self, args, nodelist):
        self.args = args
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        values = [str(arg.resolve(context)) for arg in self.args]
        # Kept per page, as the page cache keys it (scheme, host, path, query): a part's tags
        # include what the page loaded before it, which only holds for the same page. And in
        # the edition's language, for the words of the templates.
        collector = tags.current()
        if collector is not None and collector.reading is not None:
            url = collector.reading.url
        else:
            url = keys.for_request(request, conf.get("IGNORED_PARAMS"))
        name = ":".join([*values, translation.get_language() or "", url])
        return rendercache.render_part(request, name, lambda: self.nodelist.render(context))


@register.tag("pagecache_part")
def pagecache_part(parser, token):
    """{% pagecache_part "article-body" page.pk %}...{% endpagecache_part %}: a part of a page
    kept rendered between page-cache misses (see pagecache/rendercache.py). The arguments name
    it and must say what it shows; its tags say when it changed. No slot may sit inside."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("pagecache_part needs a name and what it shows")
    nodelist = parser.parse(("endpagecache_part",))
    parser.delete_first_token()
    return PartNode([parser.compile_filter(bit) for bit in bits[1:]], nodelist)
