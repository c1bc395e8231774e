"""``bilan demo``: a banner says the journal is fictional; its folder goes on every exit, SIGHUP included."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time

import pytest
from textual.widgets import Static

from journal.core.demo import fill_demo_journal
from journal.core.store import JournalStore
from journal.tui.app import BilanApp


async def test_demo_banner_says_it_is_fictional(data_dir, catalogue):
    store = JournalStore(data_dir)
    fill_demo_journal(store, catalogue)
    app = BilanApp(store, catalogue, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        banner = str(app.screen.query_one("#demo-banner", Static).render())
        assert "JOURNAL D'EXEMPLE" in banner and "effacé" in banner
    store.close()


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system")
@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM"])
def test_demo_folder_is_removed_when_the_terminal_closes(tmp_path, how):
    env = {**os.environ, "TMPDIR": str(tmp_path), "TERM": "xterm-256color", "BILAN_LANG": "fr"}
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "journal", "demo"], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not list(tmp_path.glob("bilan-demo-*/journal/journal.json")):
            time.sleep(0.2)
        assert list(tmp_path.glob("bilan-demo-*")), "the demo journal was created"
        time.sleep(1.5)
        process.send_signal(getattr(signal, how))
        process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    assert list(tmp_path.glob("bilan-demo-*")) == []
