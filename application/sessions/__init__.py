"""Use cases of sign-in sessions: refresh, log out, list, revoke, purge."""
