"""What every reader sees of a discussion: the approved comments, threaded and paginated."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dateline.news.models import ArticlePage

from . import conf
from .caching import shows_discussion, shows_pages
from .models import Comment
from .rules import discussion_for, off_among

SORTS = {
    "newest": ["-created_at", "-id"],
    "oldest": ["created_at", "id"],
    "reactions": ["-reaction_count", "-created_at", "-id"],
}


@dataclass
class Thread:
    discussion: object
    sort: str
    page: object = None
    comments: list = field(default_factory=list)
    count: int = 0

    @property
    def sorts(self):
        return [
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("reactions", _("Most reactions")),
        ]


def thread_for(article, sort="newest", page_number=1):
    """The page of top-level approved comments, each with .children (replies, in order)."""
    discussion = discussion_for(article)
    sort = sort if sort in SORTS else "newest"
    thread = Thread(discussion=discussion, sort=sort)
    shows_discussion(article.pk, article.section_id)
    if discussion.is_off:
        return thread
    approved = Comment.objects.approved().filter(article=article)
    counts = approved.aggregate(total=Count("pk"), top=Count("pk", filter=Q(parent__isnull=True)))
    thread.count = counts["total"]
    if not counts["top"]:
        return thread  # nothing to page through
    top = approved.filter(parent__isnull=True).select_related("author").order_by(*SORTS[sort])
    paginator = Paginator(top, conf.get("PER_PAGE"))
    paginator.count = counts["top"]  # counted above with the total: one query for both
    thread.page = paginator.get_page(page_number)
    thread.comments = list(thread.page.object_list)
    # Replies of the comments on this page, all depths, in one query per level.
    parents = {c.pk: c for c in thread.comments}
    for comment in thread.comments:
        comment.children = []
    frontier = list(parents)
    while frontier:
        replies = list(
            approved.filter(parent_id__in=frontier)
            .select_related("author")
            .order_by("created_at", "id")
        )
        frontier = []
        for reply in replies:
            reply.children = []
            parents[reply.parent_id].children.append(reply)
            parents[reply.pk] = reply
            frontier.append(reply.pk)
    return thread


def article_context(request, page):
    """The article page's share of the discussion (registered with news.extensions).

    It reads only the URL's query (?sort=, ?comments=), never the reader: the page stays
    the same for every anonymous reader.
    """
    query = request.GET if request else {}
    return {"thread": thread_for(page, query.get("sort", "newest"), query.get("comments", 1))}


def card_counts(article_ids):
    """For article cards: {id: {"count": n, "text": "n comments"}} of the live, public
    articles among article_ids whose discussion is not off (five queries, whatever the number)."""
    articles = list(
        ArticlePage.objects.live()
        .public()
        .filter(pk__in=article_ids)
        .values_list("pk", "section_id")
    )
    # Every id asked for, found or not: publishing or unpublishing one changes the answer.
    shows_pages(*article_ids)
    shows_discussion(*article_ids, *{section for _pk, section in articles})
    off = off_among(articles)
    shown = [pk for pk, _section in articles if pk not in off]
    counts = Comment.objects.counts_for(shown)
    return {
        pk: {
            "count": counts.get(pk, 0),
            "text": ngettext("%(count)d comment", "%(count)d comments", counts.get(pk, 0))
            % {"count": counts.get(pk, 0)},
        }
        for pk in sorted(shown)
    }


def reader_stats(user):
    return Comment.objects.filter(author=user).aggregate(
        total=Count("id"), approved=Count("id", filter=Q(status=Comment.Status.APPROVED))
    )
