"""Official lists of cameras as prefectures and cities publish them, written by the tests.

The French list is laid out as a prefecture's spreadsheet saved as "CSV" by Excel: cp1252,
semicolons, decimal commas, a title line above the header, and rows that give only a street
crossing (real streets of the Monaco extract in ../shared/data) or only an address. Its
positions lie near the real cameras of that extract; one row is in Nice, outside the area.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "FRENCH_CROSSINGS",
    "FRENCH_ROWS",
    "ListSample",
    "english_list",
    "french_list",
]


@dataclass(frozen=True)
class ListSample:
    """One row of a sample list."""

    ref: str
    place: str
    lat: float | None = None
    lon: float | None = None
    purpose: str = "Sécurité des personnes"


_TRAFFIC = "Régulation du trafic routier"
_BUILDINGS = "Protection des bâtiments publics"

FRENCH_ROWS = (
    ListSample("VP-01", "Place du Palais", 43.73330, 7.41551),
    ListSample("VP-02", "Rue Comte Félix Gastaldi", 43.73204, 7.41400, "Prévention des vols"),
    ListSample("VP-03", "Avenue de la Porte Neuve", 43.73167, 7.41708),
    ListSample("VP-04", "Rue Grimaldi, face au marché", 43.73510, 7.41970, _BUILDINGS),
    ListSample("VP-05", "Boulevard des Moulins, Carré d'Or", 43.73962, 7.42578),
    ListSample("VP-06", "Angle bd des Moulins / av. de la Costa", purpose=_TRAFFIC),
    ListSample("VP-07", "Carrefour av. Princesse Grace et av. des Spélugues", purpose=_TRAFFIC),
    ListSample("VP-08", "R. Grimaldi x R. Suffren Reymond", purpose=_TRAFFIC),
    ListSample("VP-09", "12 rue Grimaldi"),
    ListSample("VP-10", "Angle av. Kennedy / bd Louis II"),  # two avenues Kennedy: ambiguous
    ListSample("VP-11", "Stade Louis II, avenue des Castelans", 43.72760, 7.41550),
    ListSample("VP-12", "Nice, promenade des Anglais", 43.69500, 7.26500),  # outside the area
)  # fmt: skip

FRENCH_CROSSINGS = {
    # ref -> where the two streets meet in the Monaco extract (a node they share)
    "VP-06": (43.7405657, 7.4256731),
    "VP-07": (43.7403489, 7.4297349),
    "VP-08": (43.7342778, 7.4185417),
}


def _french_cell(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".replace(".", ",")


def french_list(path: Path) -> Path:
    """Write the French list (cp1252, ``;``, decimal commas, a title line) at ``path``."""
    lines = [
        "Liste des systèmes de vidéoprotection autorisés – arrêté préfectoral du 12/03/2024;;;;;;",
        ";;;;;;",
        "N° caméra;Adresse;Commune;Latitude;Longitude;Finalité;Date d'autorisation",
    ]
    for row in FRENCH_ROWS:
        town = "Nice" if row.place.startswith("Nice") else "Monaco"
        lat, lon = _french_cell(row.lat), _french_cell(row.lon)
        lines.append(f"{row.ref};{row.place};{town};{lat};{lon};{row.purpose};12/03/2024")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


ENGLISH_ROWS = (
    ListSample("C-101", "Place du Casino", 43.73940, 7.42790),
    ListSample("C-102", "Rue Grimaldi, Monaco", 43.73420, 7.41840),
    ListSample("C-103", "Corner of Rue Grimaldi and Rue Princesse Caroline"),
    ListSample("C-104", "Port Hercule car park"),
)


def english_list(path: Path) -> Path:
    """Write an English list (UTF-8, ``,``, decimal points, quoted cells) at ``path``."""
    lines = ["id,address,lat,lon,operator"]
    for row in ENGLISH_ROWS:
        lat = "" if row.lat is None else repr(row.lat)
        lon = "" if row.lon is None else repr(row.lon)
        lines.append(f'{row.ref},"{row.place}",{lat},{lon},City of Monaco')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
