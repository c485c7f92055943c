"""The visual glossary: drawings of the kinds of cameras walkers meet, with their OSM tags."""
