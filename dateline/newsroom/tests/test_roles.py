"""setup_roles: the groups, their permissions, and each section's review workflow."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupPagePermission, WorkflowState

from dateline.newsroom.roles import (
    ADMINISTRATORS,
    MODERATORS,
    PHOTO_EDITORS,
    REPORTERS,
    section_editors_name,
    setup_roles,
)

from .newsroom_world import newsroom  # noqa: F401  (fixture)


def test_every_role_exists_once_and_running_again_changes_nothing(site):
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    setup_roles()
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == counts
    for name in (REPORTERS, PHOTO_EDITORS, MODERATORS, ADMINISTRATORS):
        assert Group.objects.filter(name=name).count() == 1
    for section in (site.politics, site.defense, site.politics_ru):
        assert Group.objects.filter(name=section_editors_name(section)).count() == 1


def test_moderators_only_enter_the_admin(site):
    setup_roles()
    moderators = Group.objects.get(name=MODERATORS)
    # Besides the discussion's own permissions (given by the discussion app), only the admin.
    outside = moderators.permissions.exclude(content_type__app_label="discussion")
    assert [p.codename for p in outside] == ["access_admin"]
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not moderators.collection_permissions.exists()


def test_section_editors_hold_only_their_section(site):
    setup_roles()
    editors = Group.objects.get(name=section_editors_name(site.politics))
    pages = set(GroupPagePermission.objects.filter(group=editors).values_list("page", flat=True))
    assert pages == {site.politics.pk}
    codenames = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


def test_a_submitted_article_waits_for_its_section_editors(newsroom):  # noqa: F811
    article, reporter = newsroom.own, newsroom.users.reporter
    workflow = article.get_workflow()
    assert workflow.name.startswith("Review: Politics")
    workflow.start(article, reporter)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    task = GroupApprovalTask.objects.get(pk=state.current_task_state.task_id)
    assert list(task.groups.values_list("name", flat=True)) == [
        section_editors_name(newsroom.site.politics)
    ]
    # Who may act on it: the section's editors, not the other section's nor the reporter.
    assert task.get_actions(article, newsroom.users.politics_editor)
    assert not task.get_actions(article, newsroom.users.defense_editor)
    assert not task.get_actions(article, reporter)


def test_send_back_with_a_comment_then_approve_publishes(newsroom):  # noqa: F811
    article, reporter = newsroom.own, newsroom.users.reporter
    editor = newsroom.users.politics_editor
    state = article.get_workflow().start(article, reporter)
    state.current_task_state.task.specific.on_action(
        state.current_task_state, editor, "reject", comment="Name your second source."
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Name your second source."
    article.refresh_from_db()
    assert not article.live

    # The reporter revises and resubmits; the editor approves, which publishes.
    article.save_revision(user=reporter)
    state.resume(reporter)
    state.refresh_from_db()
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    article.refresh_from_db()
    assert article.live


def test_the_newsroom_sees_what_waits_for_whom(newsroom, client):  # noqa: F811
    newsroom.own.get_workflow().start(newsroom.own, newsroom.users.reporter)
    title = newsroom.own.get_admin_display_title()
    client.force_login(newsroom.users.politics_editor)
    assert title in client.get("/admin/").content.decode()
    client.force_login(newsroom.users.defense_editor)
    assert title not in client.get("/admin/").content.decode()
    client.force_login(newsroom.users.reporter)
    # The reporter's own dashboard lists it among their pages in review.
    assert title in client.get("/admin/").content.decode()


def test_submitting_notifies_the_sections_editors(newsroom, mailoutbox):  # noqa: F811
    newsroom.own.get_workflow().start(newsroom.own, newsroom.users.reporter)
    recipients = {address for message in mailoutbox for address in message.to}
    assert newsroom.users.politics_editor.email in recipients
    assert newsroom.users.defense_editor.email not in recipients


def test_a_new_section_gets_its_editors_and_workflow_when_published(site):
    from dateline.news.factories import SectionPageFactory

    setup_roles()
    science = SectionPageFactory(parent=site.home, title="Science", slug="science", publish=True)
    editors = Group.objects.get(name=section_editors_name(science))
    assert GroupPagePermission.objects.filter(group=editors, page=science).count() == 5
    assert GroupPagePermission.objects.filter(
        group__name=REPORTERS, page=science, permission__codename="add_page"
    ).exists()
    assert science.get_workflow().name == "Review: Science (en)"


def test_before_setup_roles_publishing_a_section_creates_no_group(site):
    from dateline.news.factories import SectionPageFactory

    before = Group.objects.count()
    SectionPageFactory(parent=site.home, title="Science", slug="science", publish=True)
    assert Group.objects.count() == before
