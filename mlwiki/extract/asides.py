"""The writer's asides about their course, which no card asks: which lecture or homework a text comes from ("Lec
5–6.", "(got bitten by that in hw2)"). Pure."""

from __future__ import annotations

import re

# The writer's course around the subject (of the text in lower case): "Got this wrong on HW1.", "Also needed for
# pset 3.", "(… got bitten by that in hw2)", "Lectures 1–2 + C&T ch. 2.": which homework, exam or lecture, not a fact
COURSE = re.compile(r"(?<![\w-])(?:(?:hw|assignments?|problem ?sets?|lec(?:tures?|s)?\.?)[ \t]*#?\d|(?:homework|psets?|"
                    r"midterms?|exams?|examinable|quiz(?:zes)?|recitations?|office hours|lecturer)"
                    r"(?:[ \t]*#?\d+[a-z]?(?:[ \t]*[–-][ \t]*\d+)?)?(?![\w-]))")  # ("hw", "assignment",
# "lecture" with their number only: "hw acceleration", "a hard assignment" in k-means, "in lecture, Jensen gave …"
# are no course remark; nor a professor who proposed something; "Lec 5–6." is a lecture's number too)
COURSE_HINT = re.compile(r"hw|homework|pset|problem ?set|assignment|midterm|exam|quiz|recitation|office hours|lec")
