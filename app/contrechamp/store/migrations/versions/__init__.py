"""One module per schema version of the survey file."""
