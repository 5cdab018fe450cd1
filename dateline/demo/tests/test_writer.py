"""The editorial plan and the bilingual writing: deterministic, varied, consistent."""

from collections import Counter
from datetime import UTC, date, datetime

from dateline.demo import photos, writer
from dateline.demo.bilingual import Day, count, ru_plural
from dateline.demo.cast import PEOPLE, SECTIONS, TOPICS

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def plan(seed=2026, size=200):
    return writer.plan_curated(seed, size, NOW, photos.catalogue(seed))


def test_russian_numbers_agree_with_their_nouns():
    assert [ru_plural(n, "корабль", "корабля", "кораблей") for n in (1, 2, 5, 11, 21, 24, 112)] == [
        "корабль",
        "корабля",
        "кораблей",
        "кораблей",
        "корабль",
        "корабля",
        "кораблей",
    ]
    assert count(12500, "ship", "ships", "корабль", "корабля", "кораблей").en == "12,500 ships"
    assert (
        count(12500, "ship", "ships", "корабль", "корабля", "кораблей").ru == "12\u00a0500 кораблей"
    )


def test_weekdays_date_the_news_in_both_languages():
    tuesday = Day(date(2026, 11, 17))
    assert tuesday.on.en == "on Tuesday" and tuesday.on.ru == "во вторник"
    assert Day(date(2026, 11, 18)).on.ru == "в среду"


def test_the_plan_is_the_same_for_the_same_seed_and_differs_for_another():
    first, again, other = plan(), plan(), plan(seed=7)
    assert [d.story.headline for d in first] == [d.story.headline for d in again]
    assert [d.key for d in first] == [d.key for d in again]
    assert [d.story.headline for d in first] != [d.story.headline for d in other]


def test_the_default_plan_covers_the_brief():
    drafts = plan()
    assert len(drafts) == 200
    assert Counter(d.section for d in drafts) == {slug: 40 for slug, _, _ in SECTIONS}
    translated = [d for d in drafts if d.translated]
    assert len(translated) >= 50
    assert {d.section for d in translated} == {slug for slug, _, _ in SECTIONS}
    # Headlines and slugs do not repeat within a section.
    for slug, _, _ in SECTIONS:
        section = [d for d in drafts if d.section == slug]
        assert len({d.story.headline.en for d in section}) == len(section)
        assert len({d.slug for d in section}) == len(section)
    times = [d.published_at for d in drafts]
    assert times == sorted(times) and (times[-1] - times[0]).days >= 55
    assert sum(2 <= len(d.related) <= 3 for d in drafts) >= 150
    assert sum(d.inline_photo is not None for d in drafts) >= 40
    assert sum(d.with_facts for d in drafts) >= 40


def test_related_cards_point_back_and_translations_only_to_translations():
    drafts = plan()
    by_index = {d.index: d for d in drafts}
    for draft in drafts:
        for index in draft.related:
            assert index < draft.index
            assert by_index[index].published_at <= draft.published_at
            if draft.translated:
                assert by_index[index].translated


def test_every_story_is_written_in_both_languages_with_known_people():
    for draft in plan(size=60):
        story = draft.story
        for text in (story.headline, story.standfirst, *story.lead):
            assert text.en and text.ru and text.en != text.ru
        assert story.standfirst.en.count(" on ") >= 1, story.standfirst.en
        assert set(story.topics) <= set(TOPICS)
        assert story.quotes and all(q.speaker in PEOPLE for q in story.quotes)
        assert set(writer.speakers(draft)) <= set(writer.topics(draft))
        assert story.dateline.dateline is not None
        layout = [kind for kind, _ in writer.layout(draft)]
        assert layout[-1] != "related" and layout.count("related") == len(draft.related)
