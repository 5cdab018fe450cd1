"""manage.py load_demo: the demo newsroom, its archive and an editor account."""

import time

from django.core.management.base import BaseCommand, CommandError

from dateline.demo import loading


def positive(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Build the demo site: both editions, sections, photos, people, 200 curated articles "
        "(a third translated into Russian) and an editor account. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed",
            type=int,
            default=loading.DEFAULT_SEED,
            help="Seed of the random generator (default %(default)s).",
        )
        parser.add_argument(
            "--articles",
            type=positive,
            metavar="N",
            help="Add bulk archive articles until the site has N English "
            "articles (for benchmarks; up to 1,000,000 and more).",
        )
        parser.add_argument(
            "--curated",
            type=positive,
            default=loading.CURATED,
            metavar="N",
            help="How many curated articles to write (default %(default)s; tests use fewer).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be created without writing anything.",
        )
        parser.add_argument(
            "--no-renditions",
            action="store_true",
            help="Do not pre-generate the photo renditions the site uses.",
        )

    def handle(self, *args, **options):
        opts = loading.Options(
            seed=options["seed"],
            curated=options["curated"],
            articles=options["articles"],
            renditions=not options["no_renditions"],
            progress=options["verbosity"] > 0,
        )
        started = time.monotonic()
        if options["dry_run"]:
            report = loading.survey(opts)
            self.stdout.write("Dry run: nothing was written. A run would create:")
        else:
            try:
                report = loading.load(opts)
            except OverflowError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"Demo loaded in {time.monotonic() - started:.1f} s. Created:")
        for label, count, seconds in report.lines:
            took = f"  ({seconds:.1f} s)" if seconds is not None and seconds >= 0.1 else ""
            self.stdout.write(f"  {count:>9,}  {label}{took}")
        if not options["dry_run"]:
            self.stdout.write("")
            for line in loading.access_lines():
                self.stdout.write(self.style.SUCCESS(line))
