"""Loading the demo site: the editions, the media bank, the people, the news and the archive.

Every step finds what already exists and only adds what is missing, so running the command
twice leaves the same site. The curated part goes through Wagtail's publishing; the archive
(--articles N) is inserted in bulk (see bulk.py).
"""

import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Locale

from dateline.news.models import HomePage
from dateline.news.sitetree import ensure_editions
from dateline.newsroom.roles import setup_roles

from . import articles, bulk, editor, people, photos, sections, writer
from .cast import TAGLINE

DEFAULT_SEED = 2026
CURATED = 200


@dataclass
class Options:
    seed: int = DEFAULT_SEED
    curated: int = CURATED
    articles: int | None = None  # the English total to reach with the archive
    renditions: bool = True
    progress: bool = True


@dataclass
class Report:
    """What a run created (or, in a dry run, would create), by kind, and how long it took."""

    lines: list = field(default_factory=list)  # (label, count, seconds or None)

    def add(self, label, count, seconds=None):
        self.lines.append((label, count, seconds))

    @contextmanager
    def step(self, label):
        """Time a step; the block sets step.count (what it created)."""
        started = time.monotonic()
        outcome = Step()
        yield outcome
        self.add(label, outcome.count, time.monotonic() - started)


@dataclass
class Step:
    count: int = 0


def _bar(options, total, description):
    return tqdm(
        total=total,
        desc=description,
        unit="",
        disable=not options.progress or not total,
        leave=False,
    )


def load(options):
    """Build the demo site. Returns a Report of what was created."""
    report = Report()
    homes = ensure_editions(taglines={"en": TAGLINE.en, "ru": TAGLINE.ru})
    sections.set_taglines(homes)

    specs = photos.catalogue(options.seed)
    found = photos.existing_photos(specs)
    with report.step("photos") as step:
        missing = [spec for spec in specs if spec.title not in found]
        with _bar(options, len(missing), "Painting photos") as bar:
            for spec in missing:
                found[spec.title] = photos.create_photo(spec, timezone.localdate())
                bar.update(1)
        step.count = len(missing)
    if options.renditions:
        with (
            report.step("renditions (photos checked)") as step,
            _bar(options, len(specs), "Renditions") as bar,
        ):
            for spec in specs:
                found[spec.title].get_renditions(*photos.rendition_specs(spec))
                bar.update(1)
            step.count = len(specs)

    portraits = {spec.portrait_of: found[spec.title] for spec in specs if spec.portrait_of}
    with report.step("sections, topics and authors (both editions)") as step:
        step.count = people.missing_people(homes) + sections.missing_sections(homes)
        with transaction.atomic():
            section_pages = sections.ensure_sections(homes)
            topics = people.ensure_topics(homes, portraits)
            authors = people.ensure_authors(homes, portraits)

    drafts = writer.plan_curated(options.seed, options.curated, timezone.now(), specs)
    newsroom = articles.Newsroom(
        section_pages, topics, authors, found, {spec.title: spec.caption for spec in specs}
    )
    with (
        report.step("English articles") as step,
        _bar(options, len(drafts), "English articles") as bar,
    ):
        step.count = articles.ensure_english(drafts, newsroom, bar)
    with (
        report.step("Russian translations") as step,
        _bar(options, sum(d.translated for d in drafts), "Russian translations") as bar,
    ):
        step.count = articles.ensure_russian(drafts, newsroom, bar)

    if options.articles:
        with (
            report.step("archive articles (bulk)") as step,
            _bar(options, bulk.missing(options.articles), "Archive articles") as bar,
        ):
            step.count = bulk.fill(options.articles, options.seed, bar)

    _, created = editor.ensure_editor()
    report.add("editor account", int(created))
    # The newsroom's roles and each section's review workflow, as a real install has them.
    with report.step("newsroom role groups (created or brought up to date)") as step:
        step.count = len(setup_roles())
    return report


def survey(options):
    """What load() would create, without writing anything (the dry run)."""
    report = Report()
    locales = Locale.objects.filter(language_code__in=["en", "ru"])
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.filter(locale__in=locales).select_related("locale")
    }
    if set(homes) != {"en", "ru"}:
        homes = {}
    specs = photos.catalogue(options.seed)
    report.add("photos", len(specs) - len(photos.existing_photos(specs)))
    report.add(
        "sections, topics and authors (both editions)",
        sections.missing_sections(homes) + people.missing_people(homes),
    )
    drafts = writer.plan_curated(options.seed, options.curated, timezone.now(), specs)
    en_missing, ru_missing = articles.missing(drafts)
    report.add("English articles", en_missing)
    report.add("Russian translations", ru_missing)
    if options.articles:
        existing = bulk.english_articles().count()
        report.add("archive articles (bulk)", max(0, options.articles - existing - en_missing))
    report.add("editor account", int(not editor.exists()))
    return report


def access_lines():
    """The block printed at the end: where the site is and how to log in."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return [
        f"Site:     {base}/",
        f"Admin:    {base}/admin/",
        f"Username: {editor.USERNAME}",
        f"Password: {editor.password()}",
    ]
