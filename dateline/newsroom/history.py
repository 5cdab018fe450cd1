"""An article's public history: the versions readers were shown, and what changed between them.

Only revisions that were actually published count: those with a `wagtail.publish` (or
`wagtail.publish.scheduled`) entry in Wagtail's page log. Drafts, revisions waiting for review
and scheduled revisions not yet live never appear.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import PageLogEntry, Revision

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
WORDS = re.compile(r"\S+")


@dataclass
class Version:
    number: int
    revision: Revision
    published_at: object


def published_versions(article):
    """The article's published revisions, oldest first, numbered from 1."""
    entries = (
        PageLogEntry.objects.filter(
            page_id=article.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False
        )
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    versions, seen = [], set()
    for entry in entries:
        if entry.revision_id in seen:
            continue
        seen.add(entry.revision_id)
        versions.append(Version(len(versions) + 1, entry.revision, entry.timestamp))
    return versions


def readable_text(article):
    """What a reader reads, as (part, text) pairs: headline, standfirst, then the body."""
    parts = [("title", article.title), ("standfirst", article.standfirst)]
    body = []
    for block in article.body:
        value = block.value
        if block.block_type in {"paragraph", "subheading"}:
            body.append(strip_tags(str(getattr(value, "source", value))))
        elif block.block_type == "quote":
            body.append(str(value["text"]))
        elif block.block_type == "fact_box":
            body.append(str(value["title"]) + " " + strip_tags(str(value["body"].source)))
    parts.append(("body", "\n".join(body)))
    return parts


def word_diff(old, new):
    """A list of (op, text) with op one of "same", "removed", "added", word by word."""
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    segments = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", " ".join(old_words[a1:a2])))
            continue
        if op in ("replace", "delete"):
            segments.append(("removed", " ".join(old_words[a1:a2])))
        if op in ("replace", "insert"):
            segments.append(("added", " ".join(new_words[b1:b2])))
    return segments


def compare(old_revision, new_revision):
    """Per part, the word diff between two revisions and whether that part changed."""
    old_parts = readable_text(old_revision.as_object())
    new_parts = dict(readable_text(new_revision.as_object()))
    return [
        {
            "part": part,
            "segments": word_diff(old_text, new_parts[part]),
            "changed": old_text != new_parts[part],
        }
        for part, old_text in old_parts
    ]
