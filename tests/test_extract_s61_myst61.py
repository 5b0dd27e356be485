"""A Sphinx documentation site written in MyST Markdown (session 61): its pages read as the built site shows them.
conf.py's `myst_substitutions` and a page's own `myst: substitutions:` fill in `{{ name }}`; a `{ref}` or `{eq}` to
a label another page of the project defines shows that section's title or that equation (Sphinx's labels are the
project's); an admonition with options (`:class: dropdown`) is a card like one without. Every note is written to one
wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)

NOTES["conf.py"] = (
    "# Configuration file for the Sphinx documentation builder.\n\n"
    "project = \"RL notes\"\nauthor = \"A. Writer\"\n\n"
    "extensions = [\"myst_parser\", \"sphinx.ext.mathjax\"]\n"
    "myst_enable_extensions = [\"dollarmath\", \"amsmath\", \"colon_fence\", \"deflist\", \"substitution\"]\n"
    "myst_substitutions = {\n    \"sb\": \"Sutton & Barto (2018)\",\n    \"td\": \"temporal-difference learning\",\n}\n"
    "html_theme = \"furo\"\n"
    "mathjax3_config = {\"tex\": {\"macros\": {\"Ex\": r\"\\mathbb{E}\", \"argmax\": [r\"\\arg\\max_{#1}\", 1]}}}\n")
NOTES["index.md"] = (
    "# RL notes\n\n```{toctree}\n:maxdepth: 2\n\nvalue-functions\ncontrol\n```\n")
NOTES["value-functions.md"] = (
    "(value-functions)=\n# Value functions\n\n"
    "The state-value function of a policy is the expected return from a state when following that policy, "
    "$v_\\pi(s) = \\Ex_\\pi[G_t \\mid S_t = s]$.\n\n"
    "(sec-bellman)=\n## Bellman expectation equation\n\n"
    "The value of a state is the expected immediate reward plus the discounted value of the next state:\n\n"
    "$$\nv_\\pi(s) = \\mathbb{E}_\\pi[R_{t+1} + \\gamma v_\\pi(S_{t+1}) \\mid S_t = s]\n$$ (eq-bellman-v)\n\n"
    "## TD(0)\n\n"
    "In {{ td }} the estimate moves towards a target that itself uses the current estimate, which is called "
    "bootstrapping.\n\n"
    "The discount factor notation follows {{ sb }} throughout these pages.\n")
NOTES["control.md"] = (
    "---\nmyst:\n  substitutions:\n    td: \"TD learning\"\n---\n\n"
    "# Control\n\n## Q-learning\n\n"
    "Q-learning is off-policy {{ td }}: its target takes the greedy action in the next state, whatever the "
    "behaviour policy does. Its target is the sample version of the Bellman optimality equation, and its "
    "evaluation counterpart is {eq}`eq-bellman-v`.\n\n"
    "## Exploration\n\n"
    "With a fixed $\\varepsilon$ the greedy policy keeps exploring forever, which is what makes the learned values "
    "those of an $\\varepsilon$-soft policy.\n\n"
    "```{warning}\n:class: dropdown\n"
    "Decaying epsilon too quickly makes the agent commit to a suboptimal action before its value estimate is "
    "reliable.\n```\n\n"
    "## SARSA\n\n"
    "SARSA is the on-policy counterpart of Q-learning: its target uses the action the behaviour policy actually "
    "takes, as the TD update on the {doc}`value-functions` page does.\n\n"
    "## Policy evaluation\n\n"
    "Iterative policy evaluation repeats the backup of {ref}`sec-bellman` over every state until the values stop "
    "changing.\n")


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    """A wiki holding every note of this module."""
    return new_wiki(tmp_path_factory.mktemp("myst61"), NOTES, CONFIG)


@pytest.fixture(scope="module")
def cards(wiki) -> list[dict]:
    """`mlwiki cards --json` of the wiki."""
    return json.loads(run(wiki, "cards", "--json", ok=True).output)


def test_conf_py_substitutions_show_their_text(cards):
    """`{{ td }}` in a page of a Sphinx project shows what conf.py's `myst_substitutions` says: the braces are
    never on a card, and the card says what the site says ("temporal-difference learning")."""
    text = _text(_made(cards, "value-functions.md"))
    assert "{{" not in text and "}}" not in text
    assert "In temporal-difference learning the estimate moves towards a target" in text


def test_front_matter_substitutions_win_over_conf_py(cards):
    """A page's own `myst: substitutions:` front matter defines `{{ td }}` for that page, over conf.py's."""
    text = _text(_made(cards, "control.md"))
    assert "{{" not in text
    assert "Q-learning is off-policy TD learning" in text


def test_eq_to_another_pages_equation_shows_the_equation(cards):
    """`{eq}`eq-bellman-v`` on one page, the label on another page's `$$ … $$ (eq-bellman-v)`: the card shows the
    equation (Sphinx numbers and links labels across the project), not "the bellman v equation"."""
    text = _text(_made(cards, "control.md"))
    assert "bellman v equation" not in text
    assert "v_\\pi(s) = " in text


def test_ref_to_another_pages_section_shows_its_title(cards):
    """`{ref}`sec-bellman`` to a section another page labels `(sec-bellman)=`: the card shows the section's title,
    as the site's link does, not "the section"."""
    text = _text(_made(cards, "control.md"))
    assert "of the section" not in text and "sec-bellman" not in text
    assert "repeats the backup of Bellman expectation equation over every state" in text


def test_doc_role_shows_the_pages_title(cards):
    """`{doc}`value-functions`` links another page of the project: the site shows that page's title, "Value
    functions", and so does the card (not the file name, "value-functions")."""
    backs = [back for back in _made(cards, "control.md").values() if "SARSA is the on-policy" in back]
    assert backs and all("[Value functions](value-functions)" in back for back in backs)


def test_admonition_with_options_is_a_card(cards):
    """A `{warning}` whose first line is an option (`:class: dropdown`, how the site folds it) makes its card, as
    the same warning without the option does; the option is never on it."""
    made = _made(cards, "control.md")
    backs = [back for back in made.values() if "Decaying epsilon too quickly" in back]
    assert backs and all(":class:" not in back for back in backs)


def test_conf_py_mathjax_macros_are_the_wikis(cards, wiki):
    """conf.py's `mathjax3_config` macros (`\\Ex`) are the wiki's, as the Sphinx site's MathJax has them: `check`
    finds no unknown command in a card's formula that uses one (the Anki export's MathJax defines them too)."""
    assert any("\\Ex_\\pi" in back for back in _made(cards, "value-functions.md").values())
    report = run(wiki, "check").output
    assert "unknown command `\\Ex`" not in report
