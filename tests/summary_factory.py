"""Summaries written as bilan's export writes them (front matter of the shared contract), for review tests."""

from __future__ import annotations

from pathlib import Path

import yaml

DEFAULT_SECTIONS = {
    "Où j'en suis": "- Mes valeurs : terminé\n- Mes centres d'intérêt : commencé",
    "Mes questions pour le prochain entretien": "- Comment financer une formation ?",
    "Mes valeurs": "**Ce qui compte le plus** : l'autonomie, la transmission.",
}


def summary_text(
    *,
    alias: str = "Camille",
    dossier: str = "D-2026-014",
    conseiller: str = "Mme Lefèvre",
    sequence: int = 1,
    exported_at: str = "2026-03-14T18:30:00+01:00",
    period_from: str | None = "2026-02-01",
    period_to: str = "2026-03-14",
    exercises: list[str] | None = None,
    sections: dict[str, str] | None = None,
) -> str:
    front = {
        "bilan_summary": 1,
        "exported_at": exported_at,
        "alias": alias,
        "conseiller": conseiller,
        "dossier": dossier,
        "sequence": sequence,
        "period": {"from": period_from, "to": period_to},
        "exercises": exercises if exercises is not None else ["valeurs", "interets"],
    }
    body = "\n\n".join(f"## {title}\n\n{text}" for title, text in (sections or DEFAULT_SECTIONS).items())
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n# Mon bilan\n\n" + body + "\n"


def write_summary(folder: Path, name: str, **fields) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(summary_text(**fields), encoding="utf-8")
    return path


def three_dossiers(folder: Path) -> list[Path]:
    """A small caseload: Camille (two summaries), Julien, Nadia."""
    return [
        write_summary(folder, "camille-1.md", sequence=1, exported_at="2026-02-20T18:00:00+01:00"),
        write_summary(
            folder,
            "camille-2.md",
            sequence=2,
            sections={
                **DEFAULT_SECTIONS,
                "Mes valeurs": "**Ce qui compte le plus** : l'autonomie, la transmission, l'équipe.",
                "Mes pistes": "- Formatrice pour adultes\n- Coordinatrice de projets",
            },
        ),
        write_summary(
            folder,
            "julien.md",
            alias="Julien",
            dossier="D-2026-021",
            sequence=1,
            exported_at="2026-03-10T09:15:00+01:00",
            sections={"Où j'en suis": "- Ma demande : terminé", "Ma demande": "Je veux changer de métier sans tout perdre."},
        ),
        write_summary(
            folder,
            "nadia.md",
            alias="Nadia",
            dossier="D-2026-007",
            sequence=3,
            exported_at="2026-03-12T20:40:00+01:00",
            sections={"Où j'en suis": "- Mon plan d'action : commencé", "Mon plan d'action": "1. Appeler le centre de formation"},
        ),
    ]
