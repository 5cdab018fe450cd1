"""{% fragment "article-body" page %}...{% endfragment %}: a part of a page kept rendered
between renders (caching/fragments.py). The arguments name it and say what it shows; it is
kept per URL and edition language."""

from django import template
from django.utils import translation

from dateline.caching import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, args, nodelist):
        self.args = args
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        values = [str(getattr(v, "pk", v)) for v in (arg.resolve(context) for arg in self.args)]
        key = ":".join(
            [
                "page",
                *values,
                translation.get_language() or "",
                request.get_host(),
                request.get_full_path(),
            ]
        )
        return fragments.render(request, key, lambda: self.nodelist.render(context))


@register.tag("fragment")
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name and what it shows")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode([parser.compile_filter(bit) for bit in bits[1:]], nodelist)
