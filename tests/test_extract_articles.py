"""Cards from web articles clipped into a vault (issue 23, recall on long prose): the terms an article names in the
middle of its paragraphs ("This is called …", ", called an ensemble"), the definitions it states in a sentence of
their own ("Label smoothing is a technique that …"), and the lists of names under a heading that says what they are.
The note is written here in the style of a tutorial pasted from a blog; the CLI reads it as a user's scan would."""

from __future__ import annotations

import pytest


from conftest import backs_by_front, new_wiki
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

# Sections over 150 words, as an article's are: too long for one card, so their sentences speak for themselves
# (the first paragraph of each is the section's own card)
ARTICLE = """---
title: A Gentle Introduction to Gradient Clipping
source: https://example.org/gradient-clipping/
---

Training a recurrent network on long sequences often fails in a way that is easy to see in the loss curve: after
hundreds of quiet steps the loss suddenly jumps to a huge value, or becomes NaN, and never recovers.

In this tutorial, you will discover gradient clipping and how to use it when training deep neural networks.

Let's get started.

## Exploding Gradients

Exploding gradients are among the oldest troubles of training deep networks, described for recurrent networks in
the early nineties and still met today in very deep transformers trained with large learning rates.

Backpropagation multiplies many Jacobians together, one per layer or one per time step of a recurrent network.
When their norms are mostly above one, the product grows exponentially with depth, and a single update can throw
the weights far away from the region where training was making progress. This is called the exploding gradient
problem and it is most common in recurrent networks trained on long sequences.

A cliff is a region of the loss surface where the loss changes very steeply over a short distance. A gradient step
taken on a cliff is huge because the slope is, even though the step direction may be perfectly reasonable, and the
optimizer lands far away from where it was, often somewhere much worse than where it started.

The opposite failure, where the product shrinks towards zero and the first layers stop learning, is handled with
other tools such as gated units and residual connections, because no rescaling of a tiny gradient tells the
optimizer which direction is useful, and the methods in this tutorial do nothing about it at all.

## Clipping by Norm

Gradient clipping limits how far a single update can move the weights, whatever the loss surface looks like, and
it costs almost nothing to compute compared with the forward and backward passes themselves.

The usual remedy rescales the whole gradient vector whenever its norm exceeds a chosen threshold, keeping its
direction and shrinking its length to the threshold, called the clipping norm. Values between 1 and 5 are common
starting points, and the threshold is usually tuned by watching the gradient norm over the first few thousand
steps of training and picking a value a little above its typical size.

Clipping by value is the simpler variant. It clips each component of the gradient to a fixed interval
independently of the others, which changes the direction of the gradient vector and is therefore used less often
in practice, although it is cheap and some older code bases still rely on it for recurrent networks.

Adaptive gradient clipping is a variant that scales the threshold of each layer by the norm of that layer's
weights, so that large layers and small layers are clipped in proportion to their size rather than all at once.

## Optimizers With Built-in Clipping

- Adam
- RMSProp
- Adagrad

## Further Reading

- [On the difficulty of training recurrent neural networks](https://example.org/pascanu)
- [High-performance large-scale image recognition without normalization](https://example.org/nfnets)

## Summary

In this tutorial, you discovered gradient clipping.

Specifically, you learned:

- Exploding gradients can make training unstable.
- Clipping rescales the gradient when its norm is too large.

Do you have any questions? Ask your questions in the comments below.

## Conclusion

We covered gradient clipping by norm and by value. If you enjoyed this article, follow me for more posts.
"""


cards = backs_by_front  # {front: back} of the wiki's cards


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


GRADIENT_CLIPPING = NOTES.add({"Gradient clipping.md": ARTICLE})


def test_a_term_named_in_the_middle_of_a_paragraph_is_a_definition_card_with_what_it_names(shared):
    found = shared.backs_by_front(GRADIENT_CLIPPING)
    back = found["A Gentle Introduction to Gradient Clipping › Exploding Gradients\n\n"
                 "Define: exploding gradient problem"]
    assert back.startswith("When their norms are mostly above one, the product grows exponentially"), \
        "'This is called …': the sentence before says what 'this' is"
    assert back.endswith("most common in recurrent networks trained on long sequences.")
    named = found["A Gentle Introduction to Gradient Clipping › Clipping by Norm\n\nDefine: clipping norm"]
    assert named.startswith("The usual remedy rescales the whole gradient vector") and named.endswith(
        "called the clipping norm."), "', called the clipping norm': the sentence that names it"


