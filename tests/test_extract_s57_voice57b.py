"""First-person knowledge (session 57): a sentence whose "I" is anyone who does what it says ("a sum that I
can't evaluate", "which I can approximate") and a noun label the author is in ("Pitfall I hit: …") stay knowledge,
while the writer's own story ("So I tried: …", "I should reread …") stays off cards. Notes written to tmp_path,
read through the CLI."""

from __future__ import annotations

import json

from conftest import new_wiki, run

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'


def text_of(tmp_path, notes: dict[str, str]) -> str:
    made = json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)
    return "\n".join(c["front"] + "\n" + c["back"] for c in made)


def test_a_relative_clause_of_what_anyone_can_do_is_knowledge(tmp_path):
    note = ("# Importance sampling\n\nImportance sampling reweights draws from a proposal q by p/q to estimate an "
            "expectation under p.\n\n"
            "The trick in one line: an integral that I can't evaluate in closed form becomes an average over "
            "samples, which I *can* approximate with a few thousand draws from q.\n")
    text = text_of(tmp_path, {"is.md": note})
    assert "an integral that I can't evaluate" in text and "which I *can* approximate" in text \
        or "which I can approximate" in text, text


def test_a_noun_label_the_author_is_in_keeps_its_sentence(tmp_path):
    note = ("# Importance sampling\n\nImportance sampling reweights draws from a proposal q by p/q to estimate an "
            "expectation under p.\n\n"
            "Pitfall I hit: the estimate is only trustworthy when q has heavier tails than p. With lighter tails "
            "a handful of huge weights dominate the average and its variance blows up.\n")
    text = text_of(tmp_path, {"is.md": note})
    assert "heavier tails than p" in text, text


def test_the_writers_own_story_stays_off(tmp_path):
    note = ("# Importance sampling\n\nImportance sampling reweights draws from a proposal q by p/q to estimate an "
            "expectation under p.\n\n"
            "So I tried: a Gaussian proposal on my toy problem. It went badly.\n\n"
            "I should reread the chapter on effective sample size before the exam.\n")
    text = text_of(tmp_path, {"is.md": note})
    assert "Gaussian proposal" not in text and "reread" not in text, text


def test_a_label_of_what_the_writer_is_doing_is_no_label():
    from mlwiki.extract.voice import without_author
    assert without_author("Order I'm reading them in: the survey, then the two papers it cites.") == ""
    assert without_author("So I've tried: a wider proposal. It went badly.") == ""
