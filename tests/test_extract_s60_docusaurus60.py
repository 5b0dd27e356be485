"""A Docusaurus docs site kept as course notes (session 60, docusaurus60): nested admonitions, boxes and folds of the
course's furniture, tabs, code blocks with magic comments, quoted exam questions. Every note is written to one wiki
in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("docusaurus60"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["docs/cv/batchnorm.md"] = (
    "---\nsidebar_position: 3\ntitle: Batch normalisation\ntags: [cnn, week-2]\n---\n\n# Batch normalisation\n\n"
    "## Train and test behaviour {#modes}\n\n"
    ":::::info Two modes\n\n"
    "During training the layer normalises with the statistics of the current mini-batch, and it keeps running\n"
    "averages of them as it goes.\n\n"
    "::::danger Forgetting eval mode\n"
    "A model left in training mode at test time normalises each test batch by its own statistics, so its\n"
    "predictions depend on which other examples share the batch.\n"
    "::::\n\n"
    "At test time the running averages replace the batch statistics, so each prediction is deterministic.\n\n"
    ":::::\n")


def test_an_admonition_nested_in_another_is_a_card_under_its_own_title(cards):
    """Docusaurus nests an admonition in another by giving the outer one more colons; the inner box shows, titled,
    inside the outer one. Its text is a part of the section under its own title (it was on no card)."""
    made = _made(cards, "docs/cv/batchnorm.md")
    inner = [front for front, back in made.items() if "depend on which other examples share the batch" in back]
    assert inner and all(front.startswith("Batch normalisation › Train and test behaviour › Forgetting eval mode")
                         for front in inner), made
    assert any("running averages replace the batch statistics" in back for back in made.values()), made


NOTES["docs/cv/augmentation.mdx"] = (
    "---\ntitle: Data augmentation\nslug: /cv/augmentation\n---\n\n"
    "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Data augmentation\n\n"
    "Lecture 5 (Feb 12). The slides were rushed at the end, so the mixing part is mostly from the paper.\n\n"
    "## Mixing images\n\n"
    ":::info Lecture 5 — Feb 12\nGuest lecture for the mixing part, the slides were very dense.\n:::\n\n"
    "**Mixup** trains on convex combinations of pairs of images and of their one-hot labels, with a mixing weight\n"
    "drawn from a Beta distribution; the model learns to behave linearly between training examples.\n\n"
    "**CutMix** pastes a rectangle cut from one image into another and mixes the labels in proportion to the\n"
    "area of the pasted patch, so no pixel is a blurry average.\n\n"
    "<details>\n<summary>My lab 3 accuracies (not for the exam)</summary>\n\n"
    "ResNet-18 on CIFAR-10 reached 94.1% with mixup against 93.2% without it, after 200 epochs on the lab\n"
    "machine; the runs took most of the night.\n\n</details>\n\n"
    "## Families\n\n<Tabs>\n  <TabItem value=\"mix\" label=\"Mixing\">\n\n"
    "Mixup, CutMix, MixUp-CutMix. Blended inputs, soft labels. Everything becomes a smoother target, which is why\n"
    "the networks end up better calibrated. The default for ImageNet recipes since DeiT.\n\n  </TabItem>\n"
    "  <TabItem value=\"auto\" label=\"Searched\">\n\n"
    "AutoAugment, RandAugment, TrivialAugment. Policies of operations and magnitudes, chosen by a search or at\n"
    "random. Strong on small datasets.\n\n  </TabItem>\n</Tabs>\n")


def test_the_course_furniture_of_a_lecture_page_is_no_card(cards):
    """A box titled by the lecture and its date, a fold whose title says it is not for the exam and a page's
    account of how the lecture went and where its part comes from instead are the writer's, not the subject's."""
    text = _text(_made(cards, "docs/cv/augmentation.mdx"))
    assert "Guest lecture" not in text and "Lecture 5" not in text, text
    assert "slides were rushed" not in text and "mostly from the paper" not in text, text
    assert "94.1%" not in text and "lab 3" not in text, text
    assert "convex combinations of pairs of images" in text and "area of the pasted patch" in text, text


def test_a_tab_opening_on_a_list_of_names_is_no_definition_of_the_tab(cards):
    """"Mixup, CutMix, MixUp-CutMix." first in the tab "Mixing" names instances of the tab's kind: no "Define:
    Mixing" card of it; the names stay on the tab's card, before what the tab says of them."""
    made = _made(cards, "docs/cv/augmentation.mdx")
    assert not any("Define:" in front for front in made), made
    tabs = {front: back for front, back in made.items() if front.endswith("› Mixing")}
    assert tabs and all(back.startswith("Mixup, CutMix, MixUp-CutMix.") and "better calibrated" in back
                        for back in tabs.values()), made


