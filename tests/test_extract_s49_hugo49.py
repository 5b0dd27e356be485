"""A Hugo site of study notes (session 49, the tune24 Hugo judge): its shortcodes are read as what the site shows,
its TOML front matter as front matter, its archetypes and section list pages as the site's furniture; and two rules
any notes trip on: an algorithm whose numbered steps hold a loop of sub-steps, and a setting's label over a claim
about it. Notes written to tmp_path in words of their own, read back through the CLI as a learner meets them."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
TOML_FRONT = '+++\ntitle = "{}"\ndate = 2025-05-02T10:00:00+02:00\ndraft = {}\ntags = ["kernels", "svm"]\n+++\n\n'

KERNELS = TOML_FRONT.format("Kernel methods", "false") + r"""Notes on kernels, mostly from the SVM chapter.

<!--more-->

## Mercer's condition

A symmetric function is a valid kernel when every Gram matrix it builds is positive semidefinite; see the
[SVM dual note]({{< ref "notes/svm-dual.md" >}}) for why the dual only ever needs these inner products.

{{% notice warning %}}
An RBF kernel with a very small bandwidth turns every training point into its own island, so the training error
drops to zero while the test error climbs.
{{% /notice %}}

## The kernel trick

{{< details summary="Why the feature map never appears" >}}
The dual objective and the decision function touch the data only through inner products, so replacing each
inner product by a kernel evaluation trains a linear model in the feature space without ever building it.
{{< /details >}}

{{< katex display >}}
k(x, z) = \exp\left(-\frac{\lVert x - z\rVert^2}{2\sigma^2}\right)
{{< /katex >}}

{{< figure src="/img/rbf.png" caption="The RBF kernel against the distance between two points." >}}

{{< youtube dQw4w9WgXcQ >}}
"""


def _wiki(tmp_path, notes: dict[str, str]):
    return new_wiki(tmp_path, notes, CONFIG)


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


KERNELS_2 = NOTES.add({"notes/kernels.md": KERNELS})


def test_hugo_shortcodes_never_reach_a_card(shared):
    """`{{< ref >}}` links show their text; a `{{% notice %}}` box is a callout card of its kind, not pasted into
    the section's card; `{{< details >}}` is a fold titled by its summary; `{{< katex >}}` holds a formula; a
    figure and any other shortcode show no braces."""
    made = shared.backs_by_front(KERNELS_2)
    text = _text(made)
    assert "{{" not in text and "}}" not in text
    assert any("SVM dual note for why" in back for back in made.values())
    warned = [front for front, back in made.items() if back.startswith("An RBF kernel with a very small bandwidth")]
    assert warned and all("Warning" in front for front in warned)
    assert not any("SVM dual note" in back and "RBF kernel" in back for back in made.values())
    assert any(front.endswith("Why the feature map never appears") and "inner products" in back
               for front, back in made.items())
    assert any(r"\exp\left(-\frac{\lVert x - z\rVert^2}{2\sigma^2}\right)" in back and "$$" in back
               for back in made.values())


def test_shortcodes_keep_the_ids_the_cards_had(tmp_path):
    """A card whose front or back lost its raw shortcode keeps the id it had when the shortcode was read as text:
    its review history stays."""
    note = TOML_FRONT.format("Dropout", "false") + (
        "## At test time\n\n"
        "Dropout is switched off at test time and the activations are scaled by the keep probability, as the\n"
        "[regularisation note]({{< ref \"notes/regularisation.md\" >}}) explains for the other noise-based methods.\n")
    root = _wiki(tmp_path, {"notes/dropout.md": note})
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    shown = next(c for c in cards if "keep probability" in c["back"])
    assert "{{" not in shown["back"] and "regularisation note explains" in shown["back"]
    plain = _wiki(tmp_path / "plain", {"notes/dropout.md": note.split("+++\n\n", 1)[1].replace(
        '[regularisation note]({{< ref "notes/regularisation.md" >}})', "regularisation note")})
    before = json.loads(run(plain, "cards", "--json", ok=True).output)
    assert shown["id"] in {c["id"] for c in before}


def test_toml_front_matter_titles_the_note_and_tags_it(tmp_path):
    """A `+++` block is front matter: its keys are no card, its title roots the cards' fronts, its tags tag them,
    and the cards keep the ids they had under the file's name. A draft is still the writer's notes: carded."""
    root = _wiki(tmp_path, {"notes/kernels.md": KERNELS.replace("draft = false", "draft = true")})
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in cards)
    assert "+++" not in text and "title =" not in text and "date =" not in text
    assert any(c["front"].startswith("Kernel methods › Mercer's condition") for c in cards)
    assert all("kernels" in c["tags"] for c in cards)
    untitled = _wiki(tmp_path / "untitled", {"notes/kernels.md": KERNELS.split("+++\n\n", 1)[1]})
    before = {c["id"] for c in json.loads(run(untitled, "cards", "--json", ok=True).output)}
    mercer = next(c for c in cards if c["front"].startswith("Kernel methods › Mercer's condition"))
    assert mercer["id"] in before


DEFAULT = NOTES.add({
    "archetypes/default.md": (
        "+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\ndate = {{ .Date }}\n"
        "draft = true\n+++\n\n**Summary**: one line on what the page covers.\n\n## Sources\n"),
    "content/probability/_index.md": (
        '+++\ntitle = "Probability"\n+++\n\nShort pages on **probability**, the ones I keep coming back to.\n'
        "Start with the [Bayes page]({{< ref \"probability/bayes.md\" >}}).\n"),
    "content/optimisation/_index.md": (
        '+++\ntitle = "Optimisation"\n+++\n\n## Convexity\n\nA convex function has every local minimum '
        "global, so gradient descent with a small enough step cannot get stuck in a bad basin.\n")
})


def test_archetypes_and_section_list_pages_are_site_furniture(shared):
    """Hugo's `archetypes/` are skeletons of new pages (Go template code in their front matter) and a section's
    `_index.md` of a few lines says what the section holds: no cards. A section page with headings of its own is
    read as any note."""
    cards = shared.cards(DEFAULT)
    paths = {c["source"]["path"] for c in cards}
    assert not any("archetypes" in p or "probability" in p for p in paths)
    assert any("optimisation/_index.md" in p for p in paths)
    assert not any("{{" in c["back"] or "{{" in c["front"] for c in cards)


ALGORITHM = r"""# Perceptron

