"""The OSM API 0.6 client: OAuth 2.0 login (PKCE), tokens, changesets, diff uploads, retries.

No Qt and no survey file here: ``ops/upload.py`` joins this package to the survey.
"""
