"""Operations over the store, the domain and the formats, shared by the CLI and the UI (no Qt)."""
