"""The campaign store: many merged surveys pooled in PostgreSQL + PostGIS (no Qt, no UI).

``connection`` checks a campaign URL and finds its password, ``migrate`` creates and checks
the schema, ``records`` reads and writes it; ``ops/campaign.py`` pushes and pulls surveys.
"""

from __future__ import annotations

from contrechamp.store.campaign.errors import CampaignError
from contrechamp.store.campaign.migrate import CAMPAIGN_SCHEMA_VERSION

__all__ = ["CAMPAIGN_SCHEMA_VERSION", "CampaignError"]
