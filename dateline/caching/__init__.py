"""Serving pages fast without ever serving what was retracted (docs/caching.md)."""
