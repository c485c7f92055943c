"""Run under a real Secret Service: save a token for a server, read it back in a new store,
print JSON ``{"saved": place, "loaded": place, "token": token}`` (for test_tokens.py)."""

from __future__ import annotations

import json
import sys

from contrechamp.osmapi.servers import OsmServer
from contrechamp.osmapi.tokens import TokenStore

server = OsmServer(sys.argv[1], sys.argv[1])
saved = TokenStore().save(server, sys.argv[2])
found = TokenStore().load(server)
import keyring  # noqa: E402

print(
    json.dumps(
        {
            "saved": saved.place,
            "reason": saved.reason,
            "loaded": found[1].place if found else None,
            "token": found[0] if found else None,
            "backend": type(keyring.get_keyring()).__name__,
        }
    )
)