GRADIENT_CLIPPING_2 = NOTES.add({"Gradient clipping.md": ARTICLE})


def test_a_sentence_that_says_what_a_term_is_and_what_sets_it_apart_is_a_definition_card(shared):
    found = shared.backs_by_front(GRADIENT_CLIPPING_2)
    assert found["A Gentle Introduction to Gradient Clipping › Exploding Gradients\n\nDefine: cliff"] == (
        "A cliff is a region of the loss surface where the loss changes very steeply over a short distance.")
    assert found["A Gentle Introduction to Gradient Clipping › Clipping by Norm\n\n"
                 "Define: Adaptive gradient clipping"].startswith("Adaptive gradient clipping is a variant that")
    clip = found["A Gentle Introduction to Gradient Clipping › Clipping by Norm\n\nDefine: Clipping by value"]
    assert clip.startswith("Clipping by value is the simpler variant. It clips each component"), \
        "a genus alone takes the next sentence that goes on about the term"


GRADIENT_CLIPPING_3 = NOTES.add({
    "Gradient clipping.md": (
        ARTICLE.replace("The opposite failure,", "The opposite failure is a problem that shows up as well,") + """
## Wrapping Up

This is called a checklist. A common value is a threshold of 1 for the clipping norm that most people use. The
interpretation is a choice that differs from one library to the next. Bagging is known as bootstrap aggregating.
The function is called on every step of the training loop in the examples of the library that we used above.
""")
})


def test_pointers_boilerplate_and_judgements_are_no_definitions(shared):
    found = shared.backs_by_front(GRADIENT_CLIPPING_3)
    defined = [front.rsplit("Define: ", 1)[-1] for front in found if "Define: " in front]
    assert sorted(defined) == ["Adaptive gradient clipping", "Clipping by value", "cliff", "clipping norm",
                               "exploding gradient problem"], defined
    assert not any("In this tutorial" in back or "Let's get started" in back or "questions" in back
                   for back in found.values()), "a tutorial's boilerplate is no card"


GRADIENT_CLIPPING_4 = NOTES.add({"Gradient clipping.md": ARTICLE})


def test_a_list_of_names_under_a_heading_that_names_their_kind_is_a_card(shared):
    found = shared.backs_by_front(GRADIENT_CLIPPING_4)
    assert found["A Gentle Introduction to Gradient Clipping › Optimizers With Built-in Clipping"] == \
        "- Adam\n- RMSProp\n- Adagrad"
    assert not any("Further Reading" in front or "Conclusion" in front for front in found), \
        "links to read and a blog's sign-off are no card"


COURSE = NOTES.add({
    "Course.md": (
        """# Course

## Key Concepts

- Nearest Neighbours
- Decision Trees

## Related Posts

- [How to Clip Gradients](https://example.org/clip)
- [Batch Size](https://example.org/batch)

## Popular Libraries

- PyTorch
- JAX

## Frameworks

- PyTorch
    - JAX
""")
})


def test_a_list_of_topics_or_links_is_no_card_of_names(shared):
    found = shared.backs_by_front(COURSE)
    assert found == {"Course › Popular Libraries": "- PyTorch\n- JAX"}, found


LABEL_SMOOTHING = NOTES.add({
    "Label smoothing.md": (
        """---
title: Label Smoothing
---

Classifiers trained with one-hot targets become overconfident on the training set.

In this post, you will discover label smoothing and how it calibrates a classifier.

After reading this post, you will know:

- Why one-hot targets make a network overconfident.
- How to smooth the targets.

Kick-start your project with my new book, including step-by-step tutorials.

Let's get started.

Replacing each one-hot target by a mix of itself and the uniform distribution over the classes keeps the logits
from growing without bound. This is called label smoothing, and a weight of 0.1 on the uniform part is common.

Do you have any questions? Ask your questions in the comments below.
""")
})


