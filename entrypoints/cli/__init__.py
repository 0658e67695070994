"""The `conduit` command line: serving, migrations and batch operations."""
