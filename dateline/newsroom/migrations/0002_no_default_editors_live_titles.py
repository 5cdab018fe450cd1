"""Wagtail's default "Editors" group goes; live pages are named by their live title.

Wagtail's initial data creates an "Editors" group that adds, edits and publishes pages on the
whole tree and manages the media bank: a role the newsroom does not have (docs/newsroom.md).
It is removed, with its permissions; `setup_roles` removes it too if it comes back.
Live pages whose `draft_title` holds an unpublished headline get their live title there
(dateline/newsroom/titles.py keeps it so from now on).
"""

from django.db import migrations
from django.db.models import F

DEFAULT_EDITORS = "Editors"


def forward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Group.objects.filter(name=DEFAULT_EDITORS).delete()
    Page.objects.filter(live=True).exclude(draft_title=F("title")).update(draft_title=F("title"))


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        # Each of these gives the "Editors" group permissions: run after them.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
