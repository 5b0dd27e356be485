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


def test_a_formulas_introduction_is_read_as_before_its_tests_were_reordered():
    import re

    from mlwiki.extract import formula_cards as f

    def illustrates_before(intro: str, body: str) -> bool:
        intro = f.last_sentence(intro)
        numbers = f._PROSE_NUMBER.findall(f._INLINE_MATH.sub(" ", intro)) if any(ch.isdigit() for ch in intro) else []
        return len(numbers) >= f._ANALOGY_NUMBERS and not set(numbers) & set(f._PROSE_NUMBER.findall(body))

    def unnamed_before(intro: str, path: str, names: list[str]) -> bool:
        said = re.sub(r"\W", "", (intro + path).casefold())
        return bool(names) and f._SETS_UP.match(intro) is not None and \
            not any(re.sub(r"\W", "", name.casefold()) in said for name in names)

    intros = ["Take 15: it factors into 3 and 5, and 3 times 5 gives 15 back:", "The mean squared error is:",
              "With errors $e_t$ over $n$ test points:", "Given 2 coins, 3 flips and 4 heads:", "",
              "Using Taylor expansion", "With the MAE written out:", "Let ² and ³ stand for 2 and 3 and 7:"]
    bodies = [r"\text{MAE} = \frac{1}{n}\sum_t |e_t|, \qquad \text{RMSE} = \sqrt{\cdot}", "15 = 3 \\cdot 5", "x^2"]
    for intro in intros:
        for body in bodies:
            assert f._illustrates(intro, body) == illustrates_before(intro, body), (intro, body)
            names = f.quantity_names(body)
            for path in ("Metrics", "Metrics › MAE", ""):
                assert f._unnamed_by(intro, path, names) == unnamed_before(intro, path, names), (intro, path)
