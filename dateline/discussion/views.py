"""Thin views: the personal part of the discussion and the reader's forms.

The shared article page shows the approved comments to everyone; everything that depends on
who you are comes from here, never cached by shared caches.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods

from dateline.news.models import ArticlePage

from . import posting
from .forms import CommentForm, CountsForm, ReactionForm, ReportForm
from .models import Comment, Reaction
from .public import card_counts, thread_for
from .ratelimit import client_ip
from .rules import discussion_for


def get_article(article_id):
    return get_object_or_404(ArticlePage.objects.live().public().specific(), pk=article_id)


def get_comment(comment_id, **filters):
    comment = get_object_or_404(
        Comment.objects.select_related("article", "author", "parent"), pk=comment_id, **filters
    )
    if not ArticlePage.objects.live().public().filter(pk=comment.article_id).exists():
        raise Http404
    return comment


@require_GET
@never_cache
def personal(request, article_id):
    """Who you are, the comment form with its CSRF token, your reactions and comments."""
    article = get_article(article_id)
    if not request.user.is_authenticated:
        return render(request, "discussion/personal.html", {"article": article})
    discussion = discussion_for(article)
    refusal = None
    try:
        posting.check_can_post(request.user, article)
    except posting.PostingError as error:
        refusal = error.message
    mine = list(
        Comment.objects.filter(article=article, author=request.user)
        .exclude(status=Comment.Status.DELETED)
        .order_by("-created_at")[:20]
    )
    for comment in mine:
        comment.editable = posting.can_edit(request.user, comment)
    reactions = {}
    for comment_id, kind in Reaction.objects.filter(
        user=request.user, comment__article=article
    ).values_list("comment_id", "kind"):
        reactions.setdefault(str(comment_id), []).append(kind)
    return render(
        request,
        "discussion/personal.html",
        {
            "article": article,
            "discussion": discussion,
            "refusal": refusal,
            "form": CommentForm(),
            "mine": mine,
            "reactions": reactions,
        },
    )


@require_GET
@cache_control(public=True, max_age=0, s_maxage=5)
def public_comments(request, article_id):
    """The approved comments alone, for the script that refreshes them.

    Shared caches keep them five seconds; browsers ask again every time.
    """
    article = get_article(article_id)
    thread = thread_for(article, request.GET.get("sort", "newest"), request.GET.get("comments", 1))
    return render(request, "discussion/includes/thread.html", {"page": article, "thread": thread})


@require_GET
@cache_control(public=True, max_age=0, s_maxage=5)
def counts(request):
    """Comment counts for the article cards of a listing, fetched by its script, so that
    listing pages do not change with every comment."""
    form = CountsForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": " ".join(form.errors["ids"])}, status=400)
    found = card_counts(form.cleaned_data["ids"])
    return JsonResponse({"articles": {str(pk): value for pk, value in found.items()}})


@login_required
@require_http_methods(["GET", "POST"])
def write(request, article_id):
    """The comment form on its own page: for replies, for readers without JavaScript, and
    where errors come back with the reader's text kept."""
    article = get_article(article_id)
    data = request.POST if request.method == "POST" else None
    form = CommentForm(data, initial={"parent": request.GET.get("parent")})
    parent = None
    parent_id = request.POST.get("parent") or request.GET.get("parent")
    if parent_id:
        try:
            parent = Comment.objects.select_related("author").get(
                pk=int(parent_id), article=article, status=Comment.Status.APPROVED
            )
        except (ValueError, Comment.DoesNotExist):
            raise Http404 from None
    status = 200
    if form.is_bound and form.is_valid():
        try:
            comment = posting.post_comment(
                request.user,
                article,
                form.cleaned_data["body"],
                parent=parent,
                ip=client_ip(request),
            )
        except posting.PostingError as error:
            form.add_error("body" if error.field else None, error.message)
            status = 429 if isinstance(error, posting.Throttled) else 400
        else:
            if comment.status == Comment.Status.APPROVED:
                return redirect(f"{article.url}#{comment.anchor}")
            return render(
                request,
                "discussion/done.html",
                {
                    "article": article,
                    "message": _(
                        "Thank you. Your comment will appear once a moderator has read it."
                    ),
                },
            )
    elif form.is_bound:
        status = 400
    refusal = None
    if not form.is_bound:
        try:
            posting.check_can_post(request.user, article)
        except posting.PostingError as error:
            refusal = error.message
    return render(
        request,
        "discussion/write.html",
        {"article": article, "form": form, "parent": parent, "refusal": refusal},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, comment_id):
    comment = get_comment(comment_id, author=request.user)
    if not posting.can_edit(request.user, comment):
        return render(
            request,
            "discussion/done.html",
            {"article": comment.article, "message": _("This comment can no longer be edited.")},
            status=403,
        )
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                posting.edit_comment(request.user, comment, form.cleaned_data["body"])
            except posting.PostingError as error:
                form.add_error("body" if error.field else None, error.message)
            else:
                return redirect(f"{comment.article.url}#{comment.anchor}")
        status = 400
    return render(
        request,
        "discussion/write.html",
        {"article": comment.article, "form": form, "editing": comment},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, comment_id):
    comment = get_comment(comment_id, author=request.user)
    if request.method == "POST":
        posting.delete_own(request.user, comment)
        return render(
            request,
            "discussion/done.html",
            {"article": comment.article, "message": _("Your comment has been deleted.")},
        )
    return render(request, "discussion/delete.html", {"comment": comment})


@login_required
@require_http_methods(["GET", "POST"])
def report(request, comment_id):
    comment = get_comment(comment_id, status=Comment.Status.APPROVED)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                posting.report(
                    request.user,
                    comment,
                    form.cleaned_data["reason"],
                    form.cleaned_data["note"],
                    ip=client_ip(request),
                )
            except posting.PostingError as error:
                form.add_error(None, error.message)
                status = 429 if isinstance(error, posting.Throttled) else 400
            else:
                return render(
                    request,
                    "discussion/done.html",
                    {
                        "article": comment.article,
                        "message": _("Thank you. A moderator will look at this comment."),
                    },
                )
        else:
            status = 400
    return render(
        request, "discussion/report.html", {"comment": comment, "form": form}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def react(request, comment_id):
    comment = get_comment(comment_id, status=Comment.Status.APPROVED)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if request.method == "GET":
        mine = set(
            Reaction.objects.filter(comment=comment, user=request.user).values_list(
                "kind", flat=True
            )
        )
        return render(
            request,
            "discussion/react.html",
            {"comment": comment, "kinds": Reaction.Kind.choices, "mine": mine},
        )
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": _("Unknown reaction.")}, status=400)
    try:
        on = posting.react(request.user, comment, form.cleaned_data["kind"], ip=client_ip(request))
    except posting.PostingError as error:
        status = 429 if isinstance(error, posting.Throttled) else 400
        if wants_json:
            return JsonResponse({"error": error.message}, status=status)
        return render(
            request,
            "discussion/done.html",
            {"article": comment.article, "message": error.message},
            status=status,
        )
    if wants_json:
        comment.refresh_from_db(fields=["reaction_count"])
        return JsonResponse({"on": on, "count": comment.reaction_count})
    return redirect(f"{comment.article.url}#{comment.anchor}")
