"""A "Suppose …" that only names the symbols of a general formula, not the numbers of an example.

    Suppose a share $p$ of the inputs is bad. Chance that none of $k$ draws hits one:  $$ (1-p)^k $$
      →  a formula card: the setup gives the symbols names and no values, and the sentence that introduces the
         formula names what it is, so the formula holds for any $p$ and $k$.

`subject.sets_up_example` reads any intro that opens with "Suppose", "Let's say", "Imagine" … as the start of a
worked example, whose formulas are its arithmetic. A writer stating a general result sets it up the same way, but
names letters, not values, and then names the quantity the formula gives. Pure: text in, a verdict out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import sentences
from mlwiki.extract.subject import sets_up_example

# A parenthesis in prose ("(e.g. the top 5% region)"): an aside, not the setup's values
_ASIDE = re.compile(r"\([^()]*\)")
# How a sentence that goes on with an example opens ("Then the loss is:", "Its derivative:", "We get:")
_GOES_ON = frozenset("then so thus hence its this that these it we you here now our plugging substituting "
                     "computing with after which".split())


def names_a_general_formula(intro: str) -> bool:
    """Whether an intro that opens like an example ("Suppose …") only names symbols (no digit outside an aside)
    and its last sentence, ending in ":", names what the formula gives ("Probability that at least one …:")."""
    said = sentences(" ".join(intro.split()))
    if len(said) < 2:
        return False
    setup, last = " ".join(said[:-1]), said[-1].strip()
    if any(ch.isdigit() for ch in _ASIDE.sub("", setup)):
        return False  # ("Suppose $x = 3$": a value, the example's)
    first = last.split(" ", 1)[0].casefold().strip(",")
    return last.endswith(":") and first not in _GOES_ON and first[:1].isalpha() and not sets_up_example(last)
