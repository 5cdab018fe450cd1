"""What each news page shows in listings: the change rules of news pages (dateline.caching).

Pages and photos a page loads while rendering are tagged automatically; this module adds what
automatic tracking cannot see: that a listing would show an article that is not in it yet.
Publishing a new article refreshes its section, its edition (home and feeds), its topics and
authors, the "used in" lists of its photos and the sitemap; editing a live article refreshes
only the pages that show it, and the listings it newly joins.
"""

import hashlib
from datetime import UTC

from django.core.cache import cache
from wagtail.models import Page

from dateline.caching import rules

from .models import ArticlePage, AuthorIndexPage, HomePage, SectionPage, TopicIndexPage


def _language(page):
    return page.locale.language_code


def article_lists(article):
    """The listings (as tags) an article belongs to now."""
    language = _language(article)
    names = {f"list-edition-{language}", f"sitemap-{language}"}
    if article.section_id:
        names.add(f"list-section-{article.section_id}")
    names.update(f"list-topic-{pk}" for pk in article.topics.values_list("pk", flat=True))
    names.update(f"list-author-{link.author_id}" for link in article.article_authors.all())
    photo_ids = {article.lead_photo_id} if article.lead_photo_id else set()
    for block in article.body.raw_data:
        if block.get("type") == "photo" and isinstance(block.get("value"), dict):
            photo_ids.add(block["value"].get("photo"))
    names.update(f"usage-photo-{pk}" for pk in photo_ids if pk)
    return names


def _memory_key(page):
    return f"caching:lists:{page.pk}"


def sitemap_tag(section_id, published_at):
    """The sitemap of a section's articles of one month (syndication/sitemaps.py)."""
    month = published_at.astimezone(UTC).strftime("%Y-%m") if published_at else "none"
    return f"sitemap-{section_id}-{month}"


def article_changed(change):
    article = change.page
    now = article_lists(article)
    # Its month's sitemap shows its address and when it last changed.
    for section_id in {article.section_id, change.old_parent_id} - {None}:
        change.tags.add(sitemap_tag(section_id, article.published_at))
    if change.kind == "publish":
        # Listings refresh only when the article joins them; pages that already show it are
        # tagged page-<id> and refresh through that tag.
        before = cache.get(_memory_key(article))
        change.tags.update(now - set(before or ()))
        cache.set(_memory_key(article), sorted(now), None)
    else:
        # Gone or moved: the listings it left shift by one, the one it joined shows it.
        change.tags.update(now)
        if change.old_parent_id:
            change.tags.add(f"list-section-{change.old_parent_id}")
            change.tags.add(f"list-section-{article.get_parent().pk}")
        cache.delete(_memory_key(article))


def fingerprint(home, sections):
    """What the masthead shows of an edition, summed up: it changes when the masthead does
    (the addresses of the pages below the home change it too: caching/changes.py)."""
    if home is None:
        return ""
    text = repr(
        (home.pk, home.title, home.tagline, home.url_path)
        + tuple((s.pk, s.title, s.url_path) for s in sections)
    )
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _masthead_key(language):
    return f"caching:masthead:{language}"


def remember_masthead(language, home, sections):
    """Called when a masthead renders: what it showed, to compare with after a change."""
    cache.add(_masthead_key(language), fingerprint(home, sections), None)


def masthead_sections(home):
    """The pages an edition's masthead lists, in tree order: its sections, then its topic and
    author indexes (Page rows: a link needs no more)."""
    pages = list(
        Page.objects.child_of(home)
        .live()
        .public()
        .type(SectionPage, TopicIndexPage, AuthorIndexPage)
        .order_by("path")
    )
    # Sections first, whatever order the newsroom created the pages in.
    return sorted(pages, key=lambda page: not issubclass(page.specific_class, SectionPage))


def edition_changed(change):
    """A home, section or index page changed: every page of the edition shows the home and
    sections in its masthead, and links to addresses below them."""
    language = _language(change.page)
    # The edition's home is the page itself or, for a section or an index, its parent.
    home = change.page if isinstance(change.page, HomePage) else change.page.get_parent().specific
    now = fingerprint(home, masthead_sections(home)) if home.live else ""
    if change.kind != "publish" or cache.get(_masthead_key(language)) != now:
        # Gone, moved or made private: whatever was remembered, every address below it.
        change.tags.add(f"masthead-{language}")
        cache.set(_masthead_key(language), now, None)
    if isinstance(change.page, SectionPage) and change.kind != "publish":
        change.tags.add(f"list-section-{change.page.pk}")


def register():
    rules.register_page(ArticlePage, article_changed)
    rules.register_page(HomePage, edition_changed)
    rules.register_page(SectionPage, edition_changed)
    rules.register_page(TopicIndexPage, edition_changed)
    rules.register_page(AuthorIndexPage, edition_changed)
