"""Generate a synthetic machine-learning wiki for benchmarks.

    python benchmarks/make_wiki.py OUT_DIR --notes 10000 --seed 1

writes OUT_DIR/mlwiki.toml (`name = "Bench"`, `definitions = true` so that every card form is live), a
.gitignore (wikis live in git repositories; the walk matches every note against it) and OUT_DIR/notes/ with
NOTES notes spread over ~50 nested folders, 78% `.md`, 20% `.qmd`, 2% `.ipynb`. Sizes follow real notes:
1–10 KB from the 1st to the 99th percentile, median ~3 KB (log-normal), ~35 bytes a line. Each note has YAML
front matter (flat in most; Quarto-style `categories:` lists, and a nested `format:` map in some `.qmd`),
headings, prose with inline math, display formulas (`$$…$$`, `\\[…\\]`, `equation`/`align`, `{#eq-…}` labels),
code fences, tables, comments with card-like text in them (guards), and cards of every form: Q/A, `::`, `:::`,
multi-line `?` and `??`, `::: {.card}` divs (with `#id`, `deck=`, `tags=`, an inner `::: back`), callout cards,
`{{c1::…}}`, `[…]{.cloze}` and `\\cloze{}` in math, and `**Term**:` definitions. Bigger notes hold more cards;
about five cards a note on average, formula cards included. The same seed gives byte-identical files.
Importable: `make_wiki(out, notes, seed)`.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from pathlib import Path

AREAS = {  # 10 areas + 37 topics + 3 "advanced" sub-topics = 50 folders
    "foundations": ["linear-algebra", "calculus", "probability", "information-theory"],
    "classical-ml": ["regression", "classification", "trees-and-ensembles", "kernels", "clustering"],
    "optimization": ["first-order", "second-order", "stochastic"],
    "deep-learning": ["mlp", "cnn", "rnn", "attention", "transformers", "normalization", "regularization"],
    "generative": ["vae", "gans", "diffusion", "flows"],
    "rl": ["bandits", "mdp", "policy-gradient", "value-based"],
    "probabilistic": ["variational-inference", "mcmc", "gaussian-processes"],
    "nlp": ["tokenization", "language-models"],
    "vision": ["detection", "self-supervised"],
    "systems": ["training-at-scale", "inference", "quantization"],
}
ADVANCED = {"deep-learning/transformers", "optimization/stochastic", "generative/diffusion"}
WRAP = 72

CONCEPTS = [
    "gradient descent", "momentum", "Adam", "weight decay", "batch normalization", "layer normalization",
    "dropout", "residual connection", "attention head", "positional encoding", "softmax", "cross-entropy",
    "KL divergence", "entropy", "mutual information", "maximum likelihood", "MAP estimate", "bias-variance trade-off",
    "ridge regression", "lasso", "logistic regression", "support vector machine", "kernel trick", "random forest",
    "gradient boosting", "k-means", "PCA", "SVD", "eigendecomposition", "Jacobian", "Hessian", "chain rule",
    "backpropagation", "vanishing gradient", "learning rate schedule", "warmup", "early stopping",
    "data augmentation", "contrastive loss", "temperature", "beam search", "perplexity", "tokenizer",
    "embedding table", "convolution", "pooling", "receptive field", "stride", "recurrent cell", "LSTM gate",
    "policy gradient", "advantage function", "Bellman equation", "Q-learning", "replay buffer", "ELBO",
    "reparameterization trick", "score function", "diffusion step", "noise schedule", "normalizing flow",
    "Gibbs sampling", "Metropolis-Hastings", "Gaussian process", "kernel matrix", "mixed precision",
    "gradient checkpointing", "data parallelism", "quantization error", "knowledge distillation",
]
ADJECTIVES = ["stochastic", "convex", "smooth", "sparse", "low-rank", "unbiased", "consistent", "stable",
              "expensive", "cheap", "noisy", "deterministic", "differentiable", "well-conditioned", "ill-conditioned",
              "robust", "asymptotic", "empirical", "regularized", "normalized"]
VERBS = ["reduces", "increases", "controls", "bounds", "approximates", "estimates", "stabilizes", "speeds up",
         "slows down", "depends on", "generalizes", "replaces", "smooths", "rescales", "penalizes"]
NOUNS = ["the loss", "the variance", "the gradient norm", "the step size", "the curvature", "the posterior",
         "the likelihood", "the training error", "the test error", "the batch size", "the model capacity",
         "the learning rate", "the condition number", "the spectral norm", "the feature map", "the hidden state"]
INLINE = [r"$\theta$", r"$\eta$", r"$x_i$", r"$\nabla f(x)$", r"$\mathbb{E}[X]$", r"$p(y \mid x)$",
          r"$\lambda \|w\|_2^2$", r"$O(n \log n)$", r"$\sigma(z)$", r"$W \in \mathbb{R}^{d \times k}$",
          r"$\beta_1 = 0.9$", r"$\mathcal{L}(\theta)$", r"$q_\phi(z \mid x)$", r"$\gamma < 1$", r"$k$"]
FORMULAS = [
    r"\theta_{t+1} = \theta_t - \eta \nabla_\theta \mathcal{L}(\theta_t)",
    r"\mathrm{KL}(p \,\|\, q) = \sum_x p(x) \log \frac{p(x)}{q(x)}",
    r"\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}",
    r"\mathrm{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V",
    r"\hat{y} = \sigma(w^\top x + b)",
    r"\log p(x) \ge \mathbb{E}_{q(z \mid x)}[\log p(x \mid z)] - \mathrm{KL}(q(z \mid x) \,\|\, p(z))",
    r"Q(s, a) \leftarrow Q(s, a) + \alpha \left[r + \gamma \max_{a'} Q(s', a') - Q(s, a)\right]",
    r"\hat{w} = (X^\top X + \lambda I)^{-1} X^\top y",
    r"H(p, q) = -\sum_{i} p_i \log q_i",
    r"\mu_B = \frac{1}{m} \sum_{i=1}^{m} x_i, \quad \sigma_B^2 = \frac{1}{m} \sum_{i=1}^{m} (x_i - \mu_B)^2",
    r"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t",
    r"\nabla_\theta J(\theta) = \mathbb{E}_{\pi_\theta}\left[\nabla_\theta \log \pi_\theta(a \mid s) \, A(s, a)\right]",
    r"x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \epsilon",
    r"f(y) \le f(x) + \nabla f(x)^\top (y - x) + \frac{L}{2} \|y - x\|^2",
]
CODE = [
    ["import torch", "", "def step(model, batch, opt):", "    opt.zero_grad()", "    loss = model(batch).mean()",
     "    loss.backward()", "    opt.step()", "    return loss.item()"],
    ["import numpy as np", "", "def softmax(z):", "    z = z - z.max(axis=-1, keepdims=True)", "    e = np.exp(z)",
     "    return e / e.sum(axis=-1, keepdims=True)"],
    ["from sklearn.linear_model import Ridge", "", "model = Ridge(alpha=1.0)", "model.fit(X_train, y_train)",
     "print(model.score(X_test, y_test))"],
    ["def kl(p, q, eps=1e-12):", "    p, q = p + eps, q + eps", "    return (p * (p / q).log()).sum()"],
    ["for epoch in range(epochs):", "    for x, y in loader:", "        loss = criterion(net(x), y)",
     "        loss.backward()", "        optimizer.step()", "        optimizer.zero_grad()"],
]


_TOKEN = re.compile(r"\$[^$]*\$|\S+")


def _folders() -> list[str]:
    """~50 folders, nested one to three deep."""
    out = []
    for area, subs in AREAS.items():
        out.append(area)
        for sub in subs:
            out.append(f"{area}/{sub}")
            if f"{area}/{sub}" in ADVANCED:
                out.append(f"{area}/{sub}/advanced")
    return out


class _Note:
    def __init__(self, rng: random.Random, index: int, folder: str):
        self.rng = rng
        self.index = index
        self.folder = folder
        self.concept = rng.choice(CONCEPTS)
        self.title = f"{self.concept.capitalize()} ({folder.split('/')[-1].replace('-', ' ')}, note {index})"
        self.lines: list[str] = []

    # prose ------------------------------------------------------------------------------------------------
    def sentence(self) -> str:
        r = self.rng
        parts = [f"The {r.choice(ADJECTIVES)} {r.choice(CONCEPTS)} {r.choice(VERBS)} {r.choice(NOUNS)}"]
        if r.random() < 0.5:
            parts.append(f"when {r.choice(INLINE)} is {r.choice(ADJECTIVES)}")
        if r.random() < 0.3:
            parts.append(f"(see {r.choice(CONCEPTS)})")
        return " ".join(parts) + "."

    def paragraph(self, lines: int) -> None:
        """Whole sentences wrapped at WRAP columns, about `lines` lines; inline math is never split."""
        out: list[str] = []
        line = ""
        while len(out) < lines:
            for token in _TOKEN.findall(self.sentence()):
                if line and len(line) + 1 + len(token) > WRAP:
                    out.append(line)
                    line = token
                else:
                    line = f"{line} {token}" if line else token
        if line:
            out.append(line)
        self.lines += out + [""]

    def bullets(self, items: int) -> None:
        r = self.rng
        self.lines += [f"- {r.choice(ADJECTIVES)} {r.choice(CONCEPTS)} {r.choice(VERBS)} {r.choice(NOUNS)}"
                       for _ in range(items)] + [""]

    def filler(self, budget_lines: int) -> None:
        """Prose or a short list, whichever fits; keeps the bytes per line of real notes (~35)."""
        if budget_lines >= 4 and self.rng.random() < 0.4:
            self.bullets(min(6, budget_lines - 1))
        else:
            self.paragraph(max(1, min(3, budget_lines - 1)))

    def formula(self) -> None:
        r = self.rng
        self.lines.append(f"The {r.choice(ADJECTIVES)} form of {self.concept} in note {self.index} reads:")
        self.lines.append("")
        body = r.choice(FORMULAS)
        roll = r.random()
        if roll < 0.15:
            self.lines += ["\\begin{equation}", body, "\\end{equation}", ""]
        elif roll < 0.22:
            left, _, right = body.partition("=")
            self.lines += ["\\begin{align}", f"{left}&={right} \\\\", f"{left}&\\approx {right}", "\\end{align}", ""]
        elif roll < 0.32:
            self.lines += ["\\[", body, "\\]", ""]
        elif roll < 0.52:
            self.lines += [f"$${body}$$", ""]
        elif roll < 0.62:
            self.lines += ["$$", body, f"$$ {{#eq-n{self.index}-{len(self.lines)}}}", ""]  # a Quarto label
        else:
            self.lines += ["$$", body, "$$", ""]

    def code(self) -> None:
        self.lines += ["```python"] + self.rng.choice(CODE) + ["```", ""]

    def table(self) -> None:
        r = self.rng
        self.lines += ["| method | cost | note |", "|---|---|---|"]
        self.lines += [f"| {r.choice(CONCEPTS)} | $O(n)$ | {r.choice(ADJECTIVES)} :: not a card |" for _ in range(3)]
        self.lines.append("")

    def guard(self) -> None:
        """Text that looks like card syntax but must never become a card."""
        r, c = self.rng, self.concept
        self.lines += [r.choice([f"<!-- Q: is {c} a card here?\nA: no, this is a comment -->",
                                 f"%% {c} :: a hidden Obsidian comment %%",
                                 "In code, `std::vector` and `a::b` are not cards; neither is `{{c1::x}}`.",
                                 f"Prices like \\$5 and \\$10 for {c} are not math."]), ""]

    # cards --------------------------------------------------------------------------------------------------
    def card(self, form: str, k: int) -> None:
        r, c, n = self.rng, self.concept, self.index
        other = r.choice(CONCEPTS)
        tag = f"[{n}.{k}]"
        if form == "qa":
            self.lines += [f"Q: How does {c} interact with {other} {tag}?",
                           f"A: It {r.choice(VERBS)} {r.choice(NOUNS)}, especially when {r.choice(INLINE)} is "
                           f"{r.choice(ADJECTIVES)}.", ""]
        elif form == "inline":
            self.lines += [f"- {other.capitalize()} in the setting of {c} {tag} :: {r.choice(ADJECTIVES)}, "
                           f"it {r.choice(VERBS)} {r.choice(NOUNS)}", ""]
        elif form == "reverse":
            self.lines += [f"{other.capitalize()} {tag} ::: the {r.choice(ADJECTIVES)} counterpart of {c} "
                           f"(note {n})", ""]
        elif form == "multiline":
            self.lines += [f"Why is {c} {r.choice(ADJECTIVES)} in practice {tag}?", r.choice(["?", "?", "??"]),
                           f"Because it {r.choice(VERBS)} {r.choice(NOUNS)}.",
                           f"In particular {r.choice(INLINE)} stays {r.choice(ADJECTIVES)}.", ""]
        elif form == "div":
            self.lines += ["::: {.card}", f"What goes wrong with {c} without {other} {tag}?", "",
                           f"It {r.choice(VERBS)} {r.choice(NOUNS)}; {self.sentence()}", ":::", ""]
        elif form == "div-back":
            self.lines += [f'::: {{.card #n{n}-{k} deck="Bench::Drill" tags="exam {c.replace(" ", "-")}"}}',
                           f"State the {r.choice(ADJECTIVES)} property of {c} {tag}.", "",
                           "::: back", f"It {r.choice(VERBS)} {r.choice(NOUNS)}.", "",
                           f"- {self.sentence()}", f"- {self.sentence()}", ":::", ":::", ""]
        elif form == "callout":
            self.lines += ['::: {.callout-tip .card collapse="true"}', f"## When does {c} fail {tag}?", "",
                           f"When {r.choice(NOUNS)} is {r.choice(ADJECTIVES)}: {self.sentence()}", ":::", ""]
        elif form == "cloze":
            self.lines += [f"For {c} {tag}, the {{{{c1::{r.choice(ADJECTIVES)} {other}}}}} "
                           f"{r.choice(VERBS)} {{{{c2::{r.choice(NOUNS)}}}}}.", ""]
        elif form == "span":
            self.lines += [f"In note {n}, {c} {tag} is [{r.choice(ADJECTIVES)}]{{.cloze}} because it "
                           f"{r.choice(VERBS)} {r.choice(NOUNS)}.", ""]
        elif form == "math-cloze":
            self.lines += [f"The {c} update {tag} is "
                           f"$\\theta_{{t+1}} = \\theta_t - \\cloze{{\\eta \\nabla f(\\theta_t)}}$ "
                           f"for a {r.choice(ADJECTIVES)} step.", ""]
        elif form == "definition":
            self.lines += [f"**{other.capitalize()} {tag}**: the {r.choice(ADJECTIVES)} part of {c} that "
                           f"{r.choice(VERBS)} {r.choice(NOUNS)}.", ""]

    # whole note ---------------------------------------------------------------------------------------------
    def front_matter(self, suffix: str) -> list[str]:
        r = self.rng
        area = self.folder.split("/")[0]
        tags = sorted({area, self.folder.split("/")[-1], r.choice(CONCEPTS).replace(" ", "-").lower()})
        date = f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        if suffix == ".qmd" and r.random() < 0.6:  # Quarto style: block lists, author, sometimes nested options
            lines = ["---", f'title: "{self.title}"', "author: A. Student", f'date: "{date}"', "categories:"]
            lines += [f"  - {t}" for t in tags]
            if r.random() < 0.3:
                lines += ["format:", "  html:", "    toc: true", "    code-fold: true"]
            return lines + ["---", ""]
        lines = ["---", f'title: "{self.title}"', f"tags: [{', '.join(tags)}]", f"date: {date}"]
        if r.random() < 0.1:
            lines.append(f"deck: Bench::{area.replace('-', ' ').title()}")
        return lines + ["---", ""]

    def render(self, suffix: str = ".md") -> str:
        r = self.rng
        max_bytes = min(10_000, max(1_000, int(r.lognormvariate(math.log(3_000), 0.55))))
        target = max(30, max_bytes // 35)
        self.lines = self.front_matter(suffix) + [f"# {self.title}", ""]
        self.paragraph(r.randint(1, 3))
        forms = ["qa", "inline", "reverse", "multiline", "div", "cloze", "span", "div-back", "callout", "math-cloze",
                 "definition"]
        weights = [10, 10, 6, 6, 6, 8, 5, 2, 3, 2, 4]
        cards = r.choices(forms, weights, k=max(1, round(max_bytes / 1_100)))  # ~3 at 3 KB, 9 at 10 KB
        formulas = 1 + int(r.random() < 0.25) + max_bytes // 5_000
        extras = [x for x, p in (("code", 0.5), ("table", 0.15), ("guard", 0.3)) if r.random() < p]
        plan: list[str] = cards + ["formula"] * formulas + extras
        r.shuffle(plan)
        sections = max(2, min(8, target // 20))
        per_section = [plan[i::sections] for i in range(sections)]
        k = 0
        for s, items in enumerate(per_section):
            self.lines += [f"## {r.choice(ADJECTIVES).capitalize()} {r.choice(CONCEPTS)} ({s + 1})", ""]
            for item in items:
                self.paragraph(r.randint(1, 2))
                if item in ("formula", "code", "table", "guard"):
                    getattr(self, item)()
                else:
                    self.card(item, k)
                    k += 1
            left = sections - s
            while target - len(self.lines) > 4 * left and self.size() < max_bytes * (s + 1) // sections:
                self.filler((target - len(self.lines)) // left)
        while len(self.lines) < target - 2 and self.size() < max_bytes:
            self.filler(target - len(self.lines))
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def size(self) -> int:
        return sum(len(line) + 1 for line in self.lines)


def _notebook(text: str) -> str:
    """The note as a Jupyter notebook: front matter in a raw cell, the rest in markdown and code cells."""
    head, _, body = text.partition("\n---\n")
    cells = [{"cell_type": "raw", "metadata": {}, "source": (head + "\n---").splitlines(keepends=True)}]
    for chunk in body.split("\n## "):
        if chunk.strip():
            source = chunk if chunk.startswith("\n") or chunk.startswith("#") else "## " + chunk
            cells.append({"cell_type": "markdown", "metadata": {},
                          "source": source.strip("\n").splitlines(keepends=True)})
    cells.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                  "source": ["import numpy as np\n", "np.random.seed(0)"]})
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                    "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1, ensure_ascii=False) + "\n"


def make_wiki(out: Path, notes: int = 10_000, seed: int = 1) -> Path:
    """Write the wiki into `out` (created) and return its notes folder. Deterministic for a seed."""
    out = Path(out)
    notes_dir = out / "notes"
    notes_dir.mkdir(parents=True, exist_ok=True)
    (out / "mlwiki.toml").write_text('name = "Bench"\nnotes = "notes"\ndefinitions = true\n', encoding="utf-8")
    (out / ".gitignore").write_text("_site/\n_freeze/\n.quarto/\n*.pdf\ndrafts/\n", encoding="utf-8")  # a git repo
    rng = random.Random(seed)
    folders = _folders()
    for folder in folders:
        (notes_dir / folder).mkdir(parents=True, exist_ok=True)
    for index in range(notes):
        folder = folders[index % len(folders)] if index < len(folders) else rng.choice(folders)
        note = _Note(random.Random(rng.getrandbits(64)), index, folder)
        roll = rng.random()
        suffix = ".ipynb" if roll < 0.02 else ".qmd" if roll < 0.22 else ".md"
        text = note.render(suffix)
        path = notes_dir / folder / f"{note.concept.lower().replace(' ', '-')}-{index:05d}{suffix}"
        path.write_text(_notebook(text) if suffix == ".ipynb" else text, encoding="utf-8")
    return notes_dir


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the wiki into")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    notes_dir = make_wiki(args.out, args.notes, args.seed)
    files = [p for p in notes_dir.rglob("*") if p.is_file()]
    sizes = sorted(p.stat().st_size for p in files)
    folders = {p.parent for p in files}
    print(f"wrote {len(files)} notes in {len(folders)} folders under {notes_dir} "
          f"(median {sizes[len(sizes) // 2]} B, min {sizes[0]} B, max {sizes[-1]} B, "
          f"total {sum(sizes) / 2**20:.1f} MB)")


if __name__ == "__main__":
    main()
