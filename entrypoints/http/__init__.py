"""The Litestar application: controllers, wire structs, error mapping."""
