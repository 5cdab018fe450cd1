from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import ArticlePage


class ArticleListingViewSet(PageListingViewSet):
    """The newsroom's flat list of articles across sections and editions, newest first."""

    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 150
    add_to_admin_menu = True
    name = "articles"


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet()