def test_a_blogs_furniture_is_left_out_of_a_section_card_and_a_term_it_names_is_a_card_too(shared):
    found = shared.backs_by_front(LABEL_SMOOTHING)
    lead = found["Label Smoothing"]
    assert lead.startswith("Classifiers trained with one-hot targets") and lead.endswith("0.1 on the uniform part is common.")
    assert not any(word in lead for word in ("In this post", "you will know", "Why one-hot", "Kick-start", "started",
                                             "questions")), lead
    assert found["Label Smoothing\n\nDefine: label smoothing"].startswith("Replacing each one-hot target by a mix")


SEARCH = NOTES.add({
    "Search.md": (
        """## Retrieval Metrics

Retrieval systems are judged on the ranked lists they return, not on single predictions, so their metrics look at
where in the list the relevant items land. MRR (mean reciprocal rank) is the average over queries of one over the
rank of the first relevant item. It rewards putting one good answer at the top and ignores everything after it.
""")
})


def test_an_abbreviation_spelled_out_in_prose_is_a_definition_card(shared):
    found = shared.backs_by_front(SEARCH)
    assert found["Search › Retrieval Metrics\n\nDefine: mean reciprocal rank (MRR)"] == (
        "MRR (mean reciprocal rank) is the average over queries of one over the rank of the first relevant item.")


CLAIMS = """## Effect of Batch Size

Batch size sets how many examples each gradient step averages over, and with it how noisy each step is and how many
steps an epoch holds; it interacts with the learning rate more than with any other setting of the optimizer. It
also decides how much memory a step needs, since the activations of every example in the batch are kept until the
backward pass has used them, and so it is often chosen by the hardware before anything else is considered at all.

A batch size that is too small makes each gradient estimate so noisy that training needs a much smaller learning rate.

A very large batch size can generalize worse, as the optimizer settles in sharp minima of the training loss.

The model is trained for ten epochs with each of the batch sizes listed in the table of results at the end.

A common value is a batch of 32 examples, which fits the memory of most graphics cards in use today.

The gradient noise of small batches that we measured acts as a regularizer in our experiments on the test set.
"""


TRAINING = NOTES.add({"Training.md": CLAIMS})


def test_a_paragraph_that_opens_by_saying_something_of_the_sections_subject_asks_how_it_goes_on(shared):
    found = shared.backs_by_front(TRAINING)
    assert found["Training › Effect of Batch Size\n\nA very large batch size …"] == (
        "A very large batch size can generalize worse, as the optimizer settles in sharp minima of the training loss.")
    claims = [front for front in found if front.endswith(" …")]
    assert claims == ["Training › Effect of Batch Size\n\nA very large batch size …"], \
        "'makes' is no verb a claim is read at; 'The model', 'A common value' and 'we measured' make no claim card"


TRAINING_2 = NOTES.add({
    "Training.md": (
        CLAIMS.replace("## Effect of Batch Size", "## Choosing k").replace(
     "A very large batch size can generalize worse", "The choice of k can generalize worse"))
})


def test_a_symbol_the_heading_names_makes_a_subject_of_the_section(shared):
    found = shared.backs_by_front(TRAINING_2)
    assert "Training › Choosing k\n\nThe choice of k …" in found, "'k' under 'Choosing k'"


OPTIMIZERS = NOTES.add({
    "Optimizers.md": (
        """# Optimizers

## Adaptive Optimizers

- [[Adam]]
- [[RMSProp|RMSProp]]
- [[Adagrad]]

For example code for each of these optimizers, see the next section.
""")
})


def test_a_list_of_the_vaults_own_links_is_names_and_a_pointer_after_it_is_left_out(shared):
    found = shared.backs_by_front(OPTIMIZERS)
    assert found == {"Optimizers › Adaptive Optimizers": "- [[Adam]]\n- [[RMSProp|RMSProp]]\n- [[Adagrad]]"}, found


