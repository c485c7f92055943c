"""The user guide (docs/guide) stays true: its pictures exist, every command it quotes parses
with the real command line, every option it names exists, and every menu path it gives is a
real menu and item of the window, in the guide's language."""

from __future__ import annotations

import argparse
import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from contrechamp.cli_parser import COMMANDS, command_parser, with_default_command

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"
PAGES = sorted(GUIDE.glob("*/*.md"))
MAIN_PAGES = {"en": GUIDE / "en" / "README.md", "fr": GUIDE / "fr" / "README.md"}

_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s#]+)(#[^)\s]*)?\)")
_SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_MENU_PATH = re.compile(r"\*([^*→\n]+?) →\s+([^*]+?)\*")
_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _options(parser: argparse.ArgumentParser) -> dict[str, set[str]]:
    """Each command's option strings (``""``: the program's own, such as ``--version``)."""
    found = {"": {o for action in parser._actions for o in action.option_strings}}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = {o for a in sub._actions for o in a.option_strings}
    return found


def _quoted_commands(text: str) -> list[str]:
    """The command lines of the guide's shell blocks that run contrechamp."""
    lines = (line.strip() for block in _SHELL_BLOCK.findall(text) for line in block.splitlines())
    return [line.split("  #")[0] for line in lines if line.startswith("contrechamp ")]


def _menu_texts(language: str) -> tuple[set[str], set[str]]:
    """The window's menu titles and menu items in a language, from the translation file."""
    tree = ET.parse(ROOT / "i18n" / "contrechamp_fr.ts")
    titles: set[str] = set()
    items: set[str] = set()
    for context in tree.getroot():
        if context.findtext("name") != "WindowActions":
            continue
        for message in context.findall("message"):
            english = message.findtext("source") or ""
            text = english if language == "en" else message.findtext("translation") or ""
            (titles if english.startswith("&") else items).add(text.replace("&", ""))
    return titles, items


def test_the_guide_has_an_english_and_a_french_page() -> None:
    assert all(page.is_file() for page in MAIN_PAGES.values())


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(GUIDE)))
def test_every_picture_and_page_linked_from_the_guide_exists(page: Path) -> None:
    text = _text(page)
    targets = _IMAGE.findall(text) + [target for target, _ in _LINK.findall(text)]
    local = [target for target in targets if not re.match(r"[a-z]+:", target)]
    missing = [target for target in local if not (page.parent / target).exists()]
    assert not missing, f"{page.name} links to missing files: {missing}"


@pytest.mark.parametrize("language", sorted(MAIN_PAGES))
def test_both_languages_show_the_pictures_taken_in_their_language(language: str) -> None:
    pictures = _IMAGE.findall(_text(MAIN_PAGES[language]))
    assert pictures
    assert all(picture.startswith("img/") for picture in pictures)
    taken = {path.name for path in (GUIDE / language / "img").glob("*.png")}
    assert {Path(picture).name for picture in pictures} <= taken


@pytest.mark.parametrize("language", sorted(MAIN_PAGES))
def test_every_command_line_quoted_parses_with_the_real_parser(language: str) -> None:
    commands = _quoted_commands(_text(MAIN_PAGES[language]))
    assert len(commands) >= 10
    parser = command_parser()
    for command in commands:
        words = shlex.split(command)[1:]
        try:
            parser.parse_args(with_default_command(parser, words))
        except SystemExit:
            pytest.fail(f"the guide quotes a command the parser refuses: {command}")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(GUIDE)))
def test_every_command_and_option_named_exists(page: Path) -> None:
    options = _options(command_parser())
    every_option = set().union(*options.values())
    for code in _INLINE_CODE.findall(_text(page)):
        words = code.split()
        if words[0] == "contrechamp" and len(words) > 1 and not words[1].startswith("-"):
            assert words[1] in (*COMMANDS, "COMMAND", "COMMANDE"), code
            own = options.get(words[1], set()) | options[""]
            assert set(_OPTION.findall(code)) <= own, code
        else:
            assert set(_OPTION.findall(code)) <= every_option, code


@pytest.mark.parametrize("language", sorted(MAIN_PAGES))
def test_every_menu_path_is_a_real_menu_item(language: str) -> None:
    titles, items = _menu_texts(language)
    paths = _MENU_PATH.findall(_text(MAIN_PAGES[language]))
    assert len(paths) >= 8
    for menu, item in paths:
        item = " ".join(item.split())  # a path may be wrapped over two lines
        assert (menu.strip(), item) in {(m, i) for m in titles for i in items}, (menu, item)
