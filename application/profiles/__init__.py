"""Use cases of profiles and follows."""
