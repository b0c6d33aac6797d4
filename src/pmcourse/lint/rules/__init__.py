"""The lint rules, one module per statement kind; importing this package registers them all."""

from __future__ import annotations

from . import mission, north_star, outcome, strategy, task, vision

__all__ = ["mission", "north_star", "outcome", "strategy", "task", "vision"]
