"""The discussion's part of a reader's data: exported on request, anonymised on deletion."""

from django.db.models import F, Q

from .caching import discussion_changed
from .models import Comment, Reaction, Report


def export(user):
    return {
        "comments": [
            {
                "id": c.pk,
                "article": c.article.full_url,
                "reply_to": c.parent_id,
                "body": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "edited_at": c.edited_at.isoformat() if c.edited_at else None,
            }
            for c in Comment.objects.filter(author=user).select_related("article")
        ],
        "reactions": list(
            Reaction.objects.filter(user=user).values("comment_id", "kind", "created_at")
        ),
        "reports": list(
            Report.objects.filter(reporter=user).values(
                "comment_id", "reason", "note", "created_at"
            )
        ),
    }


def erase(user):
    """Comments stay without a name or address; reactions go (and leave the counts right)."""
    shown = Comment.objects.approved().filter(Q(author=user) | Q(reactions__user=user))
    discussion_changed(*shown.values_list("article_id", flat=True).distinct())
    for comment_id in Reaction.objects.filter(user=user).values_list("comment_id", flat=True):
        Comment.objects.filter(pk=comment_id, reaction_count__gt=0).update(
            reaction_count=F("reaction_count") - 1
        )
    Reaction.objects.filter(user=user).delete()
    Report.objects.filter(reporter=user).update(reporter=None, note="")
    Comment.objects.filter(author=user).update(author=None, ip_address=None)
