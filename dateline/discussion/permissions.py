"""Who may change the discussion settings (moderation mode, closing, off) of which pages.

The newsroom's roles give section editors and administrators the model permissions on
DiscussionSettings; on top of them, the settings of a page are theirs only where Wagtail lets
them publish that page: a section editor, their section and its articles. Moderators have
none of this: they moderate comments, they do not decide where discussions happen.
"""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from dateline.news.models import ArticlePage, SectionPage

page_policy = PagePermissionPolicy()
PAGE_TYPES = (ArticlePage, SectionPage)


def may_set(user, page):
    return page_policy.user_has_permission_for_instance(user, "publish", page)


def pages_user_may_set(user):
    return page_policy.instances_user_has_permission_for(user, "publish")


def has_settings(page):
    """Only sections and articles have discussion settings."""
    return isinstance(page, Page) and issubclass(page.specific_class or Page, PAGE_TYPES)
