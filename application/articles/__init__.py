"""Use cases of articles, the feed and favorites."""
