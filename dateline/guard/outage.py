"""While the database does not answer: a clear 503 with Retry-After, within seconds."""


def register():
    pass
