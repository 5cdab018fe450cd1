"""Moderators' actions, each written to the audit log. Called by the admin views and tests."""

from django.db import transaction
from django.utils import timezone

from .caching import discussion_changed
from .models import Comment, ModerationAction, ModeratorNote, Report, Sanction
from .posting import notify_reply_later

STATUS_OF = {
    ModerationAction.Action.APPROVE: Comment.Status.APPROVED,
    ModerationAction.Action.REJECT: Comment.Status.REJECTED,
    ModerationAction.Action.SPAM: Comment.Status.SPAM,
}


@transaction.atomic
def moderate(comments, action, moderator, detail=""):
    """Approve, reject or mark as spam one comment or many; resolves their reports."""
    status = STATUS_OF[action]
    changed = []
    shown_differently = set()
    for comment in comments:
        was_approved = comment.status == Comment.Status.APPROVED
        if was_approved != (status == Comment.Status.APPROVED):
            shown_differently.add(comment.article_id)
        comment.status = status
        comment.save(update_fields=["status"])
        Report.objects.filter(comment=comment, resolved=False).update(resolved=True)
        ModerationAction.objects.create(
            action=action,
            moderator=moderator,
            comment=comment,
            reader=comment.author,
            detail=detail,
        )
        if status == Comment.Status.APPROVED and not was_approved:
            notify_reply_later(comment)
        changed.append(comment)
    discussion_changed(*shown_differently)
    return changed


def approve(comments, moderator):
    return moderate(comments, ModerationAction.Action.APPROVE, moderator)


def reject(comments, moderator):
    return moderate(comments, ModerationAction.Action.REJECT, moderator)


def mark_spam(comments, moderator):
    return moderate(comments, ModerationAction.Action.SPAM, moderator)


@transaction.atomic
def dismiss_reports(comments, moderator):
    for comment in comments:
        Report.objects.filter(comment=comment, resolved=False).update(resolved=True)
        ModerationAction.objects.create(
            action=ModerationAction.Action.DISMISS,
            moderator=moderator,
            comment=comment,
            reader=comment.author,
        )


@transaction.atomic
def sanction(reader, moderator, reason, ends_at=None):
    """Suspend a reader until ends_at, or ban them when there is no end."""
    kind = Sanction.Kind.SUSPENSION if ends_at else Sanction.Kind.BAN
    record = Sanction.objects.create(
        reader=reader, kind=kind, reason=reason, ends_at=ends_at, created_by=moderator
    )
    ModerationAction.objects.create(
        action=ModerationAction.Action.SUSPEND if ends_at else ModerationAction.Action.BAN,
        moderator=moderator,
        reader=reader,
        detail=reason,
    )
    return record


def ban(reader, moderator, reason):
    return sanction(reader, moderator, reason)


@transaction.atomic
def lift(record, moderator):
    record.lifted_at = timezone.now()
    record.save(update_fields=["lifted_at"])
    ModerationAction.objects.create(
        action=ModerationAction.Action.LIFT, moderator=moderator, reader=record.reader
    )


@transaction.atomic
def add_note(reader, moderator, text):
    note = ModeratorNote.objects.create(reader=reader, author=moderator, text=text)
    ModerationAction.objects.create(
        action=ModerationAction.Action.NOTE, moderator=moderator, reader=reader
    )
    return note
