"""Logs, metrics and traces of the running service."""
