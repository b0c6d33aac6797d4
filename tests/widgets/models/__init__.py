"""Tests of the widget-free draft models."""
