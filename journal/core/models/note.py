"""A free, dated note the worker writes outside of any exercise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    text: str
    created_at: datetime
    private: bool = False
