from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from dateline.news.models import ArticlePage

from .history import compare, published_versions
from .models import NewsroomSettings

PART_LABELS = {"title": _("Headline"), "standfirst": _("Standfirst"), "body": _("Text")}


class ArticleHistoryView(TemplateView):
    """The published versions of a live, public article, and a diff between any two."""

    template_name = "newsroom/article_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not NewsroomSettings.for_request(self.request).public_history:
            raise Http404
        article = get_object_or_404(ArticlePage.objects.published(), pk=self.kwargs["pk"])
        versions = published_versions(article)
        by_number = {version.number: version for version in versions}
        diff = None
        old_number, new_number = self._numbers(len(versions))
        if old_number is not None:
            old, new = by_number.get(old_number), by_number.get(new_number)
            if old is None or new is None:
                raise Http404
            diff = {
                "old": old,
                "new": new,
                "parts": [
                    {**part, "label": PART_LABELS[part["part"]]}
                    for part in compare(old.revision, new.revision)
                ],
            }
        context.update(
            page=article,
            article=article,
            versions=list(reversed(versions)),
            diff=diff,
        )
        return context

    def _numbers(self, count):
        """The versions to compare from ?from=&to=, or the last two; None if fewer than two."""
        params = self.request.GET
        if "from" not in params and "to" not in params:
            return (count - 1, count) if count >= 2 else (None, None)
        try:
            return int(params.get("from", "")), int(params.get("to", ""))
        except ValueError:
            raise Http404 from None
