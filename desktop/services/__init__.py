"""Use cases. They take a unit of work, return plain DTOs and raise DomainError.

No Qt and no SQLAlchemy here (tests/unit/test_architecture.py holds that line):
storage implements the ports declared in ``desktop.services.ports``.
"""
