"""What an unexpected error leaves behind: a report file for whoever helps, not a traceback on screen.

``write_crash_report`` writes the traceback (and the bilan version) to
``crash-<date>-<time>.log`` in the journal folder, readable by the worker only,
and keeps the last few reports. It never raises: when the report cannot be
written, the caller still ends with one clear line.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from journal import __version__

REPORT_PREFIX = "crash-"
REPORT_SUFFIX = ".log"
REPORTS_KEPT = 5


def write_crash_report(folder: Path | None, error: BaseException) -> Path | None:
    """Write ``error``'s traceback to a new report in ``folder``; the report's path, or None."""
    if folder is None:
        return None
    text = f"bilan {__version__}\n" + "".join(traceback.format_exception(error))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = Path(folder) / f"{REPORT_PREFIX}{stamp}{REPORT_SUFFIX}"
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as report:
            report.write(text)
    except OSError:
        return None
    _keep_last_reports(Path(folder))
    return path


def _keep_last_reports(folder: Path) -> None:
    try:
        reports = sorted(folder.glob(f"{REPORT_PREFIX}*{REPORT_SUFFIX}"))
        for old in reports[:-REPORTS_KEPT]:
            old.unlink()
    except OSError:
        pass
