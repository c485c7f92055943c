"""Street crossings named in words ("angle rue A / bd B"), found among the area's streets.

Official lists often place a camera at a crossing instead of giving coordinates. The names
are compared once normalised (:func:`street_key`): accents, case, punctuation, the usual
abbreviations (``av.``, ``bd``, ``pl.``, ``r.``, ``st``…) and the articles (``de la``,
``du``…). The point is where the two streets' lines meet, offline, from the base map.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contrechamp.core.area import ROAD_KINDS, MapFeature
from contrechamp.core.geo import distance_m

if TYPE_CHECKING:
    from shapely import Geometry

__all__ = [
    "Crossing",
    "CrossingPlace",
    "StreetIndex",
    "meeting_point",
    "parse_crossing",
    "street_key",
]

MAX_CROSSING_SPREAD_M = 60.0
"""Where two streets meet at points further apart than this, the crossing is ambiguous."""

MAX_GAP_M = 20.0
"""Two streets whose lines do not touch still cross when they come this close."""

_ABBREVIATIONS = {
    **dict.fromkeys(("av", "ave", "avn"), "avenue"),
    **dict.fromkeys(("bd", "bld", "bvd", "boul", "blvd"), "boulevard"),
    **dict.fromkeys(("pl", "plc"), "place"),
    **dict.fromkeys(("r", "rue"), "rue"),
    "st": "saint",
    "ste": "sainte",
    "ch": "chemin",
    "che": "chemin",
    "imp": "impasse",
    "rte": "route",
    "sq": "square",
    "prom": "promenade",
    "pass": "passage",
    "all": "allee",
    "esp": "esplanade",
    "fg": "faubourg",
    "fbg": "faubourg",
    "gal": "general",
    "gen": "general",
    "mal": "marechal",
    "pdt": "president",
    "pr": "professeur",
}
_ARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "les", "l"})
_STREET_TYPES = frozenset(
    {
        "rue", "avenue", "boulevard", "place", "quai", "chemin", "allee", "allees", "impasse",
        "route", "cours", "square", "rond", "montee", "passage", "esplanade", "promenade",
        "pont", "voie", "tunnel", "escalier", "ruelle", "traverse", "parvis", "sentier",
        "descente", "rampe", "galerie", "jetee", "faubourg", "carrefour", "giratoire",
        "street", "road", "lane", "way", "drive", "plaza",
    }
)  # fmt: skip
_STREET_KINDS = frozenset(ROAD_KINDS)
_LEAD = re.compile(
    r"^\s*(?:[aà]\s+l\W?\s*)?(?:angle|carrefour|croisement|intersection|coin|corner\s+of|"
    r"junction\s+of|crossing\s+of)\b\s*(?:(?:de\s+la|de\s+l|des|du|de|d|entre)\b\W?)?\s*",
    re.IGNORECASE,
)
_STRONG = re.compile(r"\s*(?:/|\\|&|\+|\s[x×]\s|\set\s|\sand\s|\s[-–—]\s)\s*", re.IGNORECASE)
_WEAK = re.compile(r"\s*[,;]\s*")
_TOKEN = re.compile(r"[a-z0-9]+")
_ARTICLE = re.compile(r"^(?:de\s+la|de\s+l|des|du|de|d|la|le|les|l)\b\W?\s*", re.IGNORECASE)
_PLURAL = re.compile(r"^(rue|avenue|boulevard|place|quai|chemin|allee|all[ée]e)s\s+", re.I)


def street_key(name: str) -> str:
    """Return the normalised form of a street name, for comparing names written differently.

    >>> street_key("Bd. de la République") == street_key("boulevard Republique")
    True
    >>> street_key("Av. Saint-Michel")
    'avenue saint michel'
    >>> street_key("r. du Ténao")
    'rue tenao'
    """
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = [_ABBREVIATIONS.get(word, word) for word in _TOKEN.findall(plain.replace("œ", "oe"))]
    return " ".join(word for word in words if word not in _ARTICLES)


def _is_street(text: str) -> bool:
    """True when the text starts with a kind of street (rue, avenue, bd…) and no number."""
    words = street_key(text).split()
    return bool(words) and words[0] in _STREET_TYPES


def _has_number(text: str) -> bool:
    """True when the text starts with a house number (an address, not a crossing)."""
    return bool(re.match(r"\s*\d", text))


@dataclass(frozen=True, slots=True)
class Crossing:
    """Two streets named as meeting at a place."""

    first: str
    second: str


def _two_parts(text: str) -> list[str] | None:
    """Split a crossing's text into its two streets (a third comma part, the town, goes)."""
    parts = [part for part in _STRONG.split(text, maxsplit=1) if part.strip()]
    if len(parts) == 2:
        return [parts[0], _WEAK.split(parts[1])[0]]
    parts = [part for part in _WEAK.split(text) if part.strip()]
    return parts[:2] if len(parts) >= 2 else None


def parse_crossing(text: str) -> Crossing | None:
    """Return the two streets of a crossing written in words, None for anything else.

    Separators: ``/``, ``x``, ``et``, ``&``, `` - `` and a comma; ``angle``, ``carrefour``,
    ``croisement`` or ``intersection`` may lead. Without such a word, both parts must start
    with a kind of street; a part starting with a number is an address, never a crossing.

    >>> parse_crossing("Angle rue Grimaldi / bd Albert 1er")
    Crossing(first='rue Grimaldi', second='bd Albert 1er')
    >>> parse_crossing("carrefour de la rue A et de l'avenue B")
    Crossing(first='rue A', second='avenue B')
    >>> parse_crossing("angle des rues Grimaldi et Princesse Caroline")
    Crossing(first='rue Grimaldi', second='rue Princesse Caroline')
    >>> parse_crossing("Rue Grimaldi, rue Princesse Caroline, Monaco")
    Crossing(first='Rue Grimaldi', second='rue Princesse Caroline')
    >>> parse_crossing("12 rue Grimaldi, 98000 Monaco") is None
    True
    """
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    parts = _two_parts(body.strip())
    if parts is None:
        return None
    first, second = _shared_kind(*(_without_article(part) for part in parts))
    if not first or not second or _has_number(first) or _has_number(second):
        return None
    if lead is None and not (_is_street(first) and _is_street(second)):
        return None
    return Crossing(first, second)


