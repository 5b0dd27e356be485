"""Jekyll blogs read as kramdown reads them (issue s47, the tune23 Jekyll judge), and what such a blog holds besides.

A page of a Jekyll site (a post or draft under `_posts/` or `_drafts/`, or any note under a folder whose `_config.yml`
is a Jekyll site's) is kramdown: `$$…$$` inside a sentence, a table cell or a list item is inline math, and only a
`$$…$$` paragraph of its own is display math; Liquid tags, attribute lists and abbreviations show nothing, a
`{% highlight %}` block is code, and a quote a theme styles as a box (`{: .prompt-warning }`) is a callout. Other
writers' pages keep their reading (Pandoc's `$$` in a sentence is display math). Then rules any blog trips on: a
running log, a reading group's calendar, a draft banner, the writer's open questions and errands, numbered steps
under a short label or with a step naming an acronym, a remark after a derivation's second formula, a method's
requirements in math, a textbook's classic example. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import json

from conftest import backs_by_front, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
SITE = "title: my notes\ntheme: minima\nmarkdown: kramdown\nkramdown:\n  math_engine: mathjax\n"
BOOK = "title: My book\nauthor: Someone\nexecute:\n  execute_notebooks: off\n"  # (a Jupyter Book's _config.yml)
FRONT = "---\nlayout: post\ntitle: \"{}\"\nmath: true\n---\n\n"

GP = FRONT.format("Gaussian process regression") + (
    "## The prior\n\n"
    "A Gaussian process puts a prior on functions: any finite set of values $$f(x_1), \\dots, f(x_n)$$ is jointly "
    "Gaussian with covariance $$K_{ij} = k(x_i, x_j)$$, so the kernel decides how smooth the draws are.\n\n"
    "$$\n\\mu_* = K_*^\\top (K + \\sigma^2 I)^{-1} y\n$$\n\n"
    "The noise variance $$\\sigma^2$$ keeps the matrix invertible when two inputs coincide.\n")


TRAINING_LOOP = r"""# Optimisers

## Momentum

Setup: a loss $L(w)$ over parameters $w$, noisy minibatch gradients $g_t = \nabla L_{B_t}(w_t)$, conditionally unbiased:
the expected minibatch gradient equals the full gradient $\nabla L(w) = \frac{1}{N}\sum_i \nabla \ell_i(w)$
($N$ = dataset size, $\ell_i$ = loss of example $i$).

Key fact: with a constant gradient the velocity settles at

$$
v_\infty = \frac{g}{1 - \beta} .
$$

(So the step is amplified.) The amplification is the reason the learning rate must shrink when $\beta$ grows.

Training loop:

1. Draw a minibatch $B$ of size $b$ uniformly (or sweep the data in order).
2. Compute its gradient $g_t$ at the current weights $w_t$ (backpropagation through the batch).
3. Form the smoothed direction as if the batch were the whole dataset: $\hat v = \beta v + (1-\beta)\, \frac{N}{b} \sum_{i \in B} \nabla \ell_i(w_t)$.
4. Update $w \leftarrow w - \eta \hat v$.

Step 4 is a gradient step along the smoothed direction. Common settings:

