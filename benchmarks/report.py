"""The table of figures, as Markdown (pasted as is into the README's performance section)."""

from __future__ import annotations

import statistics

from benchmarks.figures import FIGURES, Cell, Figure, Skipped


def cell_text(figure: Figure, cell: Cell | None) -> str:
    if cell is None:
        return "—"
    if isinstance(cell, Skipped):
        return f"skipped: {cell.reason}"
    mine = _amount(statistics.median(cell.bilan), figure.unit)
    if cell.ratio is None:
        return f"{mine} (no anchor)"
    low, high = cell.spread
    theirs = _amount(statistics.median(cell.anchor), figure.unit)
    return f"**{cell.ratio:.2f}** ({mine} vs {theirs}; pairs {low:.2f}–{high:.2f})"


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.0f} {unit}"


def table(columns: list[str], results: dict[str, dict[str, Cell]]) -> str:
    """Rows are the figures, columns the journals; ``results[column][figure key]``."""
    lines = [
        "| figure (bilan ÷ anchor) | " + " | ".join(columns) + " | target |",
        "| --- | " + " | ".join("---" for _ in columns) + " | --- |",
    ]
    for figure in FIGURES:
        cells = [results.get(column, {}).get(figure.key) for column in columns]
        if all(cell is None for cell in cells):
            continue
        lines.append(f"| {figure.title} | " + " | ".join(cell_text(figure, cell) for cell in cells) + f" | {figure.target} |")
    return "\n".join(lines)


def progress_line(label: str, figure: Figure, cell: Cell) -> str:
    return f"  {label:<14} {figure.key:<13} {cell_text(figure, cell).replace('**', '')}"
