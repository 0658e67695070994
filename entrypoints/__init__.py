"""Driving adapters (HTTP, CLI) and the composition root."""
