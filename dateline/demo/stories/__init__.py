"""Story archetypes: each one writes a whole news story in English and Russian from a few choices.

A story function receives a Scene (the seeded random generator, the day the news happened and
the cast) and returns a Story. The same choices feed both languages, so the Russian version is
a faithful translation of the English one. The writer (dateline.demo.writer) arranges a Story
into article blocks and adds related cards and photos.
"""

from dataclasses import dataclass

from ..bilingual import Day, T
from ..cast import INTERVIEWS, ORGANISATIONS, PEOPLE, PLACES


@dataclass
class Quote:
    speaker: str  # a person's key in the cast
    text: T
    circumstance: T


@dataclass
class Story:
    headline: T
    standfirst: T
    dateline: object  # a cast Place with a dateline
    lead: list  # paragraphs (T) before the first quote
    quotes: list  # Quote, the first follows the lead
    parts: list  # (subheading T, [paragraph T, ...])
    topics: list  # cast keys: people, organisations, places
    scenes: tuple  # photo scenes that suit the story, best first
    facts: tuple | None = None  # (title T, [item T, ...])


class Scene:
    """What a story function draws on: choices from the seeded generator and the cast."""

    def __init__(self, rng, day):
        self.rng = rng
        self.day = Day(day)

    def one(self, *options):
        return self.rng.choice(options)

    def num(self, low, high, step=1):
        return self.rng.randrange(low, high + 1, step)

    def place(self, *keys):
        return PLACES[self.rng.choice(keys)]

    def person(self, key):
        return PEOPLE[key]

    def org(self, key):
        return ORGANISATIONS[key]

    def said(self, *interviews):
        """Where and when a quote was given: "in an interview with ... on Thursday"."""
        phrase = self.rng.choice(interviews or INTERVIEWS)
        return T(f"{phrase.en} {self.day.on.en}", f"{phrase.ru} {self.day.on.ru}")


REGISTRY = {}


def story(section):
    """Register a story function for a section."""

    def register(function):
        REGISTRY.setdefault(section, []).append(function)
        return function

    return register


def archetypes(section):
    """The story functions of a section, in a stable order."""
    from . import defense, economy, politics, science, world  # noqa: F401  (they register)

    return REGISTRY[section]


__all__ = ["Quote", "Scene", "Story", "T", "archetypes", "story"]
