"""The read side over the committed state of an `InMemoryStore`, a module per query port,
as in `adapters.postgres.queries`."""
