from django import template

from dateline.discussion.public import thread_for

register = template.Library()


@register.simple_tag(takes_context=True)
def article_thread(context, article):
    """The public thread of an article, for the shared (cacheable) article page.

    It reads only the URL's query (?sort=, ?comments=), never the reader: the page stays
    the same for every anonymous reader.
    """
    request = context.get("request")
    query = request.GET if request else {}
    return thread_for(article, query.get("sort", "newest"), query.get("comments", 1))
