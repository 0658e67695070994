"""Bulk import and export: the same domain rules as the API, a batch at a time."""
