"""Authoring: assignments declared as data, the notebooks built from them, and sample cohorts."""
