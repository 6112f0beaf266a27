"""SQLAlchemy store: engine, tables, migrations, repositories, read-side queries."""
