"""Signals the live app sends, for apps built on it (the page cache purges on alert_changed)."""

from django.dispatch import Signal

# Sent after an edition's breaking-news alert was raised, changed or retired; kwargs: language.
alert_changed = Signal()
