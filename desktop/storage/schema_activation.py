"""Tables of the activation feature (its own migration creates them)."""

from __future__ import annotations

from desktop.storage.schema import Base

__all__ = ["Base"]
