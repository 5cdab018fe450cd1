"""manage.py prune_url_index [--dry-run]: forget URLs no shared cache can hold any more."""

from django.core.management.base import BaseCommand

from dateline.caching import index


class Command(BaseCommand):
    help = "Forget the URLs of the URL index that no shared cache can hold any more."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count them, delete nothing")

    def handle(self, *args, dry_run=False, **options):
        count = index.prune(dry_run=dry_run)
        verb = "would forget" if dry_run else "forgot"
        self.stdout.write(f"{verb} {count} URL(s) not served for {index.FORGET_AFTER}")
