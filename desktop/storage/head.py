"""The schema revision this build writes (checked against the migration scripts by a test).

Kept apart from desktop.storage.migrate so that reading it imports neither Alembic
nor SQLAlchemy (desktop.storage.fastread checks it before the first paint).
"""

HEAD = "0008_scale"
