"""Crash safety: a writer killed with SIGKILL at random moments never leaves an unreadable journal
and never loses an acknowledged save. A short run here; the long one is a command:

    python -m tests.crash_writer --kills 300
"""

from __future__ import annotations

import os
import random

import pytest

from tests.crash_writer import soak

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_random_kills_lose_nothing_acknowledged(tmp_path, encrypted):
    seed = random.randrange(1 << 30)
    report = soak(8, tmp_path / "journal", seed=seed, encrypted=encrypted, longest=0.5)
    assert report.failures == [], f"seed {seed}: {report.line()}: {report.failures}"
    assert report.kills == 8 and report.acknowledged > 0
