"""``python -m pmcourse.grading.authoring [DIR]``: rebuilds the course's source notebooks."""

import sys
from pathlib import Path

from .build import build_all

root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
for written_path in build_all(root):
    print(written_path)
