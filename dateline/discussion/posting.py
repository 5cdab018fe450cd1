"""What a reader may post, react and report, and what happens to it: the domain rules.

Views, forms and tests call these functions; each refusal is a PostingError with a message
for the reader.
"""

import hashlib
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import conf, ratelimit, text
from .caching import discussion_changed
from .models import Comment, ModerationAction, Reaction, Report, Sanction, WordRule
from .rules import discussion_for


class PostingError(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class Throttled(PostingError):
    """Over a rate limit: views answer 429 Too Many Requests."""


def clean_body(raw):
    """Length first, then normalisation; returns the text to store or raises PostingError."""
    limit = conf.get("MAX_LENGTH")
    raw = raw or ""
    if len(raw) > limit:
        raise PostingError(
            ngettext(
                "A comment can be at most %(limit)d character long (this one has %(count)d).",
                "A comment can be at most %(limit)d characters long (this one has %(count)d).",
                limit,
            )
            % {"limit": limit, "count": len(raw)},
            field="body",
        )
    body = text.normalise(raw)
    if not body:
        raise PostingError(_("Write something before you post."), field="body")
    links = len(text.find_urls(body))
    max_links = conf.get("MAX_LINKS")
    if links > max_links:
        raise PostingError(
            ngettext(
                "A comment can contain at most %(limit)d link.",
                "A comment can contain at most %(limit)d links.",
                max_links,
            )
            % {"limit": max_links},
            field="body",
        )
    return body


def body_hash(body):
    folded = " ".join(body.casefold().split())
    return hashlib.sha256(folded.encode()).hexdigest()


def matching_words(body, kind):
    folded = body.casefold()
    words = WordRule.objects.filter(kind=kind).values_list("word", flat=True)
    return [w for w in words if w.casefold() in folded]


def check_can_post(user, article):
    if not user.is_authenticated:
        raise PostingError(_("Log in to take part in the discussion."))
    discussion = discussion_for(article)
    if discussion.is_off:
        raise PostingError(_("This article has no discussion."))
    if not discussion.is_open:
        raise PostingError(_("This discussion is closed."))
    sanction = Sanction.active_for(user)
    if sanction is not None:
        if sanction.ends_at:
            raise PostingError(
                _("You cannot post until %(date)s: %(reason)s")
                % {
                    "date": timezone.localtime(sanction.ends_at).strftime("%Y-%m-%d %H:%M"),
                    "reason": sanction.reason,
                }
            )
        raise PostingError(_("You can no longer post: %(reason)s") % {"reason": sanction.reason})
    return discussion


def post_comment(user, article, raw_body, parent=None, ip=None):
    """Post a comment or a reply; returns the saved Comment (approved or pending)."""
    body = clean_body(raw_body)  # length is checked before anything else
    discussion = check_can_post(user, article)
    if parent is not None:
        if parent.article_id != article.pk or parent.status != Comment.Status.APPROVED:
            raise PostingError(_("You can only reply to a published comment of this article."))
        if parent.depth >= conf.get("MAX_DEPTH"):
            parent = parent.parent  # too deep: answer in the same thread, one level up
    if not ratelimit.hit("post_user", user.pk) or (ip and not ratelimit.hit("post_ip", ip)):
        raise Throttled(_("You are posting too fast. Wait a minute and try again."))
    digest = body_hash(body)
    since = timezone.now() - timedelta(hours=conf.get("DUPLICATE_HOURS"))
    if Comment.objects.filter(author=user, body_hash=digest, created_at__gte=since).exists():
        raise PostingError(_("You have already posted this comment."), field="body")
    if matching_words(body, WordRule.Kind.BANNED):
        raise PostingError(
            _("Your comment contains words that are not allowed here. Please rephrase it."),
            field="body",
        )

    held = []
    if discussion.premoderated:
        held.append("pre-moderation")
    if matching_words(body, WordRule.Kind.SUSPECT):
        held.append("suspect words")
    approved_before = Comment.objects.filter(author=user, status=Comment.Status.APPROVED).count()
    if approved_before < conf.get("HOLD_FIRST_COMMENTS"):
        held.append("new reader")

    comment = Comment.objects.create(
        article=article,
        author=user,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        body=body,
        body_hash=digest,
        status=Comment.Status.PENDING if held else Comment.Status.APPROVED,
        held_reason=", ".join(held),
        ip_address=ip,
    )
    if held:
        ModerationAction.objects.create(
            action=ModerationAction.Action.HOLD,
            comment=comment,
            reader=user,
            detail=comment.held_reason,
        )
    else:
        discussion_changed(article.pk)
        notify_reply_later(comment)
    return comment


def notify_reply_later(comment):
    """After the commit, tell the author of the parent comment (if they want to know)."""
    if comment.parent_id is None:
        return
    from .tasks import notify_reply

    transaction.on_commit(lambda: notify_reply.enqueue(comment.pk))


def can_edit(user, comment, now=None):
    now = now or timezone.now()
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.status in (Comment.Status.APPROVED, Comment.Status.PENDING)
        and now - comment.created_at <= timedelta(minutes=conf.get("EDIT_MINUTES"))
    )


