"""Use cases of comments."""
