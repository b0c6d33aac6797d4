"""CertificateForm: type your name, press the button, get your certificate (or what is left)."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ._layout import box_layout, heading


class CertificateForm(w.VBox):
    """A labelled name field and a button that writes the certificate of completion, once every
    lesson is opened, the practice passed and the capstone complete; until then it lists what is
    left. No code to type: `CertificateForm()` in a cell."""

    def __init__(self, **kwargs: Any) -> None:
        self._name = w.Text(description="Name on the certificate",
                            placeholder="e.g. Ada Lovelace", style={"description_width": "initial"},
                            layout=w.Layout(width="32em"))
        self._button = w.Button(description="Make my certificate", button_style="primary",
                                tooltip="Writes certificate.html in your pmcourse folder",
                                layout=w.Layout(width="auto"))
        self._result = w.HTML(layout=w.Layout(width="100%"))
        self._button.on_click(self._on_click)
        super().__init__([heading("Certificate of completion"), self._name, self._button,
                          self._result], layout=box_layout(), **kwargs)
        self.add_class("pmcourse-certificate-form")

    def make(self) -> str:
        """Writes the certificate for the typed name; returns what the form now shows."""
        from ..completion import write_certificate

        try:
            path = write_certificate(self._name.value)
        except ValueError as exc:
            self._result.value = (f"<div role='status'><b>No certificate yet:</b> "
                                  f"{html.escape(str(exc))}.</div>")
            return self._result.value
        page = path.read_text(encoding="utf-8")
        body = page[page.index("<main>"):page.index("</main>") + len("</main>")]
        self._result.value = (f"<div role='status'>{body}<p>Saved as <code>"
                              f"{html.escape(str(path))}</code>: open it in a browser to print "
                              "it or save it as a PDF.</p></div>")
        return self._result.value

    def _on_click(self, _source: object) -> None:
        self.make()
