"""The appointments of a bilan (past and next), as its assignments set them.

Kept with offset (ISO 8601) in the assignments, since bilans are also done at
a distance: ``local`` gives the time to show, ``zone_note`` names the
conseiller's zone when it differs from the worker's.
"""

from __future__ import annotations

from datetime import datetime

from journal.core.assignments.plan import Appointment, build_plan
from journal.core.store.assignments import AssignmentRecords
from journal.core.store.clock import now
from journal.core.store.records import Records


class AppointmentRecords(Records):
    def all(self, bilan_id: str) -> tuple[Appointment, ...]:
        return build_plan(AssignmentRecords(self._journal).for_bilan(bilan_id)).appointments

    def next(self, bilan_id: str, moment: datetime | None = None) -> Appointment | None:
        return build_plan(AssignmentRecords(self._journal).for_bilan(bilan_id)).next_appointment(moment or now())

    def last(self, bilan_id: str, moment: datetime | None = None) -> Appointment | None:
        return build_plan(AssignmentRecords(self._journal).for_bilan(bilan_id)).last_appointment(moment or now())
