"""Guards on every request: bounded bodies and searches, and a clear 503 while the database
does not answer (docs/security.md, "Requests: bodies, inputs, errors" and "When the database
freezes")."""
