"""The images of a card, served only from inside the wiki, by the export's rules (`export.media`): Markdown and
HTML images, Obsidian embeds (`![[figure.png]]`, `![[figure.png|300]]`: next to the note, else the one file of that
name anywhere in the wiki, as Obsidian finds it) and Jupyter attachments (`![](attachment:plot.png)`: the image
stored in the notebook's cell, shown inline as a data: URL). An image that may not be shown becomes a marker."""

from __future__ import annotations

import base64
import html
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

from mlwiki.export.media import IMAGE_SUFFIXES, Media, rewrite_images
from mlwiki.render.html import image_refs
from mlwiki.sources.attachments import notebook_attachments

NOT_SHOWN = "[image outside the wiki or missing: not shown]"
_EMBED = re.compile(r"!\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|([^\]\n]*))?\]\]")
_ATTACHMENT = re.compile(r"(!\[[^\]\n]*\]\()attachment:([^)\s]+)\)")
_ATTACHMENT_REF = "mlwiki-attachment/"  # what an attachment's ref becomes until its data: URL replaces it
_RASTER_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}


class CardImages:
    """Resolves and remembers the images the pages may show; `files` maps a /media/ name to its file. `link`
    turns a media name into the page's URL for it: the server's /media/ route, or (the `o` card page, a file on
    disk) the image file's own file: URL."""

    def __init__(self, media: Media, link: Callable[[str], str] | None = None):
        self.media = media
        self.link = link or (lambda name: f"/media/{name}")
        self.by_name: dict[str, str | None] = {}  # Obsidian embed name → wiki-relative path

    @property
    def files(self) -> dict[str, Path]:
        return self.media.files

    def prepare(self, card) -> tuple[object, Callable[[str], str]]:
        """(card with its embeds and attachments as Markdown images, the fix for its rendered HTML)."""
        fields = {name: getattr(card, name, "") or "" for name in ("front", "back", "text")}
        if not any("![" in t or "<img" in t.lower() for t in fields.values()):
            return card, str
        fields = {name: self._markdown(card.path, text) for name, text in fields.items()}
        refs = [ref for text in fields.values() if text for ref in image_refs(text)]
        mapping = {ref: self._source(card.path, ref) for ref in dict.fromkeys(refs)}
        fix = (lambda page: rewrite_images(page, mapping).replace("[image not exported]", NOT_SHOWN))
        return replace(card, **{k: v for k, v in fields.items() if hasattr(card, k)}), fix

    def _markdown(self, note: str, text: str) -> str:
        text = _EMBED.sub(lambda m: self._embed(note, m), text)
        return _ATTACHMENT.sub(lambda m: f"{m.group(1)}<{_ATTACHMENT_REF}{m.group(2)}>)", text)

    def _embed(self, note: str, embed: re.Match) -> str:
        name, size = embed.group(1).strip(), embed.group(2)
        if Path(name).suffix.lower() not in IMAGE_SUFFIXES:
            return embed.group(0)  # an embedded note or section, not an image: left as the text it is
        target = name if self.media.resolve(note, name)[0] else self._find(note, name)
        width = f' width="{int(size)}"' if size and size.strip().isdigit() else ""
        return f'<img src="{html.escape(target or name)}" alt="{html.escape(Path(name).stem)}"{width}>'

    def _find(self, note: str, name: str) -> str | None:
        """The one file called `name` in the wiki (outside hidden folders), relative to the note's folder."""
        if name not in self.by_name:
            found = []
            for folder, subfolders, files in os.walk(self.media.root):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                if Path(name).name in files and (Path(folder) / name).is_file():
                    found.append((Path(folder) / name).relative_to(self.media.root).as_posix())
            self.by_name[name] = found[0] if len(found) == 1 else None
        rel = self.by_name[name]
        return os.path.relpath(self.media.root / rel, (self.media.root / note).parent) if rel else None

    def _source(self, note: str, ref: str) -> str | None:
        if ref.startswith(_ATTACHMENT_REF):
            return _attachment(self.media.root / note, ref[len(_ATTACHMENT_REF):])
        name, _ = self.media.resolve(note, ref)
        return self.link(name) if name else None


def _attachment(notebook: Path, name: str) -> str | None:
    """The data: URL of a notebook cell's attachment (raster images only: an SVG could carry script), or None."""
    if notebook.suffix != ".ipynb":
        return None
    try:
        found = notebook_attachments(notebook.read_text(encoding="utf-8")).get(name)
    except (OSError, UnicodeDecodeError):
        return None
    mime = _RASTER_TYPES.get(found[1]) if found else None
    return f"data:{mime};base64,{base64.b64encode(found[0]).decode()}" if mime else None