$$
\beta = 0.9, \qquad \eta = 0.01
$$
"""


def _wiki(tmp_path, notes: dict[str, str], site: str | None = SITE) -> dict[str, str]:
    if site is not None:
        notes = {"_config.yml": site, **notes}
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


def _ids(root) -> dict[str, str]:
    return {c["front"]: c["id"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}


def test_inline_double_dollars_in_a_post_stay_in_their_sentence(tmp_path):
    """`$$f(x_1), \\dots$$` inside a sentence of a post is inline math: the sentence is one card, shown with `$…$`,
    and no formula card is cut out of it (", so the kernel decides" → a fragment); the `$$` paragraph of its own is
    still a formula card."""
    made = _wiki(tmp_path, {"_posts/2024-03-01-gp.md": GP})
    text = _text(made)
    assert "$K_{ij} = k(x_i, x_j)$" in text, made
    assert not any(back.strip() == "$$K_{ij} = k(x_i, x_j)$$" for back in made.values()), made
    assert any("$$\\mu_* = K_*^\\top" in back for back in made.values()), made
    assert "so the kernel decides how smooth the draws are" in text, made
    from mlwiki.render.html import markdown_to_html  # (the web and Anki pages show it in its sentence, too)

    shown = markdown_to_html(next(front for front in made if "so the kernel decides" in front))
    assert "\\(K_{ij} = k(x_i, x_j)\\)" in shown and "\\[K_{ij}" not in shown, shown


def test_a_jekyll_config_makes_its_folder_kramdown_and_a_jupyter_book_config_does_not(tmp_path):
    """A note beside a Jekyll `_config.yml` (not under `_posts/`) is kramdown; beside a Jupyter Book's `_config.yml`
    it is read as before, but for a `$$` inside a sentence: inline math in every format since s49."""
    jekyll = _wiki(tmp_path / "site", {"notes/gp.md": GP})
    assert "$K_{ij} = k(x_i, x_j)$" in _text(jekyll), jekyll
    book = _wiki(tmp_path / "book", {"notes/gp.md": GP}, site=BOOK)
    # (s49: a `$$…$$` inside a sentence is inline in every format, a Jupyter Book's too; a display block stays one)
    assert "$K_{ij} = k(x_i, x_j)$" in _text(book) and "$$\\mu_* =" in _text(book), book
    plain = _wiki(tmp_path / "plain", {"notes/gp.md": GP}, site=None)
    assert "$K_{ij} = k(x_i, x_j)$" in _text(plain), plain  # (likewise, s49)


def test_a_table_whose_cells_hold_math_is_read_as_rows(tmp_path):
    """A kramdown table with `$$…$$` in its cells is a table: a card per row, never a front of raw `|` pipes."""
    post = FRONT.format("Kernels") + (
        "## Common kernels\n\n"
        "| kernel | formula | draws |\n|---|---|---|\n"
        "| squared exponential | $$\\exp(-r^2 / 2\\ell^2)$$ | infinitely smooth |\n"
        "| Matérn 1/2 | $$\\exp(-r / \\ell)$$ | rough, like Brownian motion |\n"
        "| periodic | $$\\exp(-2\\sin^2(\\pi r / p) / \\ell^2)$$ | repeat every period |\n")
    made = _wiki(tmp_path, {"_posts/2024-03-02-kernels.md": post})
    assert not any("|" in front.replace("\\|", "") for front in made), made
    assert any("periodic" in front and "repeat every period" in back for front, back in made.items()), made


def test_liquid_tags_and_attribute_lists_show_nothing(tmp_path):
    """`{% include %}`, a link through `{% post_url %}` (its text kept), `{{ site.title }}`, `{% raw %}`, a block
    attribute list and an abbreviation line are the site's furniture; `{% highlight %}` is a code fence."""
    post = FRONT.format("Boosting") + (
        "{% include series-nav.html %}\n\n"
        "## Gradient boosting\n\n"
        "Each new tree is fitted to the negative gradient of the loss at the current predictions, as the "
        "[bias-variance post]({% post_url 2024-02-01-bias-variance %}) explains for a single tree{% raw %}{% endraw %}.\n"
        "{: .lead }\n\n"
        "A small learning rate with many trees generalises better than a large rate with few, on {{ site.title }}.\n\n"
        "{% highlight python %}\nmodel = GradientBoostingRegressor(learning_rate=0.05)\n{% endhighlight %}\n\n"
        "*[GBM]: gradient boosting machine\n")
    made = _wiki(tmp_path, {"_posts/2024-03-03-boosting.md": post})
    text = _text(made)
    assert "{%" not in text and "{{" not in text and "{:" not in text and "*[GBM]" not in text, made
    assert "bias-variance post" in text, made


def test_a_chirpy_prompt_box_is_a_callout_of_its_kind(tmp_path):
    """A quote followed by `{: .prompt-warning }` is a warning box: its card says so, and shows no attribute list."""
    post = FRONT.format("Early stopping") + (
        "## Patience\n\n"
        "Training stops once the validation loss has not improved for a set number of epochs, the patience.\n\n"
        "> Restoring the weights of the best epoch matters: the last epoch is already past the minimum of the "
        "validation curve.\n{: .prompt-warning }\n")
    made = _wiki(tmp_path, {"_posts/2024-03-04-early-stopping.md": post})
    assert "{:" not in _text(made), made
    assert any("Warning" in front and "Restoring the weights" in back for front, back in made.items()), made


def test_the_toc_placeholder_list_is_no_card(tmp_path):
    """A list followed by `{:toc}` is where kramdown writes the table of contents: it is on no card."""
    post = FRONT.format("Dropout") + (
        "* placeholder replaced by the contents\n{:toc}\n\n"
        "## Idea\n\nDropout zeroes each unit with probability p during training and rescales the rest, so no unit "
        "can rely on a particular other unit being present.\n")
    made = _wiki(tmp_path, {"_posts/2024-03-05-dropout.md": post})
    assert "placeholder" not in _text(made), made


