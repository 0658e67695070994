"""Use cases of administrators: accounts, roles, suspension, the audit trail."""
