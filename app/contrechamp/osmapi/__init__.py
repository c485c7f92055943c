"""OpenStreetMap API 0.6 client: OAuth 2.0 PKCE, changesets, upload. No Qt."""