NOTES["docs/rl/ppo.md"] = (
    "---\ntitle: Policy optimisation\nsidebar_label: PPO\n---\n\n# Policy optimisation\n\n## One PPO iteration\n\n"
    "Each iteration of the algorithm does three things:\n\n"
    "1. **Rollouts**: run the current policy in parallel environments for a fixed number of steps.\n"
    "2. **Advantages**: estimate the advantage of every step with GAE from the value network's predictions.\n"
    "3. **Update**: take several epochs of minibatch steps on the clipped surrogate objective:\n\n"
    "$$\nL^{CLIP}(\\theta) = \\mathbb{E}_t\\big[\\min(r_t(\\theta) A_t,\\ \\mathrm{clip}(r_t(\\theta), 1-\\epsilon, "
    "1+\\epsilon) A_t)\\big]\n$$\n\n"
    "The clip removes the incentive to move the probability ratio far from one within a single update.\n")


def test_a_list_whose_last_step_leads_into_a_formula_keeps_that_step(cards):
    """The last item of a numbered list introduces the display formula under it ("3. **Update**: … objective:"):
    the list's card keeps that step's words, not its number alone ("3.")."""
    made = _made(cards, "docs/rl/ppo.md")
    steps = [back for front, back in made.items() if front.endswith("Each iteration of the algorithm does three things:")]
    assert steps and "3. **Update**: take several epochs of minibatch steps on the clipped surrogate objective" \
        in steps[0], made
    assert not any(back.rstrip().endswith("3.") for back in made.values()), made


NOTES["docs/rl/returns.mdx"] = (
    "---\ntitle: Returns\n---\n\n# Returns\n\n## Discounting\n\n"
    "The return sums the rewards of an episode from a step on, each weighted by a power of the discount factor.\n\n"
    ":::tip Likely exam question\n"
    "\"Why does a discount factor below one keep the return finite?\" → with bounded rewards the discounted sum\n"
    "is a geometric series, bounded by the largest reward divided by one minus the discount factor.\n:::\n")


def test_a_quoted_question_answered_after_an_arrow_is_asked_on_the_front(cards):
    """An exam question in quotes, answered after an arrow, in a box titled "Likely exam question": the front asks
    the question (without its quotes), the back is the answer."""
    made = _made(cards, "docs/rl/returns.mdx")
    asked = {front: back for front, back in made.items()
             if front.endswith("Why does a discount factor below one keep the return finite?")}
    assert asked and all(back.startswith("with bounded rewards the discounted sum") for back in asked.values()), made
    assert not any('"Why' in front for front in made), made


NOTES["docs/cv/memory.md"] = (
    "---\ntitle: Model memory\n---\n\n# Model memory\n\n## Weights in fp32\n\n"
    "Each parameter takes four bytes in single precision, so the weights of a model with $N$ parameters take\n\n"
    "$$\nM \\approx 4 N \\text{ bytes}\n$$\n\n"
    "Mixed precision halves the activations' share but keeps an fp32 master copy of the weights.\n\n"
    ":::tip\nSanity check from the lecture: VGG-16 has $N = 138\\text{M}$ parameters, so its weights take\n"
    "$M \\approx 552\\text{ MB}$ in fp32.\n:::\n")


def test_a_labelled_line_in_an_untitled_box_is_asked_by_its_label_alone(cards):
    """"Sanity check from the lecture: …" in an untitled `:::tip`: asked "… › Sanity check from the lecture",
    without the box's kind after the label ("› tip"), which is no heading."""
    made = _made(cards, "docs/cv/memory.md")
    labelled = [front for front, back in made.items() if "VGG-16" in back]
    assert labelled and all(not front.endswith("› tip") for front in labelled), made


NOTES["docs/tools/clipping.md"] = (
    "---\ntitle: PyTorch tricks\n---\n\n# PyTorch tricks\n\n## Gradient clipping\n\n"
    "Clip the global gradient norm after the backward pass and before the optimiser step, otherwise the step uses the\n"
    "unclipped gradients.\n\n"
    "```python title=\"train.py\" {3}\nloss.backward()\n# highlight-next-line\n"
    "torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)\noptimizer.step()\n```\n\n"
    "## Zeroing\n\n"
    "Call `optimizer.zero_grad()` before each backward pass, because PyTorch accumulates gradients across calls:\n\n"
    "```python\noptimizer.zero_grad()\nloss.backward()\n```\n\n## Resuming\n\n"
    "Load the state dictionaries into models built the same way, then call `model.train()` before resuming.\n")


def test_a_code_block_shows_no_magic_comment_on_a_card(cards):
    """Docusaurus highlights a code line with a comment above it (`# highlight-next-line`) that the site never
    shows: the snippet on the card has the code without it, and the lines after the block keep their numbers."""
    found = [c for c in cards if c["source"]["path"] == "notes/docs/tools/clipping.md"]
    saving = [c for c in found if "clip_grad_norm_" in c["back"]]
    assert saving and all("highlight-next-line" not in c["back"] for c in saving), found
    assert any(c["source"]["line"] == 28 and c["front"].endswith("› Resuming") for c in found), found
