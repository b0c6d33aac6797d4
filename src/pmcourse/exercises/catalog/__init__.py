"""The course's problems as data: practice/ (keys shipped) and graded/ (keys in the course's autograders/)."""
