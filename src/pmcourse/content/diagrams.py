"""The course's diagrams, drawn by the kit with matplotlib, each with a text description.

A diagram shows in a notebook as an ``<img>`` whose ``alt`` text is its full description (what a
screen reader reads), with the description also printed under it, and as that text in a terminal.
Drawing is lazy, so importing this module costs nothing until a diagram is displayed.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

INK, PAPER, MUTED = "#1a1a1a", "#ffffff", "#4d4d4d"
"""Text on white: contrast well above the WCAG AA 4.5:1 for every label."""
FILLS = ("#cfe3f7", "#d9efd9", "#fbe6c8", "#ead9f2", "#f4d6d6")
"""Light fills behind dark text; colour never carries meaning on its own (labels do)."""


@dataclass(frozen=True)
class Diagram:
    """A picture with a title and a description for readers who cannot see it."""

    title: str
    description: str
    draw: Callable[[Any], None]
    """Draws on a matplotlib Axes of a 10 x `height` inch figure."""
    height: float = 5.0

    def png(self) -> bytes:
        """The picture as PNG bytes (matplotlib's Agg backend; no display needed)."""
        from matplotlib.figure import Figure

        figure = Figure(figsize=(10, self.height), dpi=80, facecolor=PAPER)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, 100)
        axes.set_ylim(0, 100)
        axes.axis("off")
        self.draw(axes)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", facecolor=PAPER, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png()).decode("ascii")
        alt = html.escape(f"{self.title}. {self.description}", quote=True)
        return (f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}" '
                f'style="max-width:100%;height:auto">'
                f"<figcaption><b>{html.escape(self.title)}.</b> "
                f"{html.escape(self.description)}</figcaption></figure>")

    def __str__(self) -> str:
        return f"{self.title}. {self.description}"

    __repr__ = __str__


def _box(ax: Any, x: float, y: float, w: float, h: float, text: str, *, fill: str = FILLS[0],
         size: float = 12, bold: bool = False) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.4,rounding_size=1.5",
                                facecolor=fill, edgecolor=INK, linewidth=1.2))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size, color=INK,
            wrap=True, fontweight="bold" if bold else "normal")


def _arrow(ax: Any, start: tuple[float, float], end: tuple[float, float]) -> None:
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "color": INK, "linewidth": 1.4})


def _draw_pyramid(ax: Any) -> None:
    from matplotlib.patches import Polygon

    layers = (("Vision", "foundation: direction and inspiration"),
              ("Strategy", "foundation: the choices that reach the vision"),
              ("Roadmap scope", "optimization: which outcomes, in which order"),
              ("Backlog", "optimization: speed toward a chosen destination"))
    bottom, top, left, right, apex = 6.0, 94.0, 4.0, 52.0, 28.0
    step = (top - bottom) / len(layers)
    for i, (name, role) in enumerate(layers):
        y0, y1 = bottom + i * step, bottom + (i + 1) * step

        def half(y: float) -> float:
            return (right - left) / 2 * (1 - (y - bottom) / (top - bottom))

        ax.add_patch(Polygon([(apex - half(y0), y0), (apex + half(y0), y0),
                              (apex + half(y1), y1), (apex - half(y1), y1)],
                             closed=True, facecolor=FILLS[i], edgecolor=INK, linewidth=1.2))
        ax.text(apex, (y0 + y1) / 2, name, ha="center", va="center", fontsize=13, color=INK,
                fontweight="bold")
        ax.text(55, (y0 + y1) / 2, role, ha="left", va="center", fontsize=11, color=INK)


PYRAMID = Diagram(
    "The vision and strategy pyramid",
    "Four layers from the bottom up. Vision at the base and strategy above it are the "
    "foundation: they give direction and inspiration. Roadmap scope and, at the top, the "
    "backlog are optimizations: they make the team faster toward a destination the layers "
    "below have already chosen.",
    _draw_pyramid, height=4.5)


def _draw_chain(ax: Any) -> None:
    steps = (("Vision", "the change in\npeople's lives"),
             ("Mission", "this product's\ncontribution"),
             ("Strategy", "where to play,\nhow to win"),
             ("Roadmap", "outcomes in\nNow, Next, Later"),
             ("Backlog", "stories and tasks\nlinked to outcomes"))
    width, gap = 15.5, 4.5
    for i, (name, what) in enumerate(steps):
        x = 2 + i * (width + gap)
        _box(ax, x, 32, width, 56, f"{name}\n\n{what}", fill=FILLS[i % len(FILLS)], size=11)
        if i:
            _arrow(ax, (x - gap + 0.4, 60), (x - 0.6, 60))
    ax.text(50, 8, "each layer is derived from the one before it; it lasts less and holds "
            "more detail", ha="center", fontsize=11, color=MUTED, style="italic")


