"""Text written twice, in English and Russian, and the small grammar both editions need.

The demo writes every story in both languages from the same choices, so a Russian translation
says what its English original says. Russian needs noun forms agreeing with numbers and
weekdays in the accusative ("во вторник"), which this module spells out.
"""

from datetime import date
from typing import NamedTuple


class T(NamedTuple):
    """One piece of text in both editions' languages."""

    en: str
    ru: str

    def get(self, language):
        return self.ru if language == "ru" else self.en

    def __add__(self, other):
        return T(self.en + other.en, self.ru + other.ru)


def join(*parts, sep=" "):
    return T(sep.join(p.en for p in parts), sep.join(p.ru for p in parts))


def ru_plural(number, one, few, many):
    """The Russian noun form for a count: 1 корабль, 2 корабля, 5 кораблей, 21 корабль."""
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


def ru_number(number):
    """Russian groups thousands with a (non-breaking) space from five digits: 12 500, 2400."""
    return f"{number:,}".replace(",", "\u00a0") if number >= 10_000 else str(number)


def number(value):
    """An integer as each language writes it: 12,500 and 12 500."""
    return T(f"{value:,}", ru_number(value))


def count(value, en_one, en_many, ru_one, ru_few, ru_many):
    """A number with its noun in both languages: count(3, "ship", "ships", ...)."""
    en = f"{value:,} {en_one if value == 1 else en_many}"
    return T(en, f"{ru_number(value)} {ru_plural(value, ru_one, ru_few, ru_many)}")


WEEKDAYS = (
    ("Monday", "в понедельник"),
    ("Tuesday", "во вторник"),
    ("Wednesday", "в среду"),
    ("Thursday", "в четверг"),
    ("Friday", "в пятницу"),
    ("Saturday", "в субботу"),
    ("Sunday", "в воскресенье"),
)


class Day(NamedTuple):
    """The weekday a story happened on, as a lead dates it: "on Thursday", "в четверг"."""

    when: date

    @property
    def on(self):
        en, ru = WEEKDAYS[self.when.weekday()]
        return T(f"on {en}", ru)

    @property
    def name(self):
        return T(WEEKDAYS[self.when.weekday()][0], WEEKDAYS[self.when.weekday()][1].split()[-1])
