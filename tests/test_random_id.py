"""``random_id``: identifiers in the form of ``uuid.uuid4().hex``, random each time."""

from __future__ import annotations

import uuid

from journal.core.random_id import random_id


def test_an_identifier_is_a_version_4_uuid_in_hexadecimal():
    for _ in range(200):
        made = random_id()
        parsed = uuid.UUID(hex=made)
        assert parsed.hex == made
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


def test_identifiers_differ():
    assert len({random_id() for _ in range(1000)}) == 1000
