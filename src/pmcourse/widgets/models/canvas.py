"""The strategy canvas: seven steps from vision to principles, and four questions to answer.

Each prompt is one labelled text area; the canvas is complete when every prompt has an answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from .base import Draft, DraftError, filled


@dataclass(frozen=True)
class CanvasPrompt:
    """One prompt on the canvas: its field key, the step it belongs to, a label and help text."""

    key: str
    step: str
    label: str
    help: str


CANVAS_PROMPTS: tuple[CanvasPrompt, ...] = (
    CanvasPrompt("vision", "1. Vision", "Vision",
                 "Why does the company exist, and how do customers behave differently once it "
                 "succeeds? Leave revenue and market position out."),
    CanvasPrompt("mission", "2. Mission", "Product mission",
                 "What does the product itself contribute to that vision: for whom, in which "
                 "category, with which defining aspects? No slogans."),
    CanvasPrompt("icp", "3. Strategy", "Ideal customer profile (ICP)",
                 "The customer you serve best, described sharply enough to say no to others."),
    CanvasPrompt("segments", "3. Strategy", "Segments, industries and geographies",
                 "Where you play: the segments, industries and regions you pick first."),
    CanvasPrompt("differentiation", "3. Strategy", "Differentiation: why you win",
                 "What you do that competitors do not, backed by customer and market research."),
    CanvasPrompt("not_doing", "3. Strategy", "What we will not do",
                 "The customers, markets or features you deliberately turn down."),
    CanvasPrompt("goals", "4. Measurable goals", "Measurable product goals",
                 "How you will know customers succeed: a North Star metric and the leading "
                 "metrics that feed it (not ARR or LTV)."),
    CanvasPrompt("intents", "5. Roadmap", "Strategic intents (roadmap swimlanes)",
                 "The few work streams that deliver the goals; keep them within your capacity "
                 "and with few dependencies between them."),
    CanvasPrompt("initiatives", "6. Initiatives", "Initiatives as hypotheses",
                 "Opportunities under each intent, written as bets to test: 'We believe ... will "
                 "lead to ...; we will know when ...'."),
    CanvasPrompt("principles", "7. Values and principles", "Values and product principles",
                 "Guardrails for everyday decisions: how you collaborate, what you trade off, "
                 "what you promise and can keep."),
    CanvasPrompt("q_build", "Four questions",
                 "What did we build, what are we building, what comes next, and why?",
                 "The story of the product so far and the reasons behind each stage."),
    CanvasPrompt("q_target", "Four questions", "Whom do we target, and why them?",
                 "Tie this to the ICP above: the reason this group comes first."),
    CanvasPrompt("q_grow", "Four questions", "How will we grow, and why that way?",
                 "The growth path you choose (channels, expansion, word of mouth) and its reason."),
    CanvasPrompt("q_good", "Four questions", "How do we know the product is good, and why?",
                 "The evidence you will trust: the goals above, research, retention."),
)


LINKABLE: dict[str, str] = {"vision": "vision", "mission": "mission", "goals": "north_star",
                            "intents": "roadmap"}
"""Canvas prompt -> the kind of draft that already holds its answer (another widget's file)."""


def linked_text(draft: Draft) -> str:
    """What a vision, mission, North Star or roadmap draft answers on the canvas."""
    fields = draft.fields_to_dict()
    if draft.KIND in ("vision", "mission"):
        return str(fields.get("statement", ""))
    if draft.KIND == "north_star":
        inputs = [i for i in fields.get("inputs", []) if str(i).strip()]
        metric = str(fields.get("metric", "")).strip()
        return metric + (f" (inputs: {'; '.join(inputs)})" if metric and inputs else "")
    if draft.KIND == "roadmap":
        return "\n".join(i for i in fields.get("intents", []) if str(i).strip())
    return ""


@dataclass
class StrategyCanvasDraft(Draft):
    """Answers to every canvas prompt, keyed by the prompt's key."""

    KIND: ClassVar[str] = "strategy_canvas"
    TITLE: ClassVar[str] = "Strategy canvas"
    PROMPTS: ClassVar[tuple[CanvasPrompt, ...]] = CANVAS_PROMPTS

    answers: dict[str, str] = field(default_factory=dict)
    linked: dict[str, str] = field(default_factory=dict, compare=False)
    """Prompt -> the answer another draft already holds (shown read-only, never saved here), so
    the canvas does not ask twice for the vision, mission, goals or intents."""

    def set_answer(self, key: str, text: str) -> None:
        """Stores the answer to one prompt (KeyError for a key that is not on the canvas)."""
        if key not in {p.key for p in self.PROMPTS}:
            msg = f"The canvas has no prompt {key!r}."
            raise KeyError(msg)
        self.answers[key] = text

    def answer(self, key: str) -> str:
        """The answer to one prompt (the linked draft's, when the prompt is linked), or ''."""
        if key in self.linked:
            return self.linked[key]
        return self.answers.get(key, "")

    def missing(self) -> list[str]:
        """Labels of the prompts without an answer, in canvas order."""
        return [p.label for p in self.PROMPTS if not filled(self.answer(p.key))]

    def parts(self) -> int:
        """One part per prompt."""
        return len(self.PROMPTS)

    def steps(self) -> dict[str, list[CanvasPrompt]]:
        """The prompts grouped by step, in canvas order."""
        out: dict[str, list[CanvasPrompt]] = {}
        for prompt in self.PROMPTS:
            out.setdefault(prompt.step, []).append(prompt)
        return out

    def fields_to_dict(self) -> dict[str, Any]:
        """Answers keyed by prompt (unknown keys from older files are kept)."""
        return {"answers": dict(self.answers)}

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """Reads the answers dict, refusing non-text answers."""
        answers = data.get("answers", {})
        if not isinstance(answers, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in answers.items()
        ):
            msg = ("The strategy canvas draft's 'answers' should map prompt names to texts. "
                   "Edit the file or delete it to start over.")
            raise DraftError(msg)
        return cls(answers=dict(answers))

    def to_markdown(self) -> str:
        """One sub-heading per step, each prompt's answer under its label."""
        out = [f"## {self.TITLE}", ""]
        for step, prompts in self.steps().items():
            out += [f"### {step}", ""]
            for prompt in prompts:
                text = self.answer(prompt.key).strip()
                out += [f"**{prompt.label}**", "", text or "_Not written yet._", ""]
        return "\n".join(out).rstrip() + "\n"
