"""The grading pipeline around nbgrader: course, intake, workers, preprocessors, ledger, gradebook,
exports, feedback and the exchange."""
