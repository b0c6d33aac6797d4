"""nbgrader-format conformance courses of our own, built in the test from small notebooks."""
