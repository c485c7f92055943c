"""Operations combining the store, the domain and the formats; used by the CLI and the UI (no Qt)."""
