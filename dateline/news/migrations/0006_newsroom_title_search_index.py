"""An index for the newsroom's Articles search at 1,000,000 articles (PostgreSQL only).

The listing searches the title column itself (`autocomplete(..., fields=["title"])`): Wagtail's
backend then matches `setweight(to_tsvector('simple', COALESCE(title, '')), 'D')` on the page
row instead of joining its index table through `page.id::varchar = object_id`, a join that can
only be walked from the page side. This GIN index holds that exact expression (a different
spelling would not be used), so a rare word is found through the index and a capped count of
a common one reads only the first matching rows. `news/tests/test_scale.py` checks that the
search's SQL can use it. Elsewhere (SQLite) the backend keeps its own index.
"""

from django.db import migrations

NAME = "news_page_title_autocomplete"
EXPRESSION = "setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'D')"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {NAME} ON wagtailcore_page USING gin ({EXPRESSION})")
        # The planner's word frequencies for the expression come from ANALYZE: without them
        # it guessed how common a word is and walked the whole archive for a rare one.
        schema_editor.execute("ANALYZE wagtailcore_page")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX {NAME}")


class Migration(migrations.Migration):
    dependencies = [("news", "0005_newsroom_listing_indexes")]

    operations = [migrations.RunPython(create, drop)]
