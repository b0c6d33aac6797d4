"""Tests of the drafting widgets (headless) and their models."""
