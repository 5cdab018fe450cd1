"""A reader's own data across apps: what each app exports, and how it erases it.

Apps built on accounts register here from their AppConfig.ready(); accounts imports none
of them.
"""

from dataclasses import dataclass

_registry = {}


@dataclass(frozen=True)
class Source:
    export: object = None  # callable(user) -> JSON-serialisable data
    erase: object = None  # callable(user) -> None, run before the user is deleted


def register(name, export=None, erase=None):
    _registry[name] = Source(export=export, erase=erase)


def export(user):
    data = {
        "account": {
            "username": user.username,
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "notify_replies": user.notify_replies,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.all()
            ],
        }
    }
    for name, source in sorted(_registry.items()):
        if source.export:
            data[name] = source.export(user)
    return data


def erase(user):
    """Anonymise what others still see, delete the rest, then the account itself."""
    for source in _registry.values():
        if source.erase:
            source.erase(user)
    user.delete()
