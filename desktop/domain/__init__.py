"""Pure rules of License Desk. Imports nothing from Qt, SQLAlchemy or the rest of the app."""
