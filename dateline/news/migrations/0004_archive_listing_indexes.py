"""Indexes for the archive at 1,000,000 articles (issue 5).

- Reader listings: (section, published_at, key) and (published_at, key), newest first, so
  that a page's keys come from the index alone (see dateline/pagination.py).
- Pages hidden from readers (not live): a small partial index on Wagtail's page table, which
  answers ArticleQuerySet.published()'s "not among the hidden pages" subquery without reading
  the million live rows.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_articlecorrection_homepinnedstory"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="articlepage", name="news_article_section_newest"),
        migrations.RemoveIndex(model_name="articlepage", name="news_article_newest"),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(
                fields=["section", "-published_at", "-page_ptr"],
                name="news_article_section_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(fields=["-published_at", "-page_ptr"], name="news_article_newest"),
        ),
        migrations.RunSQL(
            "CREATE INDEX news_page_hidden ON wagtailcore_page (id) WHERE NOT live",
            "DROP INDEX news_page_hidden",
        ),
    ]
