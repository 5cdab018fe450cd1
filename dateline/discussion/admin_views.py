"""The moderators' views in the newsroom (Wagtail admin): queue, reader, log.

Thin: each action calls dateline.discussion.moderation.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views import generic

from . import moderation, permissions
from .admin_forms import NoteForm, SanctionForm
from .caching import discussion_changed
from .models import Comment, ModerationAction, Sanction

PERMISSION = "discussion.change_comment"
QUEUE_FILTERS = {
    "pending": gettext_lazy("Pending"),
    "reported": gettext_lazy("Reported"),
    "approved": gettext_lazy("Approved"),
    "rejected": gettext_lazy("Rejected"),
    "spam": gettext_lazy("Spam"),
    "all": gettext_lazy("All"),
}
ACTIONS = {
    "approve": moderation.approve,
    "reject": moderation.reject,
    "spam": moderation.mark_spam,
    "dismiss": moderation.dismiss_reports,
}


def moderator_required(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def queue_queryset(show, article_id=None, reader_id=None):
    comments = Comment.objects.select_related("author", "article").annotate(
        open_reports=Count("reports", filter=Q(reports__resolved=False))
    )
    if show == "pending":
        comments = comments.filter(status=Comment.Status.PENDING)
    elif show == "reported":
        comments = comments.filter(open_reports__gt=0)
    elif show in Comment.Status.values:
        comments = comments.filter(status=show)
    if article_id:
        comments = comments.filter(article_id=article_id)
    if reader_id:
        comments = comments.filter(author_id=reader_id)
    order = ["created_at", "id"] if show == "pending" else ["-created_at", "-id"]
    return comments.order_by(*order)


@moderator_required
def queue(request):
    show = request.GET.get("show", "pending")
    show = show if show in QUEUE_FILTERS else "pending"
    article_id = _int(request.GET.get("article"))
    reader_id = _int(request.GET.get("reader"))
    if request.method == "POST":
        one = request.POST.get("one", "")
        if one:
            action, _sep, pk = one.partition(":")
            ids = [_int(pk)]
        else:
            action = request.POST.get("action", "")
            ids = [_int(pk) for pk in request.POST.getlist("ids")]
        if action not in ACTIONS:
            messages.error(request, _("Choose an action."))
        else:
            chosen = list(Comment.objects.filter(pk__in=[i for i in ids if i]))
            ACTIONS[action](chosen, request.user)
            messages.success(
                request,
                ngettext("%(count)d comment updated.", "%(count)d comments updated.", len(chosen))
                % {"count": len(chosen)},
            )
        return redirect(request.get_full_path())
    paginator = Paginator(queue_queryset(show, article_id, reader_id), 50)
    page = paginator.get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "discussion/admin/queue.html",
        {
            "page_title": _("Moderation queue"),
            "header_icon": "comment",
            "page_obj": page,
            "filters": list(QUEUE_FILTERS.items()),
            "show": show,
            "article_id": article_id,
            "reader_id": reader_id,
            "query": query.urlencode(),
        },
    )


@moderator_required
def reader(request, user_id):
    user = get_object_or_404(get_user_model(), pk=user_id)
    sanction_form = SanctionForm(prefix="sanction")
    note_form = NoteForm(prefix="note")
    if request.method == "POST":
        if "sanction-reason" in request.POST:
            sanction_form = SanctionForm(request.POST, prefix="sanction")
            if sanction_form.is_valid():
                moderation.sanction(
                    user,
                    request.user,
                    sanction_form.cleaned_data["reason"],
                    sanction_form.cleaned_data["ends_at"],
                )
                messages.success(request, _("The reader can no longer post."))
                return redirect(request.path)
        elif "note-text" in request.POST:
            note_form = NoteForm(request.POST, prefix="note")
            if note_form.is_valid():
                moderation.add_note(user, request.user, note_form.cleaned_data["text"])
                return redirect(request.path)
        elif "lift" in request.POST:
            record = get_object_or_404(Sanction, pk=_int(request.POST["lift"]), reader=user)
            moderation.lift(record, request.user)
            messages.success(request, _("The sanction is lifted."))
            return redirect(request.path)
    stats = Comment.objects.filter(author=user).aggregate(
        total=Count("id"),
        approved=Count("id", filter=Q(status=Comment.Status.APPROVED)),
        rejected=Count("id", filter=Q(status__in=[Comment.Status.REJECTED, Comment.Status.SPAM])),
    )
    return render(
        request,
        "discussion/admin/reader.html",
        {
            "page_title": _("Reader: %(name)s") % {"name": user.public_name},
            "header_icon": "user",
            "reader": user,
            "stats": stats,
            "active": Sanction.active_for(user),
            "sanctions": user.discussion_sanctions.select_related("created_by"),
            "notes": user.moderator_notes.select_related("author"),
            "sanction_form": sanction_form,
            "note_form": note_form,
            "queue_url": reverse("discussion_admin:queue") + f"?show=all&reader={user.pk}",
        },
    )


@moderator_required
def log(request):
    actions = ModerationAction.objects.select_related("moderator", "reader", "comment")
    reader_id = _int(request.GET.get("reader"))
    if reader_id:
        actions = actions.filter(reader_id=reader_id)
    page = Paginator(actions, 100).get_page(request.GET.get("p"))
    return render(
        request,
        "discussion/admin/log.html",
        {"page_title": _("Moderation log"), "header_icon": "history", "page_obj": page},
    )


# Discussion settings: Wagtail's generic views, limited to the pages the user may publish.


class SettingsIndexView(generic.IndexView):
    def get_base_queryset(self):
        pages = permissions.pages_user_may_set(self.request.user)
        return super().get_base_queryset().filter(page__in=pages.values("pk"))


class ScopedObjectMixin:
    def get_object(self, queryset=None):
        settings = super().get_object(queryset)
        if not permissions.may_set(self.request.user, settings.page):
            raise PermissionDenied
        return settings


class SettingsCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        discussion_changed(instance.page_id)
        return instance


class SettingsEditView(ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        old_page_id = self.form.initial.get("page")
        instance = super().save_instance()
        discussion_changed(instance.page_id, old_page_id)
        return instance


class SettingsDeleteView(ScopedObjectMixin, generic.DeleteView):
    def delete_action(self):
        page_id = self.object.page_id
        super().delete_action()
        discussion_changed(page_id)
