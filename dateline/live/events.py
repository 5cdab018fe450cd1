"""What travels on a live stream: an event with an id, a type and text data, in SSE framing."""

from dataclasses import dataclass, field


def parse_id(value):
    """An event id ("<milliseconds>-<sequence>") as a comparable tuple, or None if malformed."""
    if not value:
        return None
    ms, _, seq = str(value).strip().partition("-")
    try:
        return (int(ms), int(seq or 0))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event: str
    data: str
    key: tuple = field(init=False, compare=False)
    encoded: bytes = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "key", parse_id(self.id))
        lines = "".join(f"data: {line}\n" for line in self.data.split("\n"))
        # Encoded once, sent to every subscriber as is.
        object.__setattr__(
            self, "encoded", f"id: {self.id}\nevent: {self.event}\n{lines}\n".encode()
        )
