"""Reactions to page events Wagtail owns (we do not own the move action, so we listen)."""

from wagtail.signals import post_page_move

from .models import ArticlePage


def keep_article_section_after_move(sender, instance, **kwargs):
    # Wagtail saves a moved page as a plain Page, so ArticlePage.save() does not run.
    if not issubclass(sender, ArticlePage):
        return
    article = ArticlePage.objects.get(pk=instance.pk)
    article.sync_listing_fields()
    ArticlePage.objects.filter(pk=article.pk).update(section=article.section)


def register_signal_handlers():
    post_page_move.connect(keep_article_section_after_move, dispatch_uid="news_article_moved")
