"""Images pasted into a Jupyter markdown cell: Jupyter keeps them in the cell's `attachments` (base64) and the cell
refers to them as `![x](attachment:x.png)`. mlwiki writes each one out as a file under `.mlwiki/attachments/`, so
the export can put it in the deck's media like any other image of the wiki.

`notebook_attachments` is pure (the notebook's text in, the images out); `attachment_file` writes the file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from pathlib import Path

PREFIX = "attachment:"
_IMAGE_MIMES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
                "image/svg+xml": ".svg", "image/bmp": ".bmp"}
_SAFE_NAME = re.compile(r"[^\w.-]+")
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def notebook_attachments(text: str) -> dict[str, tuple[bytes, str]]:
    """Every image attached to a markdown cell of the notebook: {name: (bytes, file suffix of its type)}. A name used by two cells keeps
    the first one (as the first cell that shows it); anything that is not a decodable image is left out."""
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    found: dict[str, tuple[bytes, str]] = {}
    for cell in cells if isinstance(cells, list) else []:
        attachments = cell.get("attachments") if isinstance(cell, dict) else None
        if not isinstance(attachments, dict):
            continue
        for name, bundle in attachments.items():
            if name in found or not isinstance(bundle, dict):
                continue
            mime = next((m for m in _IMAGE_MIMES if isinstance(bundle.get(m), (str, list))), None)
            if mime is None:
                continue
            data = bundle[mime]
            try:
                decoded = base64.b64decode("".join(data) if isinstance(data, list) else data, validate=False)
            except (binascii.Error, ValueError, TypeError):
                continue
            found[name] = (decoded, _IMAGE_MIMES[mime])
    return found


def attachment_file(root: Path, data_dir: Path, note_rel: str, ref: str) -> Path | None:
    """The file holding attachment `ref` (`attachment:x.png`) of the notebook `note_rel`, written under
    `data_dir/attachments/` when it is missing or changed; None when the notebook has no such image."""
    name = ref[len(PREFIX):] if ref.startswith(PREFIX) else ""
    if not name or not note_rel.lower().endswith(".ipynb"):
        return None
    try:
        notebook = (root / note_rel).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = notebook_attachments(notebook).get(name)
    if found is None or len(found[0]) > MAX_ATTACHMENT_BYTES:
        return None
    data, suffix = found
    folder = data_dir / "attachments" / hashlib.blake2b(note_rel.encode("utf-8", "surrogatepass"),
                                                        digest_size=6).hexdigest()
    file_name = _SAFE_NAME.sub("_", name).strip("._") or "image"
    if Path(file_name).suffix.lower() not in _IMAGE_MIMES.values() and not file_name.lower().endswith(".jpeg"):
        file_name += suffix  # (Media exports only files it can tell are images)
    target = folder / file_name
    if not (target.is_file() and target.read_bytes() == data):
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target
