"""Who in the newsroom sees which pages.

Wagtail lets anyone who may add pages in a section explore all of it, drafts included: a
reporter would read other reporters' unpublished headlines in the explorer, the Articles
listing, the admin search, the page chooser and the admin API. Here a page that is not live
is visible only to those who may edit it (its owner, its section's editors, administrators).
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy


class NewsroomPagePermissionPolicy(PagePermissionPolicy):
    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if self._base_queryset_for_user(user) is not None:  # superuser or inactive
            return pages
        return visible_pages(user, pages, policy=self)


def visible_pages(user, pages, policy=None):
    """`pages` less the unpublished ones the user may not edit."""
    if user.is_active and user.is_superuser:
        return pages
    policy = policy or NewsroomPagePermissionPolicy(Page)
    editable = policy.instances_user_has_permission_for(user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


def register_page_permission_policy():
    register_permission_policy(Page, NewsroomPagePermissionPolicy(Page))
