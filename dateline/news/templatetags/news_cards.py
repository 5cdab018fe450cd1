"""{% cards articles variant="row" level=2 show_standfirst=True item="li" %}: article cards.

A card shows its article, the article's photo and its section's address, so
it is the same on every listing and kept rendered once for all of them (shared fragments):
re-rendering a section page after a new story renders one card, not twenty.
"""

from django import template
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from dateline.caching import fragments, tags

register = template.Library()
TEMPLATE = "news/includes/card.html"
ITEMS = {"", "li"}


@register.simple_tag(takes_context=True)
def cards(context, articles, variant="", level=3, show_standfirst=False, item=""):
    if item not in ITEMS:
        raise template.TemplateSyntaxError(f"cards: item must be one of {sorted(ITEMS)}")
    request = context.get("request")
    card = context.template.engine.get_template(TEMPLATE)
    language = translation.get_language() or ""
    host = f"{request.scheme}://{request.get_host()}" if request is not None else ""

    def render(article):
        values = {
            "request": request,  # for {% pageurl %}: the site's root paths, once per request
            "article": article,
            "variant": variant,
            "level": level,
            "show_standfirst": show_standfirst,
        }
        return lambda: card.render(template.Context(values, autoescape=context.autoescape))

    items = [
        (
            f"card:{article.pk}:{variant}:{level}:{int(bool(show_standfirst))}:{language}:{host}",
            _card_tags(article, language),
            render(article),
        )
        for article in articles
    ]
    if request is None:
        htmls = [render() for _, _, render in items]
    else:
        htmls = fragments.render_shared(request, items)
    if item:
        return format_html_join("", "<{0}>{1}</{0}>", ((item, html) for html in htmls))
    return mark_safe("".join(htmls))  # noqa: S308 - each card is a rendered, escaped template


def _card_tags(article, language):
    # A card's address moves with its section's: sections' addresses are part of the
    # masthead's fingerprint (news/caching.py), whose tag changes with them.
    found = [tags.page(article.pk), f"masthead-{language}"]
    if article.lead_photo_id:
        found.append(tags.photo(article.lead_photo_id))
    return found
