"""Render what other apps registered in dateline.news.extensions."""

from django import template
from django.utils.safestring import mark_safe

from dateline.news import extensions

register = template.Library()


def _render(context, extension, extra):
    # Like {% include %}: the same engine and context, so the included template sees the page.
    included = context.template.engine.get_template(extension.template)
    with context.push(**extra):
        return included.render(context)


@register.simple_tag(takes_context=True)
def article_extra_sections(context, page):
    request = context.get("request")
    parts = [
        _render(context, section, section.get_context(request, page) if section.get_context else {})
        for section in extensions.article_sections()
    ]
    return mark_safe("".join(parts))  # noqa: S308 - each part is a rendered, escaped template


@register.simple_tag(takes_context=True)
def page_extra_scripts(context):
    parts = [_render(context, script, {}) for script in extensions.page_scripts()]
    return mark_safe("".join(parts))  # noqa: S308 - each part is a rendered, escaped template
