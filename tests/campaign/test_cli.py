"""``contrechamp campaign init|push|pull|status``: what each prints, and one line on stderr
with exit status 1 for each fault (2 for bad usage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrechamp.cli import main
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import seen_by, street, write_survey


def _run(capsys: pytest.CaptureFixture[str], *words: str | Path) -> tuple[int, str, str]:
    status = main([str(w) for w in words])
    out, err = capsys.readouterr()
    return status, out, err


def test_init_push_pull_status_round_trip(
    campaign_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    survey = write_survey(tmp_path / "walk.cartoparty", seen_by(street(8), range(8), 1))
    status, out, _ = _run(capsys, "campaign", "init", campaign_db)
    assert status == 0
    assert out.startswith("Campaign created in")
    status, out, _ = _run(capsys, "campaign", "push", survey, campaign_db, "--comment", "Tuesday")
    assert status == 0
    assert out.splitlines()[0] == (
        "Pushed walk.cartoparty: 8 sightings, 8 cameras added, 0 changed, 0 edits"
    )
    status, out, _ = _run(capsys, "campaign", "push", survey, campaign_db)
    assert (status, out) == (0, "Nothing new to push from walk.cartoparty (8 pushed before)\n")
    pulled = tmp_path / "pulled.cartoparty"
    status, out, _ = _run(
        capsys, "campaign", "pull", campaign_db, "-o", pulled, "--bbox", "5.36,43.29,5.38,43.31",
        "--no-photos",
    )  # fmt: skip
    assert status == 0
    assert out == "Pulled 8 cameras, 0 photos and 0 OSM cameras into pulled.cartoparty\n"
    status, out, _ = _run(capsys, "campaign", "status", campaign_db)
    assert status == 0
    assert ": 8 draft" in out.splitlines()[0]
    assert "pair-zebra, Walk (Tuesday): 8 sightings" in out
    status, out, _ = _run(capsys, "campaign", "status", campaign_db, "--json")
    figures = json.loads(out)
    assert (figures["cameras"], figures["sightings"], figures["pushes"]) == ({"draft": 8}, 8, 1)


def test_a_password_in_the_url_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "campaign", "status", "postgresql://ana:hunter2@localhost/tp")
    assert (status, out) == (1, "")
    assert err.count("\n") == 1
    assert "hunter2" not in err
    assert err.startswith("contrechamp: The campaign URL holds a password")


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        ("password", "refused the password"),
        ("newer", "newer Contrechamp"),
        ("database", "does not exist"),
        ("port", "cannot be reached"),
    ],
)
def test_each_fault_is_one_clear_line(
    problem: str,
    expected: str,
    pg_cluster: Cluster,
    campaign_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = campaign_db
    _run(capsys, "campaign", "init", url)
    if problem == "password":
        wrong = tmp_path / "pgpass"
        wrong.write_text(f"127.0.0.1:{pg_cluster.port}:*:{pg_cluster.user}:wrong\n")
        wrong.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(wrong))
    elif problem == "newer":
        with pg_cluster.admin(url.rsplit("/", 1)[1]) as connection:
            connection.execute("UPDATE campaign.meta SET value = '7' WHERE key = 'schema_version'")
    elif problem == "database":
        url = pg_cluster.url("t_nowhere")
    else:
        url = f"postgresql://{pg_cluster.user}@127.0.0.1:1/campaign"
    survey = write_survey(tmp_path / "walk.cartoparty", seen_by(street(2), range(2), 1))
    status, out, err = _run(capsys, "campaign", "push", survey, url)
    assert (status, out) == (1, "")
    assert err.count("\n") == 1
    assert expected in err


def test_bbox_and_sector_together_is_bad_usage(campaign_db: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["campaign", "pull", campaign_db, "-o", str(tmp_path / "x.cartoparty"),
              "--bbox", "1,2,3,4", "--sector", "Nord"])  # fmt: skip
    assert caught.value.code == 2


def test_a_bad_bbox_is_refused_before_connecting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(
        capsys, "campaign", "pull", "postgresql://a@127.0.0.1:1/x", "-o", tmp_path / "x.cartoparty",
        "--bbox", "5.4,43.3,5.3,43.2",
    )  # fmt: skip
    assert status == 1
    assert "west must be less than east" in err
