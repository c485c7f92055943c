"""Reaching a campaign: the URL is checked, the password comes from the keyring, PGPASSWORD or
~/.pgpass (never the URL), and each way of failing to connect says one clear thing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contrechamp.ops.campaign import campaign_status, init_campaign_at
from contrechamp.store.campaign.connection import (
    KEYRING_SERVICE,
    campaign_engine,
    campaign_url,
    keyring_password,
)
from contrechamp.store.campaign.errors import CampaignError
from contrechamp.store.campaign.migrate import init_campaign
from tests.campaign.cluster import Cluster


class FakeKeyring:
    """A keyring module holding passwords in memory (its backend counts as a real one)."""

    def __init__(self, passwords: dict[tuple[str, str], str]) -> None:
        self.passwords = passwords
        self.asked: list[tuple[str, str]] = []

    def get_keyring(self) -> object:
        return self

    def get_password(self, service: str, account: str) -> str | None:
        self.asked.append((service, account))
        return self.passwords.get((service, account))


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("postgresql://ana:secret@localhost/tp", "campaign.url_password"),
        ("postgresql://ana@localhost/tp?password=secret", "campaign.url_password"),
        ("mysql://ana@localhost/tp", "campaign.url"),
        ("sqlite:///campaign.db", "campaign.url"),
        ("not a url at all", "campaign.url"),
        ("postgresql://ana@localhost", "campaign.url"),
    ],
)
def test_a_url_with_a_password_or_of_another_kind_is_refused(url: str, code: str) -> None:
    with pytest.raises(CampaignError) as caught:
        campaign_url(url)
    assert caught.value.code == code
    assert "secret" not in caught.value.detail


def test_the_password_is_looked_up_in_the_keyring_by_user_host_port_and_database() -> None:
    keyring = FakeKeyring({(KEYRING_SERVICE, "ana@db.example.org:5433/tp"): "s3cret"})
    url = campaign_url("postgresql://ana@db.example.org:5433/tp")
    assert keyring_password(url, keyring) == "s3cret"
    assert (
        keyring_password(campaign_url("postgresql://bob@db.example.org:5433/tp"), keyring) is None
    )


def test_the_keyring_password_logs_in(
    pg_cluster: Cluster, campaign_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    url = campaign_url(campaign_db)
    account = f"{pg_cluster.user}@127.0.0.1:{pg_cluster.port}/{url.database}"
    keyring = FakeKeyring({(KEYRING_SERVICE, account): pg_cluster.password})
    assert init_campaign(campaign_engine(url, keyring_module=keyring)).version == 1


def test_pgpassword_logs_in(
    pg_cluster: Cluster, campaign_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.setenv("PGPASSWORD", pg_cluster.password)
    assert init_campaign_at(campaign_db).before is None


def test_a_refused_password_says_so(
    pg_cluster: Cluster, campaign_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = tmp_path / "pgpass"
    wrong.write_text(f"127.0.0.1:{pg_cluster.port}:*:{pg_cluster.user}:not-it\n")
    wrong.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(wrong))
    with pytest.raises(CampaignError) as caught:
        init_campaign_at(campaign_db)
    assert caught.value.code == "campaign.password"


def test_no_password_anywhere_says_where_to_put_one(
    pg_cluster: Cluster, campaign_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with pytest.raises(CampaignError) as caught:
        campaign_status(campaign_db)
    assert caught.value.code == "campaign.password"
    assert "keyring" in caught.value.detail


def test_a_server_that_does_not_answer_is_unreachable(pg_cluster: Cluster) -> None:
    with pytest.raises(CampaignError) as caught:
        campaign_status(f"postgresql://{pg_cluster.user}@127.0.0.1:1/campaign")
    assert caught.value.code == "campaign.unreachable"


def test_a_database_that_does_not_exist_is_named_as_such(pg_cluster: Cluster) -> None:
    with pytest.raises(CampaignError) as caught:
        campaign_status(pg_cluster.url("no_such_campaign"))
    assert caught.value.code == "campaign.no_database"


def test_errors_are_one_line_without_the_password(
    pg_cluster: Cluster, campaign_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wrong = tmp_path / "pgpass"
    wrong.write_text(f"127.0.0.1:{pg_cluster.port}:*:{pg_cluster.user}:hunter2\n")
    wrong.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(wrong))
    failures: list[Any] = []
    for url in (campaign_db, pg_cluster.url("nowhere"), "postgresql://x@127.0.0.1:1/y"):
        with pytest.raises(CampaignError) as caught:
            campaign_status(url)
        failures.append(caught.value.detail)
    assert all("\n" not in detail and "hunter2" not in detail for detail in failures)
