"""Use cases of tags."""
