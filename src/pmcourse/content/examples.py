"""Published visions and missions of real organisations, quoted as facts with their source.

Each is shown with what the course's rules make of it: real statements do not all follow one
definition, which is why the course teaches the disagreement as well as its own rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublishedStatement:
    """A statement an organisation published, who published it, when and where, and a comment."""

    text: str
    kind: str
    """What the organisation calls it: ``vision`` or ``mission``."""
    organisation: str
    year: str
    """When it was adopted or first published, as far as the public record shows."""
    where: str
    """Where it was published (the organisation is named separately)."""
    comment: str
    """What the course's house definitions make of it, in our own words."""


PUBLISHED: tuple[PublishedStatement, ...] = (
    PublishedStatement(
        "To create a better everyday life for the many people.", "vision", "IKEA",
        "1976", "ikea.com (About us); the phrase goes back to Ingvar Kamprad's *The "
        "Testament of a Furniture Dealer* (1976)",
        "People and a change in their lives, no product named: a vision by the course's rules."),
    PublishedStatement(
        "Create economic opportunity for every member of the global workforce.", "vision",
        "LinkedIn", "early 2010s", "about.linkedin.com",
        "Names the people (every worker) and the change (opportunity), not the network: a "
        "vision by the course's rules."),
    PublishedStatement(
        "A computer on every desk and in every home.", "vision", "Microsoft", "1980",
        "the founders' vision (Bill Gates and Paul Allen), quoted in Microsoft's own "
        "histories",
        "Vivid and memorable, but it names a product (a computer) rather than a change in "
        "people's lives: by the course's rules the category belongs in the mission. It worked "
        "for decades because owning a computer was itself the change."),
    PublishedStatement(
        "To organize the world's information and make it universally accessible and useful.",
        "mission", "Google", "by 1999", "about.google; on its company pages since its first "
        "years",
        "Says what the company contributes, without a product category: it reads like a "
        "mission by most definitions, and close to a vision by ours."),
    PublishedStatement(
        "To empower every person and every organization on the planet to achieve more.",
        "mission", "Microsoft", "2015", "announced by Satya Nadella in 2015 and printed in "
        "Microsoft's annual reports",
        "Broad enough to be a vision; the course would ask which category of product and "
        "which key aspects make it a product mission."),
    PublishedStatement(
        "To accelerate the world's transition to sustainable energy.", "mission", "Tesla",
        "2016", "tesla.com (About); it replaced 'sustainable transport' in 2016",
        "A contribution to a change in the world, rewritten when the strategy widened from "
        "cars to energy: missions move with the strategy, as the course teaches."),
)


def published(kind: str | None = None) -> tuple[PublishedStatement, ...]:
    """The published statements, optionally only visions or only missions."""
    return tuple(s for s in PUBLISHED if kind is None or s.kind == kind)