def test_a_card_whose_front_only_changed_its_math_delimiters_keeps_its_id(tmp_path):
    """A definition whose term holds `$$…$$` was read with "…" for the formula; read as kramdown its front shows the
    inline math, and the card keeps the id it had."""
    term = FRONT.format("Divergences") + (
        "## Two divergences\n\n"
        "Total variation, $$\\mathrm{TV}(p, q)$$\n"
        ": half the L1 distance between the two densities; it is bounded by one and symmetric in its arguments.\n")
    site = new_wiki(tmp_path / "site", {"_config.yml": SITE, "_posts/2024-03-06-div.md": term}, CONFIG)
    plain = new_wiki(tmp_path / "plain", {"posts/2024-03-06-div.md": term}, CONFIG)
    now, before = _ids(site), _ids(plain)
    asked = next(front for front in now if "Total variation" in front)
    assert "$\\mathrm{TV}(p, q)$" in asked, now
    assert now[asked] in before.values(), (now, before)


def test_a_running_log_a_reading_group_and_a_draft_banner_are_no_cards(tmp_path):
    """A post that is a running log of dated entries, a line of the reading group's calendar and a draft's banner
    tell the writer's days, not the subject."""
    log = FRONT.format("Learning log: spring") + (
        "Running log, newest first.\n\n"
        "- **3 Mar** -- read the boosting chapter; the XGBoost paper next.\n"
        "- **10 Mar** -- implemented early stopping, finally converged.\n\n"
        "## Later\n\nJournal club meets Tuesdays; I present the attention paper in April.\n")
    draft = FRONT.format("Calibration") + (
        "> Draft. Only the definitions so far, no plots.\n{: .prompt-info }\n\n"
        "## Reliability\n\nA model is calibrated when, among the inputs it gives probability 0.8, about 80% are "
        "positive; a reliability diagram plots that frequency against the predicted probability.\n")
    made = _wiki(tmp_path, {"_posts/2024-03-07-log.md": log, "_drafts/calibration.md": draft})
    text = _text(made)
    assert "Running log" not in text and "3 Mar" not in text and "Journal club" not in text, made
    assert "Only the definitions so far" not in text, made
    assert "reliability diagram" in text, made


def test_open_questions_what_worked_for_me_and_an_errand_opening_are_no_cards(tmp_path):
    """"Open: …?" with the writer's aside after it goes off a back whole; a section "What worked for me" holds the
    writer's own runs; a post that opens on what the writer is doing ("Starting a …") has no card of that opening."""
    post = FRONT.format("Label smoothing") + (
        "Starting a short series on regularisers. Collecting the tricks in one place.\n\n"
        "## Idea\n\nLabel smoothing mixes the one-hot target with a uniform distribution over the classes, so the "
        "network is never pushed towards infinite logits.\n\n"
        "Open: does it hurt knowledge distillation as much as claimed? Saw it in a talk.\n\n"
        "## What worked for me\n\nSmoothing 0.1 on the small image set, two points better; 0.3 was worse.\n")
    made = _wiki(tmp_path, {"_posts/2024-03-08-smoothing.md": post})
    text = _text(made)
    assert "never pushed towards infinite logits" in text, made
    assert "distillation" not in text and "Saw it in a talk" not in text, made
    assert "two points better" not in text and "Starting a short series" not in text, made


def test_numbered_steps_under_a_short_label_are_one_card(tmp_path):
    """"Training loop:" alone, a blank line, then numbered steps: one card of the steps under that label, even when
    the section's setup paragraph already has the heading's front and the steps hold formulas."""
    note = TRAINING_LOOP
    made = _wiki(tmp_path, {"opt.md": note}, site=None)
    assert any(front.endswith("› Training loop") and "4. Update $w" in back and "1. Draw a minibatch" in back
               for front, back in made.items()), made


def test_a_step_that_names_an_acronym_keeps_the_steps_whole(tmp_path):
    """"3. Compute the NLL." is a step like any other: an acronym is a word of its prose, so no step is dropped (a
    card of steps 1 and 4 alone was the recipe with its middle cut out)."""
    note = "# EM\n\n## The loop\n\n1. Initialise the parameters of every component at random.\n" \
           "2. Update the responsibilities with the formula above, holding the parameters fixed.\n3. Compute the NLL.\n" \
           "4. Re-estimate the parameters from the weighted points and repeat until the NLL stops falling.\n"
    made = _wiki(tmp_path, {"em.md": note}, site=None)
    assert any("3. Compute the NLL." in back and "2. Update the responsibilities" in back for back in made.values()), made


