"""The log file: the package's records only, exceptions without their messages, bounded size."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from contrechamp import logs
from contrechamp.logs import LOG_FILE_NAME, log_exception, log_to_file, stop_log_file

POSITION = (48.85661, 2.35222)
TAGS = {"man_made": "surveillance", "camera:direction": "135"}


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The package logging to a file in tmp_path, as the window does; closed afterwards."""
    logs._repeats.clear()
    path = log_to_file(tmp_path / "logs")
    yield path
    stop_log_file()


def _written(path: Path) -> str:
    for handler in logging.getLogger("contrechamp").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def _fail_with_data(lat: float, lon: float, tags: dict[str, str]) -> None:
    raise ValueError(f"camera {tags} at {lat},{lon}")


def _fail_in_a_chain() -> None:
    try:
        _fail_with_data(*POSITION, TAGS)
    except ValueError as error:
        raise RuntimeError(f"could not save {TAGS['camera:direction']}") from error


def test_an_exception_is_written_as_its_type_and_traceback_without_its_message(
    log_file: Path,
) -> None:
    try:
        _fail_in_a_chain()
    except RuntimeError:
        logging.getLogger("contrechamp.ops.example").exception("a save failed")
    text = _written(log_file)
    assert "ERROR contrechamp.ops.example: a save failed" in text
    assert "builtins.ValueError" in text
    assert "builtins.RuntimeError" in text
    assert "direct cause" in text
    assert "in _fail_with_data" in text
    assert "cli/test_logs.py" in text  # where, relative: no home folder
    assert str(Path.home()) not in text
    for secret in ("48.85", "2.35", "surveillance", "135"):
        assert secret not in text


def test_only_the_package_loggers_are_written(log_file: Path) -> None:
    logging.getLogger("sqlalchemy.engine").warning("SELECT %s", POSITION)
    logging.getLogger("contrechamp.ui.app").warning("a warning of ours")
    text = _written(log_file)
    assert "a warning of ours" in text
    assert "SELECT" not in text


def test_an_earlier_formatter_never_leaks_the_message_into_the_file(log_file: Path) -> None:
    logger = logging.getLogger("contrechamp.ui.example")
    plain = logging.Handler()
    plain.emit = lambda record: logging.Formatter().format(record)  # type: ignore[method-assign]
    logger.addHandler(plain)  # runs before the file: it caches the full exception text
    try:
        _fail_with_data(*POSITION, TAGS)
    except ValueError:
        logger.exception("a tile failed")
    finally:
        logger.removeHandler(plain)
    text = _written(log_file)
    assert "builtins.ValueError" in text
    assert "48.85" not in text


def test_the_same_failure_is_counted_instead_of_logged_again(log_file: Path) -> None:
    logger = logging.getLogger("contrechamp.ui.map.example")
    for _ in range(250):
        try:
            _fail_with_data(*POSITION, TAGS)
        except ValueError:
            log_exception(logger, "a tile failed (%s)", "BrokenSource")
    text = _written(log_file)
    assert text.count("Traceback") == 1
    assert "a tile failed (BrokenSource) (100 times, ValueError)" in text
    assert "a tile failed (BrokenSource) (200 times, ValueError)" in text
    assert text.count("a tile failed") == 3


def test_the_file_is_rotated_at_one_megabyte_and_three_are_kept(log_file: Path) -> None:
    logger = logging.getLogger("contrechamp.example")
    for count in range(6000):
        logger.info("line %d %s", count, "x" * 1000)
    stop_log_file()
    files = sorted(p.name for p in log_file.parent.iterdir())
    assert files == [LOG_FILE_NAME, *(f"{LOG_FILE_NAME}.{n}" for n in (1, 2, 3))]
    assert all(p.stat().st_size <= logs.MAX_BYTES for p in log_file.parent.iterdir())


def test_opening_the_log_again_keeps_one_file_handler(tmp_path: Path) -> None:
    log_to_file(tmp_path / "a")
    log_to_file(tmp_path / "b")
    try:
        files = [
            h
            for h in logging.getLogger("contrechamp").handlers
            if isinstance(h, logging.FileHandler)
        ]
        assert [Path(h.baseFilename).parent.name for h in files] == ["b"]
    finally:
        stop_log_file()


def test_the_commands_print_warnings_on_stderr_by_the_same_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    logs.log_warnings_to_stderr()
    logger = logging.getLogger("contrechamp.ops.example")
    logger.info("not shown")
    try:
        _fail_with_data(*POSITION, TAGS)
    except ValueError:
        logger.warning("a read was retried", exc_info=True)
    err = capsys.readouterr().err
    assert "a read was retried" in err
    assert "builtins.ValueError" in err
    assert "not shown" not in err
    assert "48.85" not in err