## Training

1. start from the weights $w = 0$
2. for each epoch $t = 1..T$:
   1. shuffle the training set
   2. **margin check**: for each point
      $$m_i = y_i \, w^\top x_i$$
   3. update $w \leftarrow w + \eta\, y_i x_i$ whenever $m_i \le 0$
3. return the last weights, or the average of all the weights seen when the data are noisy
"""


PERCEPTRON = NOTES.add({"perceptron.md": ALGORITHM})


def test_a_loop_among_numbered_steps_is_one_steps_card_with_every_step(shared):
    """A numbered algorithm whose second step is a loop of numbered sub-steps: its first and last steps are on a
    card (they were on none), and the sub-step whose formula is a card of its own keeps that formula under its
    label on the steps card (it was a bare "**margin check**: for each point")."""
    made = shared.backs_by_front(PERCEPTRON)
    steps = [back for back in made.values() if "start from the weights" in back]
    assert len(steps) == 1
    back = steps[0]
    assert "return the last weights" in back and "shuffle the training set" in back
    assert "**margin check**: for each point\n      $$m_i = y_i \\, w^\\top x_i$$" in back
    assert any(back == "$$m_i = y_i \\, w^\\top x_i$$" for back in made.values())  # (its own card still)


RETRIEVAL = NOTES.add({
    "retrieval.md": (
        "# Retrieval\n\n## Pipeline\n\n1. Index: embed every passage once, offline.\n"
        "2. Score each candidate passage against the query:\n"
        "   - cosine similarity of the two embeddings\n   - a cross-encoder that reads both texts together\n")
})


def test_bullets_under_a_numbered_step_stay_an_outline(shared):
    """A numbered list whose step holds bullets (its options, not sub-steps) is read as before: the step's
    options are a card of their own."""
    made = shared.backs_by_front(RETRIEVAL)
    assert not any(front.endswith("› steps") for front in made)


RF = NOTES.add({
    "rf.md": (
        "# Random forests\n\n## Tuning knobs\n\n"
        "- **Tree depth $d$**: controls how many features a single path can combine before it reaches a leaf.\n"
        "- **Forest size $B$**: unlike boosting, adding trees never overfits; the error only levels off.\n"
        "- **Feature fraction**: the share of the features each split may look at.\n")
})


def test_a_settings_label_over_a_claim_is_not_a_term_to_define(shared):
    """Under a heading over settings, "**Tree depth $d$**: controls …" says what the setting does: asked by the
    setting's name, not "Define: …"; a setting's label over what it is ("the number of …") is still defined."""
    made = shared.backs_by_front(RF)
    assert not any("Define: Tree depth" in front or "Define: Forest size" in front for front in made)
    assert any(front.endswith("Tuning knobs › Tree depth $d$") for front in made)
    assert any(front.endswith("Tuning knobs › Forest size $B$") for front in made)
    assert any("Define: Feature fraction" in front for front in made)
