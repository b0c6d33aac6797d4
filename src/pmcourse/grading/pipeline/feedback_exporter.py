"""pmcourse's feedback page as an nbconvert exporter, for ``nbgrader generate_feedback``.

With ``c.GenerateFeedback.exporter_class`` set to this class (`course.FEEDBACK_EXPORTER`) in the
course's nbgrader_config.py (``pmcourse cohort init`` writes it; ``pmcourse doctor`` shows it),
nbgrader's own command and formgrader's "Generate Feedback" button write exactly the page
``pmcourse grade`` and ``pmcourse export`` write (`feedback.notebook_page`), instead of
nbgrader's stock page over it. nbgrader keeps doing the rest: which submissions, the side files
``nbgrader release_feedback`` reads, permissions, and skipping or removing a failed student.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from nbconvert.exporters import Exporter

from .feedback import FeedbackLeak, PageInputs, notebook_page, page_inputs, read_notebook


class FeedbackUnreadable(Exception):
    """The autograded notebook is a link, a special file, too large or not notebook JSON."""


class FeedbackExporter(Exporter):
    """Writes pmcourse's feedback page of one autograded notebook, as ``write_feedback`` does.

    nbgrader calls `from_filename` with ``resources['nbgrader']`` naming the student,
    assignment, notebook and gradebook URL. A page with instructor-only lines or another
    student's data raises `FeedbackLeak` (whose message names no secret), so nbgrader writes
    nothing for that student, logs the error and goes on with the others. The preprocessors
    nbgrader registers (GetGrades, CSS for its template) are not run: the page reads the
    gradebook itself.
    """

    file_extension = ".html"
    output_mimetype = "text/html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._secrets: dict[Path, list[Any]] = {}
        self._ledgers: dict[tuple[str, str], dict[str, Any]] = {}
        self._rosters: dict[str, dict[str, tuple[str, ...]]] = {}

    def from_filename(self, filename: str, resources: dict[str, Any] | None = None,
                      **kw: Any) -> tuple[str, dict[str, Any]]:
        """The page of the notebook at `filename`, read as pmcourse reads it (a link is never
        followed)."""
        notebook = read_notebook(Path(filename))
        if notebook is None:
            msg = (f"{filename} is not a regular notebook file pmcourse can read (a link, a "
                   "special file, too large or not JSON): grade the submission again with "
                   "`pmcourse grade DIR --student STUDENT --regrade`")
            raise FeedbackUnreadable(msg)
        return self.from_notebook_node(notebook, resources, **kw)

    def from_notebook_node(self, nb: Any, resources: dict[str, Any] | None = None,
                           **kw: Any) -> tuple[str, dict[str, Any]]:
        """The page of notebook `nb`, whose student and assignment ``resources['nbgrader']``
        names."""
        resources = self._init_resources(resources)
        info = resources.get("nbgrader") or {}
        missing = [k for k in ("student", "assignment", "notebook", "db_url") if not info.get(k)]
        if missing:
            msg = (f"FeedbackExporter needs resources['nbgrader'][{missing[0]!r}]: it runs "
                   "inside `nbgrader generate_feedback`, which sets it (for pmcourse's own "
                   "pages outside nbgrader, run `pmcourse export DIR`)")
            raise ValueError(msg)
        inputs = self._inputs(info["student"], info["assignment"], info["db_url"])
        label = os.path.join("feedback", info["student"], info["assignment"],
                             f"{info['notebook']}{self.file_extension}")
        page, found = notebook_page(dict(nb), info["notebook"], inputs, label)
        if found:
            raise FeedbackLeak(found)
        return page, resources

    def _course_root(self) -> Path:
        """nbgrader's course root (it also runs the converter from there)."""
        root = getattr(getattr(self.parent, "coursedir", None), "root", None)
        return Path(root or os.getcwd()).resolve()

    def _inputs(self, student: str, assignment: str, db_url: str) -> PageInputs:
        """What `write_feedback` would use for this submission; the course's secrets, ledger
        and roster are read once per nbgrader run."""
        from . import leaks
        from .gradebook import roster_identities
        from .ledger import Ledger

        root = self._course_root()
        if root not in self._secrets:
            self._secrets[root] = leaks.course_secrets(root)
        if (db_url, assignment) not in self._ledgers:
            ledger = Ledger(db_url)
            try:
                self._ledgers[(db_url, assignment)] = {
                    r.student: r for r in ledger.results([assignment])}
            finally:
                ledger.close()
        if db_url not in self._rosters:
            self._rosters[db_url] = roster_identities(db_url)
        others = tuple(x for who, names in self._rosters[db_url].items() if who != student
                       for x in names)
        return page_inputs(root, assignment, student,
                           self._ledgers[(db_url, assignment)].get(student), db_url=db_url,
                           secrets=self._secrets[root], others=others)
