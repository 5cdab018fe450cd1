"""The Moderators group: the newsroom admin, and in it only the discussion.

Wagtail's initial data created this group for page moderation, with page and collection
permissions on the whole tree; a comment moderator sees none of that.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("discussion", "comment", "view_comment"),
    ("discussion", "comment", "change_comment"),
    ("discussion", "wordrule", "view_wordrule"),
    ("discussion", "wordrule", "add_wordrule"),
    ("discussion", "wordrule", "change_wordrule"),
    ("discussion", "wordrule", "delete_wordrule"),
    ("discussion", "sanction", "view_sanction"),
    ("discussion", "sanction", "add_sanction"),
    ("discussion", "sanction", "change_sanction"),
    ("discussion", "moderatornote", "view_moderatornote"),
    ("discussion", "moderatornote", "add_moderatornote"),
    ("discussion", "moderationaction", "view_moderationaction"),
]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(group=group).delete()
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(group=group).delete()
    group.permissions.clear()
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # After Wagtail's own data migrations gave the group its page and collection rights.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
