"""A paragraph headed by a short claim in bold that it argues ("**Scaling is a choice.** PCA is not …"): the claim
names the part it heads, one paragraph long (`parts.section_parts`), and the section's text after such paragraphs
opens nothing (`openings.opening_paragraph`): the claims opened it. Constants only, shared by both.
"""

from __future__ import annotations

import re

# A short claim: a noun (of one or two words), "is"/"are", what it is ("Centering is required", "Scaling is a choice")
CLAIM_HEAD = re.compile(r"[A-Z][a-z-]+(?: [a-z-]+)? (?:is|are) (?:not |a |an )?[a-z-]+")
# The attrs of the section's paragraph after one headed by a claim (compared by identity)
AFTER_CLAIM = {"after_claim": True}
