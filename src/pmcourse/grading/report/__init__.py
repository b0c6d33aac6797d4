"""The cohort report: statistics, plots and the HTML page."""
