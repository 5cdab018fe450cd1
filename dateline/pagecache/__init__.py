"""The page cache: public pages for anonymous readers, stored once rendered and served without
rendering, refreshed precisely when anything they show changes. See docs/caching.md."""
