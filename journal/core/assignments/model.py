"""What an assignment holds, and its JSON-safe record form kept in the journal."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from journal.core.record import record

FORMAT_VERSION = 1
KIND = "bilan-assignment"


@record
class AssignedExercise:
    id: str
    due: date | None = None


@record
class CustomExerciseFile:
    """A conseiller's exercise, carried as the TOML text they wrote (kept byte for byte)."""

    name: str
    source: str
    exercise_id: str


@record
class Assignment:
    dossier: str
    sequence: int
    conseiller: str
    beneficiaire: str
    created_at: datetime
    message: str = ""
    key: str | None = None
    appointment: datetime | None = None
    window: tuple[date, date] | None = None
    suivi: bool = False
    exercises: tuple[AssignedExercise, ...] = ()
    withdrawn: tuple[str, ...] = ()
    custom: tuple[CustomExerciseFile, ...] = ()
    synthese: str = ""

    def to_record(self) -> dict[str, Any]:
        return {
            "dossier": self.dossier,
            "sequence": self.sequence,
            "conseiller": self.conseiller,
            "beneficiaire": self.beneficiaire,
            "created_at": self.created_at.isoformat(),
            "message": self.message,
            "key": self.key,
            "appointment": self.appointment.isoformat() if self.appointment else None,
            "window": [self.window[0].isoformat(), self.window[1].isoformat()] if self.window else None,
            "suivi": self.suivi,
            "exercises": [{"id": item.id, "due": item.due.isoformat() if item.due else None} for item in self.exercises],
            "withdrawn": list(self.withdrawn),
            "custom": [{"name": c.name, "source": c.source, "exercise_id": c.exercise_id} for c in self.custom],
            "synthese": self.synthese,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Assignment:
        window = record.get("window")
        return cls(
            dossier=record["dossier"],
            sequence=int(record["sequence"]),
            conseiller=record["conseiller"],
            beneficiaire=record.get("beneficiaire", ""),
            created_at=datetime.fromisoformat(record["created_at"]),
            message=record.get("message", ""),
            key=record.get("key"),
            appointment=datetime.fromisoformat(record["appointment"]) if record.get("appointment") else None,
            window=(date.fromisoformat(window[0]), date.fromisoformat(window[1])) if window else None,
            suivi=bool(record.get("suivi")),
            exercises=tuple(
                AssignedExercise(item["id"], date.fromisoformat(item["due"]) if item.get("due") else None)
                for item in record.get("exercises", [])
            ),
            withdrawn=tuple(record.get("withdrawn", [])),
            custom=tuple(CustomExerciseFile(c["name"], c["source"], c["exercise_id"]) for c in record.get("custom", [])),
            synthese=record.get("synthese", ""),
        )
