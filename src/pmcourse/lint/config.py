"""Every threshold the linter uses, in one place, each with the source it comes from.

Codes in brackets refer to /work/shared/design/content-research.md section 3; [H] marks a house
choice that no source fixes exactly.
"""

from __future__ import annotations

VISION_MAX_WORDS = 25
"""V05 / PV-1: course default [H]; Pichler asks for a concise, memorable vision, 001 a short
one."""

VISION_MAX_SENTENCES = 2
"""V05: the original Product Vision Board guidance limits the vision to two sentences [S]."""

FEATURE_LIST_MIN_ITEMS = 2
"""V01: two or more feature nouns joined by commas or 'and' make a feature list."""

FEATURE_ACTIONS_MIN_ITEMS = 2
"""V01: two or more product actions in a row ('scans your pantry, suggests recipes') list what
the product does, which is a feature list in verbs [H]."""

FEATURE_ACTION_OBJECT_MAX_WORDS = 8
"""V01: the words a product action may take as its object before the next one starts [H]."""

FEATURE_AFTER_WITH_WINDOW = 6
"""V01: a feature noun within this many words after 'with', 'featuring', 'includes' ... [H]."""

SAME_AS_VISION_RATIO = 0.8
"""M04: normalised similarity above which a mission merely repeats the vision [H]."""

OUTCOME_FEATURE_NAME_MAX_WORDS = 4
"""R03: a roadmap item this short with no people and no change reads as a feature name [H]."""

OUTCOME_TIMELINE_MIN_DATES = 2
"""R03 / R02: this many dates heading entries ('15 March: ...; 30 April: ...') make a roadmap
item a feature timeline, whose short entries are feature names (001: not a list of features)."""

VAGUE_NUMBER_WINDOW = 40
"""K08: a vague quality word is fine when a number sits within this many characters [H]."""

STRATEGY_ROADMAP_MIN_DATES = 3
"""S04: this many dated items turn a strategy into a roadmap (000: a strategy is not a roadmap)."""

STRATEGY_MAX_SEGMENTS = 2
"""S03: more named segments than this and the strategy tries to serve everyone (003 Step 3)."""

NORTH_STAR_MAX_WORDS = 20
"""G03 / Amplitude: one metric, short enough to say aloud [H]."""

LINT_MAX_CHARS = 5000
"""The linter reads at most this many characters of a statement (about 800 words, several times
the longest strategy paragraph in the course); the rest is reported, not read, so linting a huge
answer costs no more than linting a long one [H]."""
