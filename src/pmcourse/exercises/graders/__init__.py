"""Graders: how an answer is scored, one module per grader."""
