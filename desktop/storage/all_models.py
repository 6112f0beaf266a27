"""Import every table module so that ``Base.metadata`` is complete (Alembic, tests)."""

from desktop.storage import (  # noqa: F401
    schema,
    schema_activation,
    schema_bases,
    schema_renewals,
)
from desktop.storage.schema import Base

__all__ = ["Base", "metadata"]

metadata = Base.metadata