def edit_comment(user, comment, raw_body):
    body = clean_body(raw_body)
    if not can_edit(user, comment):
        raise PostingError(_("This comment can no longer be edited."))
    check_can_post(user, comment.article)
    if matching_words(body, WordRule.Kind.BANNED):
        raise PostingError(
            _("Your comment contains words that are not allowed here. Please rephrase it."),
            field="body",
        )
    was_approved = comment.status == Comment.Status.APPROVED
    comment.body = body
    comment.body_hash = body_hash(body)
    comment.edited_at = timezone.now()
    fields = ["body", "body_hash", "edited_at"]
    if matching_words(body, WordRule.Kind.SUSPECT) and comment.status == Comment.Status.APPROVED:
        comment.status = Comment.Status.PENDING
        comment.held_reason = "suspect words"
        fields += ["status", "held_reason"]
    comment.save(update_fields=fields)
    if was_approved:
        discussion_changed(comment.article_id)
    return comment


def delete_own(user, comment):
    if not user.is_authenticated or comment.author_id != user.pk:
        raise PostingError(_("You can only delete your own comments."))
    was_approved = comment.status == Comment.Status.APPROVED
    comment.status = Comment.Status.DELETED
    comment.body = ""
    comment.save(update_fields=["status", "body"])
    if was_approved:
        discussion_changed(comment.article_id)


def react(user, comment, kind, ip=None):
    """Toggle a reaction; returns True if it is now on."""
    if not user.is_authenticated:
        raise PostingError(_("Log in to react."))
    if kind not in Reaction.Kind.values:
        raise PostingError(_("Unknown reaction."))
    if comment.status != Comment.Status.APPROVED:
        raise PostingError(_("This comment cannot be reacted to."))
    if not ratelimit.hit("react_user", user.pk) or (ip and not ratelimit.hit("react_ip", ip)):
        raise Throttled(_("Too many reactions at once. Wait a minute and try again."))
    # The thread shows reaction counts and sorts by them.
    discussion_changed(comment.article_id)
    with transaction.atomic():
        deleted, _rows = Reaction.objects.filter(comment=comment, user=user, kind=kind).delete()
        if deleted:
            Comment.objects.filter(pk=comment.pk).update(reaction_count=F("reaction_count") - 1)
            return False
        _obj, created = Reaction.objects.get_or_create(comment=comment, user=user, kind=kind)
        if created:
            Comment.objects.filter(pk=comment.pk).update(reaction_count=F("reaction_count") + 1)
        return True


def report(user, comment, reason, note="", ip=None):
    if not user.is_authenticated:
        raise PostingError(_("Log in to report a comment."))
    if reason not in Report.Reason.values:
        raise PostingError(_("Choose a reason."), field="reason")
    if comment.status != Comment.Status.APPROVED:
        raise PostingError(_("This comment cannot be reported."))
    if not ratelimit.hit("report_user", user.pk) or (ip and not ratelimit.hit("report_ip", ip)):
        raise Throttled(_("You have sent many reports. Wait a while and try again."))
    report, _created = Report.objects.update_or_create(
        comment=comment,
        reporter=user,
        defaults={"reason": reason, "note": text.normalise(note)[:500], "resolved": False},
    )
    return report
