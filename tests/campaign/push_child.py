"""A pusher in a process of its own (the concurrency test starts several at once).

``python push_child.py SURVEY URL GO_FILE``: imports everything, then waits for GO_FILE to
appear so that all pushers start together, pushes, and prints the result as one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from contrechamp.ops.campaign import push_survey


def main() -> None:
    """Push one survey once the start is given."""
    survey, url, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    result = push_survey(survey, url)
    print(
        json.dumps(
            {
                "sightings": result.counts.sightings,
                "added": result.counts.cameras_added,
                "seconds": round(time.monotonic() - started, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
