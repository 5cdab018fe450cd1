"""The discussion under articles: comments, reactions, reports and the moderators' records."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    POST = "post", _("Post-moderation: comments appear at once")
    PRE = "pre", _("Pre-moderation: comments wait for a moderator")


class State(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed: comments stay, no new ones")
    OFF = "off", _("Off: no discussion")


class DiscussionSettings(models.Model):
    """The discussion settings of one section or one article; blank fields inherit."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("section or article"),
        on_delete=models.CASCADE,
        related_name="discussion_settings",
    )
    mode = models.CharField(_("moderation"), max_length=8, choices=Mode.choices, blank=True)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, blank=True)
    close_after_days = models.PositiveSmallIntegerField(
        _("close after (days)"),
        null=True,
        blank=True,
        help_text=_("Close the discussion this many days after publication. Blank inherits."),
    )

    class Meta:
        verbose_name = _("discussion settings")
        verbose_name_plural = _("discussion settings")

    def __str__(self):
        return str(self.page)


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def for_article(self, article):
        return self.filter(article=article)

    def counts_for(self, article_ids):
        """Approved comment counts by article id, for article cards (one query)."""
        rows = (
            self.approved()
            .filter(article_id__in=list(article_ids))
            .values("article_id")
            .annotate(n=Count("id"))
        )
        return {row["article_id"]: row["n"] for row in rows}

    def queue(self):
        """What moderators must look at: pending comments and reported ones."""
        return self.filter(Q(status=Comment.Status.PENDING) | Q(reports__resolved=False)).distinct()


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        DELETED = "deleted", _("Deleted by its author")

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    body = models.TextField(_("comment"))
    body_hash = models.CharField(max_length=64, editable=False, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    held_reason = models.CharField(_("held because"), max_length=200, blank=True)
    reaction_count = models.PositiveIntegerField(_("reactions"), default=0, editable=False)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["article", "status", "created_at"], name="discussion_article_status"
            ),
            models.Index(fields=["status", "created_at"], name="discussion_status_created"),
            models.Index(fields=["author", "created_at"], name="discussion_author_created"),
        ]

    def __str__(self):
        text = self.body if len(self.body) <= 60 else self.body[:59] + "…"
        return text or str(_("(deleted)"))

    @property
    def author_name(self):
        if self.author is None or not self.author.is_active:
            return _("Former reader")
        return self.author.public_name

    @property
    def html(self):
        from .text import render_plain_text

        return render_plain_text(self.body)

    @property
    def anchor(self):
        return f"comment-{self.pk}"


class Reaction(models.Model):
    class Kind(models.TextChoices):
        LIKE = "like", _("Like")
        INSIGHTFUL = "insightful", _("Insightful")
        DISAGREE = "disagree", _("Disagree")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reactions"
    )
    kind = models.CharField(_("reaction"), max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reaction")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user", "kind"], name="discussion_one_reaction_each"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.comment}"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abuse or harassment")
        HATE = "hate", _("Hate speech")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="comment_reports",
    )
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    note = models.CharField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="discussion_one_report_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment}"


class Sanction(models.Model):
    """A reader's suspension (with an end) or ban (without one)."""

    class Kind(models.TextChoices):
        SUSPENSION = "suspension", _("Suspension")
        BAN = "ban", _("Ban")

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        on_delete=models.CASCADE,
        related_name="discussion_sanctions",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=500)
    ends_at = models.DateTimeField(
        _("ends at"), null=True, blank=True, help_text=_("Leave blank for no end.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("suspension or ban")
        verbose_name_plural = _("suspensions and bans")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.reader}"

    @classmethod
    def active_for(cls, user, now=None):
        now = now or timezone.now()
        return (
            cls.objects.filter(reader=user, lifted_at__isnull=True)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .first()
        )


class ModeratorNote(models.Model):
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        on_delete=models.CASCADE,
        related_name="moderator_notes",
    )
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("moderator note")
        verbose_name_plural = _("moderator notes")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]


class WordRule(models.Model):
    class Kind(models.TextChoices):
        BANNED = "banned", _("Banned: the comment is refused")
        SUSPECT = "suspect", _("Suspect: the comment waits for a moderator")

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)

    class Meta:
        verbose_name = _("word rule")
        verbose_name_plural = _("word rules")
        ordering = ["word"]

    def __str__(self):
        return self.word


class ModerationAction(models.Model):
    """The audit log: one row for every moderation action, never edited."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")
        SPAM = "spam", _("Marked as spam")
        HOLD = "hold", _("Held automatically")
        SUSPEND = "suspend", _("Suspended")
        BAN = "ban", _("Banned")
        LIFT = "lift", _("Lifted a sanction")
        NOTE = "note", _("Wrote a note")
        DISMISS = "dismiss", _("Dismissed reports")

    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"
