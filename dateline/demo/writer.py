"""The demo's editorial plan: which stories run when, by whom, with which photos and cards.

plan_curated() turns a seed into a list of Drafts: one per curated article, with its story in
both languages, its publication time, authors, lead photo, related articles (earlier drafts)
and whether it is translated into Russian. body() lays a draft out as StreamField blocks for one
language, once the pages and photos it refers to exist.

Each draft has its own random generator seeded from (seed, index), so changing one story's
wording does not reshuffle every other article; publication times come from a separate
generator because they depend on the day the command runs.
"""

import html
import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.utils.text import slugify

from .cast import AUTHORS, SECTIONS
from .stories import Scene, archetypes
from .stories.background import BACKGROUND, HEADINGS

ARCHIVE_DAYS = 60
SLUG_LENGTH = 80
# A fixed namespace makes translation keys (and block ids) a function of the seed and index.
NAMESPACE = uuid.UUID("5b0a3c58-6d6e-4f8e-9c41-1f2f8e6a7d10")


@dataclass
class Draft:
    index: int
    key: uuid.UUID  # the translation key shared by the English page and its translation
    section: str
    slug: str
    published_at: object
    story: object
    authors: list
    lead_photo: str  # photo title
    inline_photo: str | None
    related: list  # indexes of earlier drafts
    translated: bool
    with_facts: bool
    updated_at: object  # set when the story was updated after publication
    background: tuple | None  # (subheading T, [paragraph T]) closing the article


