"""Grading: the grade-cell helper, keys, and the instructor pipeline around nbgrader.

This is the only package that imports nbgrader or traitlets, and only in the modules that drive
nbgrader (course, release, pipeline, preprocessors). What a grade cell imports (`cell`, `capture`,
`keys`) stays light, because it runs inside every grading kernel.
"""