def test_a_section_opens_on_what_it_says_not_on_this_means_and_its_opening_names_terms_too(tmp_path):
    note = ARTICLE.replace("""## Clipping by Norm

Gradient clipping limits""", """## Clipping by Norm

The threshold matters.

This means that a threshold chosen badly either never clips or clips every single step of the run.

Gradient clipping limits""")
    found = cards(new_wiki(tmp_path, {"Gradient clipping.md": note}))
    opening = found["A Gentle Introduction to Gradient Clipping › Clipping by Norm"]
    assert opening.startswith("Gradient clipping limits how far a single update"), "'This means …' goes on from before"
    swapped = note.replace("""Gradient clipping limits how far a single update can move the weights, whatever the loss surface looks like, and
it costs almost nothing to compute compared with the forward and backward passes themselves.

The usual remedy""", "The usual remedy")
    found = cards(new_wiki(tmp_path / "swapped", {"Gradient clipping.md": swapped}))
    assert found["A Gentle Introduction to Gradient Clipping › Clipping by Norm"].startswith("The usual remedy rescales")
    assert "A Gentle Introduction to Gradient Clipping › Clipping by Norm\n\nDefine: clipping norm" in found, \
        "a term the opening paragraph names is a card of its own"


def test_a_question_heading_over_pages_of_prose_is_answered_by_its_first_paragraphs(tmp_path):
    paragraphs = [
        "A feature store is a shared database of features that serves the same values to training and to serving.",
        "It was popularised by platform teams at large companies, where dozens of models reuse the same user and "
        "item features and computing them twice, once in a batch job and once in the online service, had led to "
        "subtle differences between what a model saw in training and what it saw in production.",
        "The design is grounded in the consistency principle of ML platforms, which states that a feature must be "
        "computed by one piece of code wherever it is used, in training and in serving alike.",
        "Point-in-time correctness is a property that guarantees a training example only sees feature values that "
        "existed at the moment of its label, so that no information from the future leaks into training.",
        "Teams that adopt one usually start with the few features every model needs, such as account age and "
        "country, and move the long tail over only when a model that uses them is retrained for other reasons.",
    ]
    note = "## What Is a Feature Store?\n\n" + "\n\n".join(paragraphs) + "\n"
    found = cards(new_wiki(tmp_path, {"Feature stores.md": note}))
    answer = found["Feature stores\n\nWhat Is a Feature Store?"]
    assert answer == "\n\n".join(paragraphs[:2]), "the first paragraphs answer the question"
    assert found["Feature stores › What Is a Feature Store?\n\nDefine: Point-in-time correctness"].startswith(
        "Point-in-time correctness is a property that guarantees")
    assert found["Feature stores › What Is a Feature Store?\n\nDefine: consistency principle of ML platforms"] == \
        paragraphs[2], "a named principle and what it states"
    short = "## What Is a Feature Store?\n\n" + "\n\n".join(paragraphs[:2]) + "\n"
    assert cards(new_wiki(tmp_path / "short", {"Feature stores.md": short})) == {
        "Feature stores\n\nWhat Is a Feature Store?": "\n\n".join(paragraphs[:2])}, "a short section answers whole"


SEQ2SEQ = NOTES.add({
    "Seq2seq.md": (
        "## Encoders\n\nAn encoder reads the whole input sentence and squeezes it into one fixed length vector called "
        "a context vector, which is all the decoder ever sees of the input.\n")
})


def test_a_noun_called_a_term_names_it(shared):
    found = shared.backs_by_front(SEQ2SEQ)
    assert found["Seq2seq › Encoders\n\nDefine: context vector"].startswith("An encoder reads the whole input")


INDEX = NOTES.add({
    "posts/kv/index.qmd": (
        """---
title: "KV cache arithmetic"
---

Quick post because I keep redoing these numbers on napkins.

## What gets cached

Each new token's query attends over the keys and values of all previous tokens, which do not change, so they are cached.
""")
})


def test_a_posts_words_about_itself_are_no_card(shared):
    """"Quick post because I keep redoing these numbers": why the author wrote, nothing to recall."""
    cards = shared.cards(INDEX)
    assert [c["front"] for c in cards] == ["KV cache arithmetic › What gets cached"]
