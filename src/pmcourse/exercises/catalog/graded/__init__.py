"""Public halves of graded problems: prompt, inputs, grader. Their keys live in ``autograders/``."""
