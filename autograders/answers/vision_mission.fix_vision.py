"""Instructor-only answers for vision_mission.fix_vision: a full-marks one, partial, wrong."""

REFERENCE = [
    {"vision_id": "G1", "rules": ["internal-goal", "names-solution", "no-beneficiary",
                                  "dates-or-metrics"],
     "rewrite": "People recovering from an injury get back to the life they had before it."},
    {"vision_id": "G2", "rules": ["feature-list", "names-solution", "no-beneficiary"],
     "rewrite": "No patient has to guess whether they are doing an exercise right."},
    {"vision_id": "G3", "rules": ["empty-slogan"],
     "rewrite": "Everyone recovering from an injury moves without fear again."},
    {"vision_id": "G4", "rules": ["horizon-too-short", "dates-or-metrics"],
     "rewrite": "Patients recover at home with the same confidence they feel in the clinic."},
    {"vision_id": "G5", "rules": ["strategy-in-vision"],
     "rewrite": "Recovering from an operation feels like steady progress for every patient."},
    {"vision_id": "G6", "rules": ["too-long"],
     "rewrite": "People heal from surgery knowing they are on the right track."},
]

PARTIAL = [
    # diagnosis only half right, rewrites good
    [{**row, "rules": row["rules"][:1]} for row in REFERENCE],
    # diagnosis right, rewrites left as the drafts (copies that still break the rules)
    [
        {"vision_id": "G1", "rules": REFERENCE[0]["rules"],
         "rewrite": "Become the leading physiotherapy app in Europe and double our revenue."},
        {"vision_id": "G2", "rules": REFERENCE[1]["rules"],
         "rewrite": "An app with video exercises, pain tracking, reminders and progress charts."},
        {"vision_id": "G3", "rules": REFERENCE[2]["rules"],
         "rewrite": "Innovative, best-in-class recovery for everyone."},
        {"vision_id": "G4", "rules": REFERENCE[3]["rules"],
         "rewrite": "By the end of this year, half of all patients finish their exercise plan."},
        {"vision_id": "G5", "rules": REFERENCE[4]["rules"],
         "rewrite": "For private clinics in cities, unlike paper handouts, patients recover."},
        {"vision_id": "G6", "rules": REFERENCE[5]["rules"],
         "rewrite": "People recovering from an injury do their exercises at home every day."},
    ],
]

WRONG = [
    # rules that do not apply, and off-topic slogans as rewrites
    [{"vision_id": row["vision_id"], "rules": ["too-long"],
      "rewrite": "Make the world a better place."} for row in REFERENCE],
    # only one row, with a rule that is not there
    [{"vision_id": "G3", "rules": ["internal-goal"], "rewrite": "The best recovery tool."}],
]
