"""What a Jupyter notebook's cell metadata says of a markdown cell: whether the notebook's readers see it as notes.

Jupyter Book leaves out a cell tagged `remove-cell`; nbgrader marks a course's assignment cells: an answer cell
(`solution: true`, the student's "YOUR ANSWER HERE" or the instructor's solution) is an exercise's answer, a task or
graded cell (`task: true`, `grade: true`) an exercise's statement, and so is an assignment's read-only cell (its
questions and rules). Deepnote exports its callout block as a quote (`> …`) in a cell marked `text-cell-callout`,
coloured by what it says: a yellow, orange or red one is a warning box. Pure: a cell's JSON in, an answer out.
"""

from __future__ import annotations


def left_out(cell: dict) -> bool:
    """Whether a markdown cell is one the notebook's readers never see as notes: tagged `remove-cell` (Jupyter Book
    leaves it out of the page), or an nbgrader answer cell (the student's "YOUR ANSWER HERE", the instructor's
    solution: an exercise's answer), or the badge Deepnote's export ends a notebook with."""
    metadata = _metadata(cell)
    tags = metadata.get("tags")
    tags = tags if isinstance(tags, list) else []
    return "remove-cell" in tags or "remove_cell" in tags or _nbgrader(cell).get("solution") is True \
        or metadata.get("created_in_deepnote_cell") is True  # (Deepnote's "Created in deepnote.com" badge)


def graded_task(cell: dict, assignment: bool = False) -> bool:
    """Whether a markdown cell is an nbgrader task or graded question: an exercise's statement; in an `assignment`
    (`is_assignment`), its read-only cells too (the questions and rules set around the answer cells)."""
    graded = _nbgrader(cell)
    return graded.get("task") is True or graded.get("grade") is True or assignment and graded.get("locked") is True


def cell_box(cell: dict, source: str, assignment: bool = False) -> tuple[str, str] | None:
    """The lines a markdown cell is read between, to show the box its notebook shows it in: an nbgrader task's
    exercise fences (`graded_task`), a Deepnote warning's callout (its quoted lines under `> [!warning]`); None for a
    cell shown as it is."""
    if graded_task(cell, assignment):
        return "```{exercise}", "```"
    metadata = _metadata(cell)
    if metadata.get("deepnote_cell_type") == "text-cell-callout" and metadata.get("color") in _WARNING_COLOURS \
            and all(line.startswith(">") for line in source.split("\n") if line.strip()):
        return "> [!warning]", ""
    return None


_WARNING_COLOURS = frozenset(("yellow", "orange", "red"))


def is_assignment(cells: list) -> bool:
    """Whether a notebook is an nbgrader assignment: some cell of it is an answer or a graded cell."""
    graded = [_nbgrader(cell) for cell in cells if isinstance(cell, dict)]
    return any(marks.get("solution") is True or marks.get("grade") is True for marks in graded)


def _metadata(cell: dict) -> dict:
    metadata = cell.get("metadata")
    return metadata if isinstance(metadata, dict) else {}


def _nbgrader(cell: dict) -> dict:
    graded = _metadata(cell).get("nbgrader")
    return graded if isinstance(graded, dict) else {}
