"""Readers and writers of camera files: OSM XML/PBF, osmChange, GeoJSON, CSV, GPX... No Qt."""
