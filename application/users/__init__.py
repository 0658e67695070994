"""Use cases of user accounts and authentication."""