CHAIN = Diagram(
    "From vision to backlog",
    "Five boxes in a row, each derived from the one before: the vision (the change in people's "
    "lives), the mission (this product's contribution to it), the strategy (where to play and "
    "how to win), the roadmap (outcomes in Now, Next and Later) and the backlog (stories and "
    "tasks, each linked up to an outcome). From left to right each lasts less and holds more "
    "detail.",
    _draw_chain, height=2.2)


def now_next_later(columns: dict[str, Sequence[str]] | None = None) -> Diagram:
    """A Now-Next-Later board; by default Larder's, with the outcome leading each intent."""
    board = columns or {
        "Now": ("New users plan their first week within ten minutes",
                "Households throw away less food each week"),
        "Next": ("Shoppers buy only what their meal plan needs",
                 "Lists still reach the online basket after the partner's API change "
                 "(hard date: the old API shuts down)"),
        "Later": ("Families cook at home on more weeknights",
                  "Leftovers become the next meal"),
    }
    names = list(board)

    def draw(ax: Any) -> None:
        import textwrap

        width = 30.0
        for i, name in enumerate(names):
            x = 2.5 + i * (width + 3)
            ax.text(x + width / 2, 92, name, ha="center", va="center", fontsize=14,
                    fontweight="bold", color=INK)
            detail = ("specific, in progress", "understood in outline",
                      "broad, still fuzzy")[min(i, 2)]
            ax.text(x + width / 2, 84, detail, ha="center", fontsize=10, color=MUTED,
                    style="italic")
            for j, card in enumerate(board[name][:3]):
                text = "\n".join(textwrap.wrap(card, 30))
                _box(ax, x, 50 - j * 40, width, 28, text, fill=FILLS[i], size=10)

    cards = "; ".join(f"{name}: " + ", ".join(f"'{c}'" for c in board[name]) for name in names)
    return Diagram(
        "A Now-Next-Later roadmap",
        "Three columns of outcome cards with no dates on the columns; detail falls from left to "
        f"right as certainty falls. {cards}.",
        draw, height=3.6)


def _draw_tree(ax: Any) -> None:
    import textwrap

    def node(x: float, y: float, text: str, fill: str, width: float = 21.0) -> None:
        _box(ax, x - width / 2, y - 5, width, 10, "\n".join(textwrap.wrap(text, 26)),
             fill=fill, size=9)

    node(50, 90, "Outcome: new users plan their first week within ten minutes", FILLS[0], 40)
    opportunities = ((18, "Opportunity: typing in our pantry takes too long"),
                     (50, "Opportunity: an empty week feels like homework"),
                     (82, "Opportunity: we never agree on what to cook"))
    for x, text in opportunities:
        _arrow(ax, (50, 84), (x, 70))
        node(x, 64, text, FILLS[1])
    solutions = ((36, "Solution: starter plan from three questions"),
                 (64, "Solution: copy a plan from a similar household"))
    for x, text in solutions:
        _arrow(ax, (50, 58), (x, 45))
        node(x, 39, text, FILLS[2])
    _arrow(ax, (36, 33), (36, 21))
    node(36, 15, "Test: paper prototype with five new households", FILLS[3])
    _arrow(ax, (64, 33), (64, 21))
    node(64, 15, "Test: fake-door button, count the taps", FILLS[3])


OPPORTUNITY_TREE = Diagram(
    "An opportunity solution tree",
    "Four levels, top to bottom. At the root one outcome: new users plan their first week "
    "within ten minutes. Under it three opportunities in the customer's words: typing in our "
    "pantry takes too long; an empty week feels like homework; we never agree on what to cook. "
    "Under the opportunity 'an empty week feels like homework' two candidate solutions: a "
    "starter plan from three questions, and copying a plan from a similar household. Under "
    "each solution one assumption test: a paper prototype with five new households, and a "
    "fake-door button that counts taps.",
    _draw_tree, height=5.5)

DIAGRAMS: dict[str, Diagram] = {
    "pyramid": PYRAMID,
    "chain": CHAIN,
    "now_next_later": now_next_later(),
    "opportunity_tree": OPPORTUNITY_TREE,
}
"""Every diagram a lesson shows, by name."""


def diagram(name: str) -> Diagram:
    """One of the course's diagrams by name (``pyramid``, ``chain``, ``now_next_later``, ...)."""
    try:
        return DIAGRAMS[name]
    except KeyError:
        known = ", ".join(repr(k) for k in DIAGRAMS)
        msg = f"there is no diagram {name!r}; the diagrams are {known}"
        raise LookupError(msg) from None
