"""In-memory adapters for fast use-case tests; the contract tests keep them honest."""
