"""Keys typed in the same instant as Ctrl+Q are in the answer saved on quitting.

Ctrl+Q is the app's priority binding (it works in every dialog): it runs as
soon as the app reads it, while the keys read just before it are still on
their way to the field. The quit now lets them land before it saves.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from tests.test_content_flows import open_exercise

SIZE = (100, 30)


async def test_keys_read_together_with_ctrl_q_are_saved(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        area = (await open_exercise(pilot, "ma-demande")).query_one(TextArea)
        area.focus()
        await pilot.press(*"Je veux")
        await pilot.pause()
        # As a terminal delivers them in one read: the app takes them all before the field has seen one.
        for key, character in [("space", " "), ("c", "c"), ("a", "a"), ("p", "p"), ("ctrl+q", None)]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
    assert app.return_code in (0, None)
    store.close()
    reopened = JournalStore(data_dir)
    assert reopened.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Je veux cap"
    reopened.close()