def test_a_run_in_head_that_opens_on_math_heads_its_part(tmp_path):
    """"**Variance update.** $s^2$ is …" heads a part: the remark after its formula sits under that head, not the
    part before it."""
    note = "# Conjugate updates\n\n## Updates\n\n**Mean update.** The posterior mean is a weighted average:\n\n" \
           "$$\nm = \\frac{\\tau_0 m_0 + n \\tau \\bar x}{\\tau_0 + n \\tau}\n$$\n\n" \
           "The prior counts as if it were a few extra observations at the prior mean.\n\n" \
           "**Precision update.** $\\tau_n$ is the sum of the two precisions:\n\n$$\n\\tau_n = \\tau_0 + n\\tau\n$$\n\n" \
           "= every observation adds the same amount of certainty, whatever its value turned out to be.\n"
    made = _wiki(tmp_path, {"conj.md": note}, site=None)
    assert any("Precision update" in front and "adds the same amount of certainty" in back
               for front, back in made.items()), made


def test_a_remark_after_a_derivations_second_formula_is_a_card(tmp_path):
    """Two formulas joined as one derivation card ("then … gives" between them): the paragraph after the second
    speaks of it and is a remark card showing that formula."""
    note = "# Exponential families\n\n## Conjugacy\n\nIf the likelihood is in the exponential family,\n\n" \
           "$$\np(x \\mid \\eta) = h(x)\\exp\\{\\eta^\\top t(x) - a(\\eta)\\}\n$$\n\n" \
           "then multiplying by a conjugate prior and normalising gives a posterior in the **same** family with\n\n" \
           "$$\n\\chi_n = \\chi_0 + \\sum_i t(x_i)\n$$\n\n" \
           "So updating is just adding up sufficient statistics, which is why the posterior is cheap to keep current.\n"
    made = _wiki(tmp_path, {"expfam.md": note}, site=None)
    assert any("\\chi_n = \\chi_0" in front and "adding up sufficient statistics" in back
               for front, back in made.items()), made


def test_a_methods_requirements_in_math_and_a_classic_example_are_cards(tmp_path):
    """"## Requirements" over conditions in math states what a method needs (a project's requirements hold no
    formula); "The classic XOR example (Minsky & Papert)" teaches a known result, not a worked example to skip."""
    note = "# Gradient estimators\n\n## Requirements\n\n1. $z$ takes continuous values,\n" \
           "2. the sampler can be written as $z = g(\\epsilon, \\theta)$ with $g$ differentiable,\n" \
           "3. the objective $f(z)$ is differentiable in $z$.\n\n" \
           "## The classic XOR example (Minsky & Papert)\n\n" \
           "No single linear threshold unit separates the XOR points, since the positive points sit on one diagonal " \
           "and the negative points on the other; one hidden layer is enough to fix it.\n"
    made = _wiki(tmp_path, {"est.md": note}, site=None)
    text = _text(made)
    assert "$z = g(\\epsilon, \\theta)$" in text, made
    assert "one hidden layer is enough" in text, made


def test_where_i_can_is_anyone(tmp_path):
    """"… for any model where I can evaluate …" speaks of anyone who applies the method: the sentence stays."""
    note = "# Black-box VI\n\n## Goal\n\nGoal: a gradient of the ELBO for any model where I can evaluate the joint " \
           "density pointwise, with no conjugacy needed.\n"
    made = _wiki(tmp_path, {"bbvi.md": note}, site=None)
    assert "no conjugacy needed" in _text(made), made


def test_the_link_between_a_derivations_formulas_is_on_its_card_only(tmp_path):
    """"With $u = …$, the chain rule gives" between two formulas of one derivation is on that derivation's card; the
    section's remaining text is a card without it (it dangled there, "… gives" over an unrelated sentence)."""
    note = "# Flows\n\n## Radial flow\n\n$$\nf(z) = z + \\beta h(\\alpha, r)(z - z_0), \\qquad r = \\lVert z - z_0 \\rVert\n$$\n\n" \
           "With $h = 1/(\\alpha + r)$, the determinant of a rank-one update gives\n\n" \
           "$$\n\\det \\frac{\\partial f}{\\partial z} = (1 + \\beta h)^{D-1}(1 + \\beta h + \\beta h' r)\n$$\n\n" \
           "It stays invertible as long as $\\beta \\ge -\\alpha$, and each layer only expands or contracts around one point.\n"
    made = _wiki(tmp_path, {"flows.md": note}, site=None)
    holding = [back for back in made.values() if "the determinant of a rank-one update gives" in back]
    assert len(holding) == 1 and "\\det \\frac" in holding[0], made
    assert any("stays invertible" in back for back in made.values()), made
