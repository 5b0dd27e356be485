"""Sections that report the writer's own runs: a lab they did, an experiment or project they logged, the numbers their
own fit gave. Course notes and project notes keep them beside the theory:

    ## My runs (CIFAR-10, ResNet-18, 30 epochs, cosine, wd 5e-4)
    ### Lab 9: RealNVP on two moons
    ## Experiment log: MNIST 10k subset (homework 6 warm-up)
    ## Project log (sensor data, 11 features, N ≈ 8 000)

What they hold is what happened on one data set with one seed ("11 of 32 latent dims active", "test acc → 94.0",
"ε = 0.7 → 5 clusters, 19 % noise", "pushing a grid through f⁻¹ shows the plane bent"): no learner recalls it in a
month, and the rule it shows is stated, and carded, in the theory above it. Such a section is read as a worked
example is (`subject.is_example_title`): its prose makes no card, the writer's own cards still do.

The heading says so by its words, never by its subject: a log of experiments, runs or a project; the writer's own
runs, results, experiment or comparison ("my run", "my own mini experiment"); a numbered lab ("Lab 6: …", "Leakage
demo (lab 7)"). A paper's "Results" and "Cliff walking results" are not enough (what a method is known to do), nor
"Lindley in numbers (my own check)" (a check the writer makes of a stated result, which the section goes on to
state), nor a topic drawn "from my lab runs" or the lessons of a run ("Pitfalls (my CartPole run)").
"""

from __future__ import annotations

import re

# "Experiment log", "Project log (sensor data …)", "Lab log — …", "Hyperparameter log", "First experiment log (Dec 5 …)"
_LOG = r".*\b(?:experiments?|projects?|runs?|training|lab|hyperparameters?|tuning|sweep)[ \t]+logs?\b"
# "My runs (…)", "Seen in my lab runs", "My own mini experiment", "My schedule comparison (…)", "BN vs GN (my run)",
# "My coursework split, concretely", "My lab 5 results"; the noun within three words of "my"
_MINE = (r".*\b(?<!from[ \t])my[ \t]+(?:own[ \t]+)?(?:(?!of\b|on\b|about\b)[\w./-]+[ \t]+){0,3}?(?:runs?|results?|experiments?|sweeps?|comparison|"
         r"split|measurements?|timings?|benchmarks?)\b")
# "Lab 9: RealNVP on two moons", "Lab 5 (AdaBoost vs …)", "Lab 3 results", "… (lab 7)", "Numbers from lab 5": a numbered
# session of a course the writer ran (a day's "Lab (afternoon): Gibbs sampling for …" or "Lab: …" entry is what they
# learnt there, stated as lessons; a "Demo — …" may be the lecturer's, and state its lesson)
_LAB = (r"[ \t]*lab[ \t]*\d+[a-z]?[ \t]*(?::|—|–|\(|results?\b|$)|.*\(lab[ \t]*\d+\b|.*\bfrom[ \t]+lab[ \t]*\d+\b")
# A heading of the lessons drawn: "Pitfalls (my CartPole run, …)", "Pitfalls checklist (from my own bugs)", "Lessons …"
_LESSONS = r"[\W\d_]*(?:pitfalls?|gotchas?|mistakes?|bugs?|lessons?|tips?|takeaways?|what[ \t]+i[ \t]+learn[te]d)\b"
_OWN_RUN_TITLE = re.compile(rf"(?i)(?!{_LESSONS})(?:{_LOG}|{_MINE}|{_LAB})")


def reports_own_runs(title: str) -> bool:
    """Whether a heading opens a section that reports the writer's own runs (see the module's doc): a lab, a log of
    experiments or a project, the writer's own runs or results."""
    return bool(_OWN_RUN_TITLE.match(title))
