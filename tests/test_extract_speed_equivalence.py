"""Work extraction does once and remembers, or asks in another order, must give what it gave when done every time
in the former order: each rewritten step checked against the original on texts that exercise it."""

import json
import random

from mlwiki.extract import asides, definition_first
from mlwiki.sources import notes


def test_notebook_lines_are_encoded_as_json_dumps_encodes_them():
    pieces = ["a", "é", '"', "\\", "\n", "\t", "\x00", "\x1f", "\u2028", "😀", "\ud800", " ", "$"]
    rng = random.Random(7)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert notes._json_string(text) == json.dumps(text, ensure_ascii=False), repr(text)


def test_a_heading_paths_asides_go_as_they_went_card_by_card():
    fronts = ["Bayesian optimisation (quick notes, lecture 9)", "Co-coercivity (didn't get it in lecture) › Proof",
              "Adam (Kingma 2014)", "Dropout (hw2, to finish) › Why (memorize!!)\n\nWhat does it do (at test time)?",
              "LSTM (gates)\n\nWhy?", "No parenthesis › here"]
    for front in fronts:
        path, gap, asked = front.partition("\n\n")
        expected = asides._PARENTHESIS.sub(asides._kept, path) + gap + asked if "(" in path else front
        assert asides.without_asides(front) == expected
        assert asides.without_asides(front) == expected  # (asked again: from the cache)


def _defined_in_former_order(sentence: str, path: str) -> str | None:
    d = definition_first
    if sentence.endswith(d._ENDS_OPEN) or d.breaks_off(sentence) or "$$" in sentence or d._RATES.search(sentence):
        return None
    if (defined := d.defining_sentence(sentence, path)) is not None:
        term = d._ADVERB.sub("", d.clean_prose(defined[0]))
    elif (bold := d._BOLD_TERM.match(sentence)) and not d.is_claim(bold["term"]) \
            and len(bold["what"].split()) >= d.MIN_WHAT_WORDS:
        term = d.clean_prose(bold["term"]).strip()
    else:
        return None
    if d._CLAUSE & set(term.casefold().split()) or d._INNER_ARTICLE.search(term) or d._WAY.search(sentence):
        return None
    return term if d._names_heading(term, path) else None


def test_a_defined_term_is_found_whatever_order_its_tests_run_in():
    cases = [("Dropout is a regularisation method that zeroes random units during training.", "Dropout"),
             ("Dropout is a crucial idea for deep networks and zeroes units.", "Dropout"),
             ("Dropout is a regularisation method given by", "Dropout"),
             ("Dropout is a regularisation method that zeroes random units, so", "Dropout"),
             ("**Dropout** — a method that zeroes random units in training, and", "Dropout"),
             ("**Beam search** — a search that keeps the k best partial outputs at each step.", "Beam search"),
             ("**Beam search**: keeps the k best partial outputs, a useful tool to know.", "Beam search"),
             ("The learning rate is the step size of each update of the weights.", "Training › Learning rate"),
             ("Momentum is a key concept in optimisation, it adds velocity.", "Momentum"),
             ("Softmax is $$e^x$$ normalised.", "Softmax"), ("Nothing here defines anything at all.", "Softmax")]
    for sentence, path in cases:
        assert definition_first._defined(sentence, path) == _defined_in_former_order(sentence, path), sentence