def _shared_kind(first: str, second: str) -> tuple[str, str]:
    """Give both streets the kind a plural names once ("rues A et B": "rue A", "rue B")."""
    plural = _PLURAL.match(first)
    if plural is None:
        return first, second
    kind = plural.group(1)
    first = f"{kind} {first[plural.end() :]}"
    return first, second if _is_street(second) else f"{kind} {second}"


def _without_article(part: str) -> str:
    """A crossing's part without its leading article ("de la rue A": "rue A")."""
    return _ARTICLE.sub("", part.strip(), count=1)


@dataclass(frozen=True, slots=True)
class CrossingPlace:
    """Where a crossing lies, and the two streets of the map it was found between."""

    lat: float
    lon: float
    first: str
    second: str


class StreetIndex:
    """The named streets of an area, by normalised name, to find crossings on."""

    def __init__(self, streets: Mapping[str, Sequence[bytes]], names: Mapping[str, str]) -> None:
        self._wkbs = streets
        self._names = names  # key -> one of the map's spellings
        self._by_core: dict[str, list[str]] = defaultdict(list)
        for key in streets:
            self._by_core[_core(key)].append(key)
        self._shapes: dict[str, Geometry] = {}

    @classmethod
    def from_features(cls, features: Iterable[MapFeature]) -> StreetIndex:
        """Index the named roads and paths of a base map."""
        streets: dict[str, list[bytes]] = defaultdict(list)
        names: dict[str, str] = {}
        for feature in features:
            if feature.kind in _STREET_KINDS and feature.name.strip():
                key = street_key(feature.name)
                if key:
                    streets[key].append(feature.wkb)
                    names.setdefault(key, feature.name)
        return cls(streets, names)

    def __len__(self) -> int:
        return len(self._wkbs)

    def match(self, name: str) -> str | None:
        """Return the key of the one street of the map that ``name`` means, None if none
        or several could be meant.

        The same name once normalised; else, when ``name`` gives no kind of street (or the
        same kind), the one street whose name ends with it ("av. Kennedy": "Avenue John F.
        Kennedy", unless there is also an "Avenue Président Kennedy").
        """
        key = street_key(name)
        if not key or key in self._wkbs:
            return key if key in self._wkbs else None
        kind = key.split()[0] if key.split()[0] in _STREET_TYPES else None
        core = _core(key)
        found = [k for k in self._by_core.get(core, []) if kind is None or k.split()[0] == kind]
        if not found:
            tail = f" {core}"
            found = [
                k
                for k in self._wkbs
                if (kind is None or k.split()[0] == kind) and f" {_core(k)}".endswith(tail)
            ]
        return found[0] if len(found) == 1 else None

    def name_of(self, key: str) -> str:
        """The map's spelling of an indexed street."""
        return self._names[key]

    def place(self, crossing: Crossing) -> CrossingPlace | None:
        """Return where the two streets of ``crossing`` meet, None when either is not on the
        map, when they are the same street, when they do not meet (within ``MAX_GAP_M``), or
        when they meet at places too far apart to say which (``MAX_CROSSING_SPREAD_M``)."""
        first, second = self.match(crossing.first), self.match(crossing.second)
        if first is None or second is None or first == second:
            return None
        point = meeting_point(self._shape(first), self._shape(second))
        if point is None:
            return None
        return CrossingPlace(point[0], point[1], self._names[first], self._names[second])

    def _shape(self, key: str) -> Geometry:
        if key not in self._shapes:
            import shapely

            self._shapes[key] = shapely.union_all(shapely.from_wkb(list(self._wkbs[key])))
        return self._shapes[key]


def _core(key: str) -> str:
    """A normalised name without its leading kind of street ("boulevard moulins": "moulins")."""
    words = key.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in _STREET_TYPES else key


def meeting_point(a: Geometry, b: Geometry) -> tuple[float, float] | None:
    """Return (lat, lon) where two WGS 84 geometries meet: the middle of their common points
    when these lie within ``MAX_CROSSING_SPREAD_M``; else the middle of their nearest points
    when these are within ``MAX_GAP_M``; else None.

    >>> from shapely import LineString
    >>> east_west = LineString([(7.0, 43.0), (7.002, 43.0)])
    >>> meeting_point(east_west, LineString([(7.001, 42.999), (7.001, 43.001)]))
    (43.0, 7.001)
    """
    import numpy as np
    import shapely

    points = shapely.get_coordinates(a.intersection(b))
    if len(points) == 0:
        near = shapely.get_coordinates(shapely.shortest_line(a, b))
        if len(near) < 2 or distance_m(near[0][1], near[0][0], near[1][1], near[1][0]) > MAX_GAP_M:
            return None
        points = near
    lon, lat = (float(v) for v in np.mean(points, axis=0))
    spread = max(distance_m(lat, lon, float(y), float(x)) for x, y in points)
    if spread > MAX_CROSSING_SPREAD_M:
        return None
    return round(lat, 7), round(lon, 7)
