"""Extension points of the reader's pages, for apps built on news.

News imports none of the apps built on it (see docs/architecture.md): they register here from
their AppConfig.ready(), and news templates render whatever was registered.

- An article section is a template rendered at the end of every article page, with the
  page's context plus what its ``get_context(request, page)`` returns; the query parameters
  it reads are the article page's (any other is redirected away: caching/middleware.py).
- A page script is a template rendered at the end of every reader page (script tags).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Extension:
    template: str
    get_context: object = None  # callable(request, page) -> dict, or None
    order: int = 100
    query_params: frozenset = frozenset()


_article_sections = {}
_page_scripts = {}


def register_article_section(name, template, get_context=None, order=100, query_params=()):
    """Registering the same name again replaces it (ready() may run more than once)."""
    _article_sections[name] = Extension(template, get_context, order, frozenset(query_params))


def register_page_script(name, template, order=100):
    _page_scripts[name] = Extension(template, order=order)


def article_sections():
    return sorted(_article_sections.values(), key=lambda extension: extension.order)


def article_query_params():
    return frozenset().union(*(section.query_params for section in _article_sections.values()))


def page_scripts():
    return sorted(_page_scripts.values(), key=lambda extension: extension.order)
