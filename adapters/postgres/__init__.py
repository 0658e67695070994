"""PostgreSQL through SQLAlchemy 2 (async, asyncpg) with imperative mapping."""