def is_translated(index):
    """Three articles in ten, spread over all sections, get a Russian translation."""
    return (index // len(SECTIONS)) % 10 in (0, 4, 7)


def publication_times(seed, count, now):
    """count times over the last ARCHIVE_DAYS days, oldest first, in newsroom hours."""
    rng = random.Random(f"{seed}:times")
    start = now - timedelta(days=ARCHIVE_DAYS)
    step = timedelta(days=ARCHIVE_DAYS) / max(count, 1)
    times = []
    for i in range(count):
        moment = start + step * i + step * rng.random()
        moment = moment.replace(
            hour=rng.randint(6, 21), minute=rng.randrange(60), second=0, microsecond=0
        )
        times.append(min(moment, now - timedelta(minutes=5)))
    return sorted(times)


def story_day(moment):
    """Stories filed in the early morning report what happened the day before."""
    return (moment - timedelta(days=1)).date() if moment.hour < 9 else moment.date()


def plan_curated(seed, count, now, photos):
    """The curated articles, oldest first. photos: the photo catalogue (PhotoSpec list)."""
    scene_photos = {}
    for spec in photos:
        if not spec.portrait_of:
            scene_photos.setdefault(spec.scene, []).append(spec.title)
    times = publication_times(seed, count, now)
    drafts = []
    headlines = {slug: set() for slug, _, _ in SECTIONS}
    slugs = {slug: set() for slug, _, _ in SECTIONS}
    order = {}
    for slug, _, _ in SECTIONS:
        stories = list(archetypes(slug))
        random.Random(f"{seed}:{slug}").shuffle(stories)
        order[slug] = stories
    for index in range(count):
        section = SECTIONS[index % len(SECTIONS)][0]
        stories = order[section]
        write = stories[(index // len(SECTIONS)) % len(stories)]
        day = story_day(times[index])
        # A story whose headline already ran is rewritten from another draw of the generator.
        for attempt in range(12):
            rng = random.Random(f"{seed}:{index}:{attempt}")
            story = write(Scene(rng, day))
            if story.headline.en not in headlines[section]:
                break
        headlines[section].add(story.headline.en)
        slug = _unique_slug(story.headline.en, slugs[section])
        translated = is_translated(index)
        drafts.append(
            Draft(
                index=index,
                key=uuid.uuid5(NAMESPACE, f"{seed}:article:{index}"),
                section=section,
                slug=slug,
                published_at=times[index],
                story=story,
                authors=_authors(rng, section),
                lead_photo=_photo(rng, story.scenes, scene_photos),
                inline_photo=(
                    _photo(rng, story.scenes[1:] or story.scenes, scene_photos)
                    if rng.random() < 0.35
                    else None
                ),
                related=_related(rng, drafts, section, story, translated),
                translated=translated,
                with_facts=story.facts is not None and rng.random() < 0.7,
                updated_at=_updated(rng, times[index], now),
                background=_background(rng, section),
            )
        )
    for draft in drafts:
        draft.related = draft.related[: len(_card_spots(_content(draft)))]
    return drafts


def _updated(rng, published_at, now):
    """One story in six is updated a few hours after it ran."""
    if rng.random() >= 1 / 6:
        return None
    return min(published_at + timedelta(hours=rng.randint(1, 9)), now)


def _background(rng, section):
    if rng.random() < 0.25:
        return None
    return rng.choice(HEADINGS), rng.sample(BACKGROUND[section], rng.choice((1, 2)))


def _unique_slug(headline, taken):
    base = slugify(headline)[:SLUG_LENGTH].strip("-")
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _authors(rng, section):
    desk = [a.key for a in AUTHORS.values() if section in a.desks]
    return rng.sample(desk, 2 if rng.random() < 0.3 and len(desk) > 1 else 1)


def _photo(rng, scenes, scene_photos):
    # Most often the story's first choice of scene, sometimes its second or third.
    for scene in scenes:
        if scene in scene_photos and rng.random() < 0.75:
            return rng.choice(scene_photos[scene])
    return rng.choice(scene_photos[scenes[0]])


def _related(rng, drafts, section, story, translated):
    """Two or three earlier stories, by topic first, then by section; none for one in ten.

    A translated article only links to translated ones, so its Russian cards all exist.
    """
    if rng.random() < 0.1:
        return []
    pool = [d for d in drafts[-60:] if d.translated or not translated]
    topics = set(story.topics)
    by_topic = [d for d in pool if topics & set(d.story.topics)]
    by_section = [d for d in pool if d.section == section and d not in by_topic]
    ranked = by_topic[::-1] + by_section[::-1]
    wanted = rng.choice((2, 3))
    chosen = rng.sample(ranked[:8], min(wanted, len(ranked[:8])))
    return sorted(d.index for d in chosen)


# --- the article body ---------------------------------------------------------------------


def _content(draft):
    """The body without its related cards."""
    story = draft.story
    quotes = list(story.quotes)
    blocks = [("paragraph", p) for p in story.lead]
    if quotes:
        blocks.append(("quote", quotes.pop(0)))
    for n, (heading, paragraphs) in enumerate(story.parts):
        blocks.append(("subheading", heading))
        blocks.extend(("paragraph", p) for p in paragraphs)
        if n == 0 and draft.inline_photo:
            blocks.append(("photo", draft.inline_photo))
        if quotes:
            blocks.append(("quote", quotes.pop(0)))
        if n == 0 and draft.with_facts:
            blocks.append(("fact_box", story.facts))
    if draft.background:
        heading, paragraphs = draft.background
        blocks.append(("subheading", heading))
        blocks.extend(("paragraph", p) for p in paragraphs)
    return blocks


def _card_spots(blocks):
    """Where related cards may go: after a paragraph, never at the very end."""
    return [i for i, (kind, _) in enumerate(blocks[:-1]) if kind == "paragraph"]


def layout(draft):
    """The body as language-neutral blocks: ("paragraph", T), ("quote", Quote), ...

    Related cards are spread through the article, one after a paragraph each.
    """
    blocks = _content(draft)
    after, cards = _card_spots(blocks), draft.related
    # plan_curated keeps no more cards than spots, so these spots are all distinct.
    spots = [after[int((j + 0.5) * len(after) / len(cards))] for j in range(len(cards))]
    for spot, article in sorted(zip(spots, cards, strict=True), reverse=True):
        blocks.insert(spot + 1, ("related", article))
    return blocks


def body(draft, language, pages, photo_ids, captions):
    """StreamField data for one language.

    pages: {"person": {key: page id}, "article": {draft index: page id}} in that language;
    photo_ids: {title: id}; captions: {title: T} for photo captions in the right language.
    """
    data = []
    for position, (kind, value) in enumerate(layout(draft)):
        block_id = str(uuid.uuid5(draft.key, str(position)))
        if kind == "paragraph":
            data.append(_block(kind, f"<p>{html.escape(value.get(language))}</p>", block_id))
        elif kind == "subheading":
            data.append(_block(kind, value.get(language), block_id))
        elif kind == "quote":
            data.append(
                _block(
                    kind,
                    {
                        "text": value.text.get(language),
                        "speaker": pages["person"][value.speaker],
                        "circumstance": value.circumstance.get(language),
                    },
                    block_id,
                )
            )
        elif kind == "related":
            if value in pages["article"]:
                data.append(_block(kind, {"article": pages["article"][value]}, block_id))
        elif kind == "photo":
            caption = captions[value].get(language) if language != "en" else ""
            data.append(_block(kind, {"photo": photo_ids[value], "caption": caption}, block_id))
        elif kind == "fact_box":
            title, items = value
            facts = "".join(f"<li>{html.escape(item.get(language))}</li>" for item in items)
            data.append(
                _block(kind, {"title": title.get(language), "body": f"<ul>{facts}</ul>"}, block_id)
            )
    return data


def _block(kind, value, block_id):
    return {"type": kind, "value": value, "id": block_id}


def speakers(draft):
    return [block.speaker for kind, block in layout(draft) if kind == "quote"]


def topics(draft):
    """The story's topics plus everyone quoted in it, each once."""
    return list(dict.fromkeys([*draft.story.topics, *speakers(draft)]))
