"""Drafting widgets for the course: widget-free models, a debounced draft store and ipywidgets views."""
