"""One module per campaign schema version."""
