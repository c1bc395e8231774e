"""Leaving an exercise while its autosave is still writing must not freeze the app.

The autosave thread reports each save to the UI thread and waits for it
(``call_from_thread``); the UI thread, when the worker leaves the screen,
saves what is pending (``flush``). If the report were made while holding the
save lock, each would wait for the other for ever.
"""

from __future__ import annotations

import threading
import time

from journal.tui.autosave import Autosave


def test_the_ui_can_flush_while_a_background_save_reports(store):
    save_started = threading.Event()
    ui_flushed = threading.Event()
    reports = []
    real_save = store.entries.save_answer

    def slow_save(*args, **kwargs):
        save_started.set()
        time.sleep(0.2)  # a large journal being written
        return real_save(*args, **kwargs)

    store.entries.save_answer = slow_save

    def report_to_ui(error):
        # What ExerciseScreen does: from the UI thread, report at once; from another thread
        # (call_from_thread), wait until the UI thread has run the report.
        if threading.current_thread() is threading.main_thread():
            return
        reports.append(ui_flushed.wait(timeout=5))

    autosave = Autosave(store, "ma-demande", 1, report_to_ui)
    autosave.change("pourquoi-maintenant", "Première phrase")
    background = threading.Thread(target=autosave.flush)
    background.start()
    assert save_started.wait(timeout=5)
    autosave.change("pourquoi-maintenant", "Première phrase, et la suite")
    started = time.monotonic()
    assert autosave.flush() is None  # the worker leaves the screen: the UI thread saves what is pending
    ui_flushed.set()
    background.join(timeout=10)
    assert not background.is_alive()
    assert time.monotonic() - started < 4, "the UI thread waited for the background save's report"
    assert reports and all(reports), "the background save's report waited until it gave up"
    assert store.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Première phrase, et la suite"
