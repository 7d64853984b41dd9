"""How to read the marks: one short guide for the window's Help page, the HTML export and
the README, in plain words for a class. Rule ids and weights are the `details` part, shown
only when asked for: in class they read as jargon.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from framelens import explain, labels
from framelens.styles import category_styles

TITLE = "How to read the marks"

SCORE = (
    "Each sentence gets an opinion score between 0 and 1. FrameLens looks for cues: words "
    "that judge (\u201cdisgraceful\u201d, \u201cremarkable\u201d), \u201cmust\u201d and "
    "\u201cshould\u201d, \u201cI\u201d and \u201cwe\u201d, questions and commands push "
    "towards opinion; numbers, dates, names and reporting verbs (\u201csaid\u201d) push "
    "towards reported fact. Words inside quotes are the source's, not the writer's, so "
    "they are not counted against the writer. A sentence scoring 0.5 or more is marked "
    "Opinion; otherwise it is Attributed when it mostly reports what someone said, and "
    "Reported fact when not. The whole article reads as opinion or as reporting from the "
    "same kind of evidence, counted over all its sentences."
)
NOT_A_VERDICT = (
    "The marks are what FrameLens's rules found, not a verdict. A \u201cReported fact\u201d "
    "is stated as fact, not checked to be true; an \u201cOpinion\u201d sentence is not wrong; "
    "a loaded word is not proof of bias, and its \u201cneutral alternative\u201d is a "
    "suggestion. The rules miss things and mark things they should not. Use each mark as a "
    "question to ask of the text: who says so, how do we know, what would a neutral "
    "wording be?"
)
ALIGNED = (
    "FrameLens looks for sentences of the two articles that report the same claim (shared "
    "people, places, numbers, dates and words, or the same meaning in other words). In the "
    "window a narrow strip between the articles joins them with bands: hatched where the "
    "two tell the claim differently (one states as fact what the other attributes, a "
    "loaded word or a hedge only one uses, a different number), plain where they tell it "
    "alike. A bar at the strip's edge marks a sentence only one article reports. Put the "
    "cursor in a sentence to outline its counterpart in the other article; F7 steps through "
    "the claims, and the Aligned claims tab lists them with their differences. Two articles "
    "about different events share no claims, and FrameLens says so."
)
DETAILS = (
    "Every mark names the rule that made it, e.g. loaded.desperate (a word list entry) or "
    "opinion.obligation_modal (a sentence cue); the rules and word lists are data files in "
    "resources/ with their sources and licences. A sentence cue has a weight: positive "
    "weights push towards opinion, negative towards fact. The opinion score is the "
    "logistic function of a bias plus the weights of the cues found, so a score of 0.5 "
    "means the cues balance. The weights were fitted on a labelled corpus (CheckThat! "
    "subjectivity); the README's \u201cHow well it works\u201d says how often the labels "
    "agree with people's."
)


@dataclass(frozen=True)
class Entry:
    """One category: its name, what it means, and the letter its tags carry on paper."""

    category: str
    name: str
    meaning: str
    symbol: str


def entries() -> list[Entry]:
    """Every category in legend order, from `resources/styles.toml`."""
    return [Entry(category, style.name, style.description, style.symbol)
            for category, style in category_styles().items()
            if category in labels.STYLED_CATEGORIES]


def counts_meaning() -> list[str]:
    """What the quote and source counts mean (one definition: `explain.source_counts`)."""
    return [meaning[0].upper() + meaning[1:] + "." for meaning in (
        explain.QUOTES_MEAN, explain.SPEAKERS_MEAN, explain.NAMED_SOURCES_MEAN,
        explain.CREDITED_MEAN)]


def guide_html(details: bool = False, collapsible: bool = False) -> str:
    """The guide as HTML; `details` adds rule ids and weights, `collapsible` puts them in
    a closed <details> element instead (for the HTML export)."""
    rows = "".join(f"<tr><td><b>{escape(e.name)}</b></td><td>{escape(e.meaning)}</td></tr>"
                   for e in entries())
    counts = "".join(f"<li>{escape(line)}</li>" for line in counts_meaning())
    parts = [f"<h2>{TITLE}</h2>",
             "<h3>What each mark means</h3>",
             f"<table>{rows}</table>",
             "<h3>Quotes and sources</h3>",
             f"<ul>{counts}</ul>",
             "<h3>How the opinion score is made</h3>",
             f"<p>{escape(SCORE)}</p>",
             "<h3>Same claim, two tellings</h3>",
             f"<p>{escape(ALIGNED)}</p>",
             "<h3>What the marks are not</h3>",
             f"<p>{escape(NOT_A_VERDICT)}</p>"]
    if collapsible:
        parts.append(f"<details><summary>Details: rule ids and weights</summary>"
                     f"<p>{escape(DETAILS)}</p></details>")
    elif details:
        parts += ["<h3>Details: rule ids and weights</h3>", f"<p>{escape(DETAILS)}</p>"]
    return "\n".join(parts)


def guide_markdown() -> str:
    """The guide as Markdown (the README section)."""
    lines = [f"### {TITLE}", "", "| Mark | What it means |", "|---|---|"]
    lines += [f"| {e.name} | {e.meaning} |" for e in entries()]
    lines += ["", *(f"- {line}" for line in counts_meaning()), "",
              f"**How the opinion score is made.** {SCORE}", "",
              f"**Same claim, two tellings.** {ALIGNED}", "",
              f"**What the marks are not.** {NOT_A_VERDICT}", "",
              f"**Details: rule ids and weights.** {DETAILS}"]
    return "\n".join(lines)
