from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from dateline.caching import tags
from dateline.mediabank.renditions import photos_with_renditions
from dateline.news.archives import DayArchiveMixin
from dateline.pagination import paginate_newest

from .editions import EditionPageMixin
from .querysets import ReaderPageManager


class SectionPage(EditionPageMixin, DayArchiveMixin, Page):
    """A desk of the newsroom and a section of the site: Defense, Politics, Economy..."""

    description = models.TextField(
        _("description"), blank=True, help_text=_("One sentence on what the section covers.")
    )

    content_panels = Page.content_panels + [FieldPanel("description")]
    search_fields = Page.search_fields + [index.SearchField("description")]

    objects = ReaderPageManager()

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage", "live.LiveBlogPage"]

    class Meta:
        verbose_name = _("section")

    routing_child_model = "news.ArticlePage"  # live blogs are found the Wagtail way
    query_params = frozenset({"page"})

    def routed_child(self, article):
        if article.section_id == self.pk:
            article.section = self  # shown in its kicker and the masthead: no query
        return article

    def articles(self):
        from .article import ArticlePage

        return ArticlePage.objects.filter(section=self).published().newest_first().for_cards()

    is_section_archive = True

    def archive_articles(self):
        return self.articles()

    def archive_tag(self):
        return f"list-section-{self.pk}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags.add(f"list-section-{self.pk}")
        context["articles"] = articles = paginate_newest(request, self.articles())
        # The first page leads with the newest story, shown once: the grid holds the others.
        lead = articles[0] if articles and articles.number == 1 else None
        if lead is not None and lead.lead_photo_id:
            # Its photo at the lead's sizes (the listing read the cards'): one query.
            lead.lead_photo = photos_with_renditions({lead.lead_photo_id}, "lead").get(
                lead.lead_photo_id, lead.lead_photo
            )
        context["lead"] = lead
        context["others"] = articles[1:] if lead else articles
        return context
