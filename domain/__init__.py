"""Entities, value objects and rules of Conduit. Standard library only."""
