"""A Docusaurus site's notes (session 46): its `.mdx` pages are notes, read as the Markdown they show, and its page
furniture (imports, JSX comments, the blog's truncate marker) is on no card. Notes written into tmp_path, read back
through the CLI as a learner meets the cards."""

from __future__ import annotations

import json

from conftest import backs_by_front, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

MDX_PAGE = """---
title: Gradient clipping
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import ClipDemo from '!!raw-loader!@site/src/clip_demo.py';

export const Mark = ({children}) => (
  <b style={{color: 'tomato'}}>{children}</b>
);

Clipping by norm rescales the whole gradient <Mark>and keeps its direction</Mark>, while clipping by value
changes the direction.

{/* ask: does Adam make clipping pointless? */}

## In code {#in-code}

<Tabs groupId="lib">
  <TabItem value="torch" label="Torch" default>

Torch clips in place with `clip_grad_norm_`, which returns the norm before clipping.

  </TabItem>
  <TabItem value="jax">

Optax chains a clipping transform in front of the optimiser.

  </TabItem>
</Tabs>

<CodeBlock language="python" title="clip_demo.py">{ClipDemo}</CodeBlock>

<Figure src="/img/clip.png" caption="norms over training" />
"""


def cards_of(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def test_an_mdx_page_is_a_note_read_as_the_markdown_it_shows(tmp_path):
    """Docusaurus writes its richest pages as `.mdx`: they made no card at all. Read as Markdown, its imports,
    exported components and comments show nothing, a component's wrapped text shows as text, and a self-closing
    component or one holding only a script value shows nothing."""
    made = cards_of(tmp_path, {"clipping.mdx": MDX_PAGE})
    sides = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "rescales the whole gradient and keeps its direction" in sides, made
    for furniture in ("import", "export", "Mark", "{/*", "Adam make clipping", "ClipDemo", "Figure", "{#in-code}",
                      "TabItem", "groupId"):
        assert furniture not in sides, (furniture, made)


def test_an_mdx_tab_is_titled_by_its_label(tmp_path):
    """A `<TabItem label="…">` of `<Tabs>` is a tab, as a MyST tab-item is: its label titles its text (its value when
    it has no label), each tab a card of its own."""
    made = cards_of(tmp_path, {"clipping.mdx": MDX_PAGE})
    torch = next((front for front, back in made.items() if "returns the norm before clipping" in back), "")
    optax = next((front for front, back in made.items() if "chains a clipping transform" in back), "")
    assert torch.endswith("Torch") and optax.endswith("jax"), made


def test_check_counts_an_mdx_page_as_a_note(tmp_path):
    """`check` reads what the scan reads: the `.mdx` page is one of its notes."""
    root = new_wiki(tmp_path, {"clipping.mdx": MDX_PAGE, "plain.md": "# Plain\n\nNothing here is a card.\n"},
                    CONFIG)
    report = json.loads(run(root, "check", "--json").output)
    assert report["notes"] == 2, report


def test_docusaurus_furniture_in_a_markdown_page_is_no_text(tmp_path):
    """Docusaurus reads `.md` pages as MDX too: the blog's `<!-- truncate -->` marker and `{/* … */}` comments (the
    writer's open questions) showed on the backs of the cards above them."""
    post = ("---\ntitle: Warm restarts\n---\n\nRestarting the cosine schedule lets the run leave a sharp basin "
            "it settled into.\n\n<!-- truncate -->\n\n## Period\n\nEach restart doubles the period in the SGDR "
            "paper.\n{/* is doubling what\n   everyone uses? */}\n")
    made = cards_of(tmp_path, {"blog/warm.md": post})
    sides = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "leave a sharp basin" in sides and "doubles the period" in sides, made
    assert "truncate" not in sides and "{/*" not in sides and "everyone uses" not in sides, made


def test_an_import_sentence_in_prose_stays(tmp_path):
    """Only a statement is furniture: a sentence that opens on "Import" or "export" in a Markdown note is text."""
    note = "# Data\n\nImport the raw logs once, then export only the cleaned columns to the feature store.\n"
    made = cards_of(tmp_path, {"data.md": note})
    assert any("export only the cleaned columns" in back for back in made.values()), made
