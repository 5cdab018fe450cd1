"""The newsroom's roles as Django groups with Wagtail permissions, created idempotently.

- Reporters: add articles in every section; Wagtail lets the owner of a page edit it (and
  submit it for review), never publish it, and hides other people's drafts.
- Section editors, one group per section page (per edition): add, edit, publish, lock and
  unlock pages in that section only, and submit translations; raise and retire breaking-news
  alerts; a review workflow per section sends reporters' submissions to that section's editors.
- Photo editors: the media bank (add, change, delete, choose photos and documents).
- Moderators: the admin only; the discussion app gives them its own permissions.
- Administrators: everything in the page tree, the media bank, users and settings.

Wagtail's initial data also creates an "Editors" group with rights on every page: the
newsroom has no such role, so it is removed (migration 0002 and `setup_roles`).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REPORTERS = "Reporters"
PHOTO_EDITORS = "Photo editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"
SECTION_EDITORS_PREFIX = "Section editors: "
# Wagtail's initial data: every page on the tree and the media bank. Not a newsroom role.
WAGTAIL_DEFAULT_EDITORS = "Editors"

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
SUBMIT_TRANSLATION = ("simple_translation", "submit_translation")
SECTION_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
ALL_PAGE_PERMISSIONS = (*SECTION_PAGE_PERMISSIONS, "bulk_delete_page")
# Wagtail checks custom image models against the permissions of its own Image model.
CHOOSE_PHOTOS = (("wagtailimages", "choose_image"),)
MEDIA_BANK = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
)
# Breaking news (the live app): raise an alert, and retire it by editing (untick "active").
LIVE_ALERTS = (("live", "add_alert"), ("live", "change_alert"))
ADMINISTRATION = (
    *LIVE_ALERTS,
    ("live", "delete_alert"),
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    ("accounts", "add_user"),
    ("accounts", "change_user"),
    ("accounts", "delete_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("auth", "delete_group"),
    ("wagtailcore", "add_site"),
    ("wagtailcore", "change_site"),
    ("wagtailcore", "add_locale"),
    ("wagtailcore", "change_locale"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
    ("newsroom", "change_newsroomsettings"),
)
# Pre/post-moderation, closing and turning off discussions; the discussion app limits each
# editor to the pages they may publish (dateline/discussion/permissions.py).
DISCUSSION_SETTINGS = (
    ("discussion", "view_discussionsettings"),
    ("discussion", "add_discussionsettings"),
    ("discussion", "change_discussionsettings"),
    ("discussion", "delete_discussionsettings"),
)


def _permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _set_model_permissions(group, pairs):
    wanted = [p for p in (_permission(app, code) for app, code in pairs) if p is not None]
    group.permissions.set(wanted)


def _set_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _set_collection_permissions(group, pairs):
    root = Collection.get_first_root_node()
    for app, code in pairs:
        permission = _permission(app, code)
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def section_editors_name(section):
    return f"{SECTION_EDITORS_PREFIX}{section.title} ({section.locale.language_code})"


def section_workflow_name(section):
    return f"Review: {section.title} ({section.locale.language_code})"


@transaction.atomic
def setup_roles():
    """Create or bring up to date every role group and each section's review workflow.

    Returns the groups by name. Safe to run again, after new sections were added.
    """
    from dateline.news.models import SectionPage

    Group.objects.filter(name=WAGTAIL_DEFAULT_EDITORS).delete()
    groups = {}
    for name in (REPORTERS, PHOTO_EDITORS, MODERATORS, ADMINISTRATORS):
        groups[name], _created = Group.objects.get_or_create(name=name)

    # Moderators keep the discussion: Wagtail's initial data gave this group page and
    # collection permissions on the whole tree, which a moderator must not have.
    moderators = groups[MODERATORS]
    GroupPagePermission.objects.filter(group=moderators).delete()
    GroupCollectionPermission.objects.filter(group=moderators).delete()
    moderators.permissions.remove(
        *moderators.permissions.exclude(content_type__app_label="discussion")
    )
    moderators.permissions.add(_permission(*ACCESS_ADMIN))
    # Wagtail's default workflow sends every page to the Moderators: sections have their own.
    moderator_tasks = GroupApprovalTask.objects.filter(groups=moderators).values("pk")
    WorkflowPage.objects.filter(workflow__workflow_tasks__task__in=moderator_tasks).delete()

    _set_model_permissions(groups[REPORTERS], [ACCESS_ADMIN])
    _set_collection_permissions(groups[REPORTERS], CHOOSE_PHOTOS)
    _set_model_permissions(groups[PHOTO_EDITORS], [ACCESS_ADMIN])
    _set_collection_permissions(groups[PHOTO_EDITORS], MEDIA_BANK)
    _set_model_permissions(groups[ADMINISTRATORS], (*ADMINISTRATION, *DISCUSSION_SETTINGS))
    _set_collection_permissions(
        groups[ADMINISTRATORS],
        (*MEDIA_BANK, ("wagtailcore", "add_collection"), ("wagtailcore", "change_collection")),
    )
    root = Page.get_first_root_node()
    _set_page_permissions(groups[ADMINISTRATORS], root, ALL_PAGE_PERMISSIONS)

    for section in SectionPage.objects.select_related("locale").order_by("path"):
        editors = setup_section(section, groups[REPORTERS])
        groups[editors.name] = editors
    return groups


def setup_section(section, reporters):
    """One section's share of the roles: reporters add there, its editors, its workflow."""
    # Reporters add articles in every section; owning an article lets them edit it.
    _set_page_permissions(reporters, section, ("add_page",))
    editors, _created = Group.objects.get_or_create(name=section_editors_name(section))
    _set_model_permissions(
        editors, [ACCESS_ADMIN, SUBMIT_TRANSLATION, *LIVE_ALERTS, *DISCUSSION_SETTINGS]
    )
    _set_collection_permissions(editors, CHOOSE_PHOTOS)
    _set_page_permissions(editors, section, SECTION_PAGE_PERMISSIONS)
    _ensure_section_workflow(section, editors)
    return editors


def section_published(sender, instance, **kwargs):
    """A new section gets its editors and review workflow once the roles have been set up."""
    from dateline.news.models import SectionPage

    if not isinstance(instance, SectionPage):
        return
    reporters = Group.objects.filter(name=REPORTERS).first()
    if reporters is not None:
        with transaction.atomic():
            setup_section(instance, reporters)


def _ensure_section_workflow(section, editors):
    workflow, _created = Workflow.objects.get_or_create(name=section_workflow_name(section))
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=f"Approval by {editors.name}").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"Approval by {editors.name}")
    task.groups.set([editors])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
