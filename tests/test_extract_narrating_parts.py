"""Narration costs only what narrates (issue 23): a list item that walks the reader on is left off the list's card,
an opening clause that only tells the reader to look is cut from its sentence, and a passage that narrates
throughout stays uncarded. Notes of my own, read through the extract API with sections on."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract


def _backs(body: str, title: str = "Image tokenizers") -> dict[str, str]:
    cards = extract(body, NoteContext(path=f"{title}.md", sections=True, title=title)).cards
    return {c.front.split("\n")[0]: c.back for c in cards}


LIST = ("# Image tokenizers\n\n## Patch tokenizer\n"
        "There are two ways to turn an image into tokens:\n"
        "- pixel tokens: where every pixel is one token. This makes sequences very long for large images.\n"
        "- patch tokens\n"
        "\t- First split the image into square tiles\n"
        "\t- {step}\n"
        "\t- Add a position embedding to each tile's vector\n"
        "Pixel tokens are exact but slow. Patch tokens are cheaper, but fine detail inside a tile is blurred.\n")


def test_a_narrating_item_is_left_off_and_the_list_is_carded():
    backs = _backs(LIST.format(step="We'll see later how the tiles get projected to vectors"))
    back = backs.get("Image tokenizers › Patch tokenizer", "")
    assert "Add a position embedding" in back and "fine detail inside a tile" in back, backs
    assert "We'll see" not in back


def test_a_list_whose_items_all_narrate_stays_uncarded():
    body = ("# Image tokenizers\n\n## Next steps\nIn the next part we will go on:\n"
            "- We'll see later how the tiles get projected\n- Let's then train the whole model\n")
    assert not any("We'll see" in back or "Let's" in back for back in _backs(body).values())


def test_an_opening_that_tells_the_reader_to_look_is_cut_from_its_sentence():
    body = ("# Image tokenizers\n\n## Learned codebooks\n"
            "By now you might notice that each tokenizer so far fixes its vocabulary by hand. A learned codebook "
            "instead fits a small set of vectors to the data and maps every patch to its nearest one. Training "
            "it needs a commitment loss so the encoder stays close to the codes.\n")
    back = _backs(body).get("Image tokenizers › Learned codebooks", "")
    assert back.startswith("Each tokenizer so far fixes its vocabulary by hand."), back
    assert "commitment loss" in back


def test_a_paragraph_that_narrates_throughout_stays_uncarded():
    body = ("# Image tokenizers\n\n## Where we go\n"
            "You can now see that we will need a better tokenizer. Let's build one in the next section.\n")
    assert "Image tokenizers › Where we go" not in _backs(body)
