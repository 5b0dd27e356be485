"""Images in exported notes: which may leave the wiki, their names inside the package, and the rewritten tags.

* **Images** referenced by a note are copied into the package only when they resolve (symlinks followed) to an
  image file inside the wiki root and outside hidden folders; their ``src`` is rewritten to a unique media name
  (``mlwiki-<hash of the root-relative path>-<name>``). Anything else is left out with a warning naming the
  note's ``path:line``, and the ``<img>`` becomes a visible "[image not exported]" marker.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import os
import re
from pathlib import Path
from urllib.parse import unquote

from mlwiki.config import Config
from mlwiki.sources.attachments import PREFIX as ATTACHMENT, attachment_file

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".ico"}


_IMG_TAG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_SRC_ATTR = re.compile(r"""(\ssrc=)("([^"]*)"|'([^']*)')""", re.I)


class Media:
    """Images found while building notes: which are allowed, and their names inside the package."""

    def __init__(self, config: Config):
        self.config = config
        self.root = config.root.resolve()
        self.cache: dict[tuple[str, str], tuple[str | None, str]] = {}
        self.files: dict[str, Path] = {}  # media name → resolved file

    def resolve(self, note_path: str, ref: str) -> tuple[str | None, str]:
        """(media name, '') for an allowed image; (None, why) otherwise."""
        key = (str(Path(note_path).parent), ref)
        if key not in self.cache:
            self.cache[key] = self._resolve(note_path, ref)
        return self.cache[key]

    def _resolve(self, note_path: str, ref: str) -> tuple[str | None, str]:
        if not ref or "\x00" in ref:
            return None, "is not a valid path"
        if ref.startswith(ATTACHMENT) and note_path.lower().endswith(".ipynb"):
            return self._attachment(note_path, ref)
        if ref.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", ref) or re.match(r"[A-Za-z][\w+.-]*:", ref):
            return None, "is an absolute path or a URL; only images inside the wiki are exported"
        candidate = (self.config.root / note_path).parent / ref
        lexical = Path(os.path.normpath(candidate))
        if not (lexical.is_relative_to(self.config.root) or lexical.is_relative_to(self.root)):
            return None, "is outside the wiki folder; not exported"
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None, "was not found"
        if not resolved.is_relative_to(self.root):
            return None, "is outside the wiki folder; not exported"
        rel = resolved.relative_to(self.root)
        if any(part.startswith(".") for part in rel.parts):
            return None, "is in a hidden folder; not exported"
        if not resolved.is_file():
            return None, "is not a file"
        if resolved.suffix.lower() not in IMAGE_SUFFIXES:
            return None, "is not an image file; not exported"
        digest = hashlib.blake2b(rel.as_posix().encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        stem = re.sub(r"[^\w.-]+", "_", resolved.name).strip("._") or "image"
        name = f"mlwiki-{digest}-{stem}"
        self.files[name] = resolved
        return name, ""


    def _attachment(self, note_path: str, ref: str) -> tuple[str | None, str]:
        """An image pasted into a notebook cell (`attachment:x.png`), written out as a file mlwiki owns."""
        path = attachment_file(self.config.root, self.config.data_dir, note_path, ref)
        if path is None:
            return None, "is not an image attached to this notebook's cells"
        digest = hashlib.blake2b(f"{note_path}\x1f{ref}".encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        name = f"mlwiki-{digest}-{path.name}"
        self.files[name] = path
        return name, ""


def rewrite_images(html: str, mapping: dict[str, str | None]) -> str:
    """Point every <img> whose src is a local reference to its media name; drop those that were refused."""
    if "<img" not in html.lower():
        return html

    def fix(tag: re.Match) -> str:
        src = _SRC_ATTR.search(tag.group(0))
        if not src:
            return tag.group(0)
        raw = src.group(3) if src.group(3) is not None else src.group(4)
        ref = unquote(re.sub(r"[\t\n\r]", "", htmllib.unescape(raw)).strip("".join(chr(c) for c in range(0x21))))
        if ref not in mapping:
            return tag.group(0)  # a https image (the sanitizer allows those) or something we did not see
        name = mapping[ref]
        if name is None:
            return '<span class="mw-missing">[image not exported]</span>'
        start, end = src.span(2)
        text = tag.group(0)
        return text[:start] + '"' + htmllib.escape(name) + '"' + text[end:]

    return _IMG_TAG.sub(fix, html)

