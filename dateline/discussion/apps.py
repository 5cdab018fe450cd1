from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "dateline.discussion"
    label = "discussion"
    verbose_name = _("Discussion")

    def ready(self):
        from dateline.accounts.personal_data import register
        from dateline.news import extensions

        from . import personal_data, public

        register("discussion", export=personal_data.export, erase=personal_data.erase)
        extensions.register_article_section(
            "discussion",
            "discussion/includes/article_discussion.html",
            get_context=public.article_context,
            query_params=("sort", "comments"),
        )
        extensions.register_page_script("discussion", "discussion/includes/scripts.html")
