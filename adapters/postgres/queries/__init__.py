"""The read side in SQL, a module per query port. Each call is one statement, built once per
shape and cached, with profiles, `following`, `favorited`, counts and tags inside it; a list
page brings its total count in the same round trip."""
