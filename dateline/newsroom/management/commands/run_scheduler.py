from django.core.management.base import BaseCommand

from dateline.newsroom.scheduler import INTERVAL_SECONDS, run_due, run_forever


class Command(BaseCommand):
    help = (
        "Publish scheduled articles and unpublish expired ones when they fall due "
        "(every 20 seconds; --once to run a single pass). Safe to run in several processes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")
        parser.add_argument("--interval", type=int, default=INTERVAL_SECONDS)

    def handle(self, *args, once=False, interval=INTERVAL_SECONDS, **options):
        if once:
            published, expired = run_due()
            self.stdout.write(f"Published {len(published)}, unpublished {len(expired)}.")
            return
        run_forever(interval=interval)
