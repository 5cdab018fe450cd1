"""Indexes on Wagtail's page table for the newsroom's Articles listing at 1,000,000 articles.

- latest_revision_created_at, newest first with NULLs last: the listing's default order
  (Wagtail leaves it unindexed; sorting a million rows took a second).
- The top of the tree (depth 1 and 2): Wagtail asks for the root pages on every admin view,
  which read the whole table without an index on depth.
"""

from django.db import migrations

INDEXES = {
    "news_page_latest_revision": {
        "postgresql": "ON wagtailcore_page (latest_revision_created_at DESC NULLS LAST)",
        "default": "ON wagtailcore_page (latest_revision_created_at DESC)",
    },
    "news_page_top_levels": {"default": "ON wagtailcore_page (depth, path) WHERE depth <= 2"},
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, definitions in INDEXES.items():
        definition = definitions.get(vendor, definitions["default"])
        schema_editor.execute(f"CREATE INDEX {name} {definition}")


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX {name}")


class Migration(migrations.Migration):
    dependencies = [("news", "0004_archive_listing_indexes")]

    operations = [migrations.RunPython(create, drop)]
