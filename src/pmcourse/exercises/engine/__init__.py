"""The exercise engine: a Problem as data, its check, hints, solution and the learner's handle."""
