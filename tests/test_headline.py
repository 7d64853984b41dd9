"""Headline versus body: frames, tone and opinion of the headline against the article."""

from __future__ import annotations

import pytest

from framelens import engine, explain

MEASURED_BODY = (
    "The city council approved next year's budget on Tuesday by 31 votes to 12.\n\n"
    "The budget raises spending on road repairs by 4 percent and keeps property taxes "
    "unchanged, according to the finance department.\n\n"
    "Council members from both parties said the plan balanced the city's books.\n\n"
    "The finance director said the city expects revenue to grow slowly next year.\n\n"
    "The budget takes effect in January."
)
NEUTRAL_HEADLINE = "City council approves next year's budget"
ALARMING_HEADLINE = "Terrifying attack on taxpayers as reckless council plunges city into chaos"
SECURITY_HEADLINE = "Troops and militias mass at the border as war threat grows"


@pytest.fixture(scope="module")
def checked():
    texts = [f"{NEUTRAL_HEADLINE}\n\n{MEASURED_BODY}", f"{ALARMING_HEADLINE}\n\n{MEASURED_BODY}",
             f"{SECURITY_HEADLINE}\n\n{MEASURED_BODY}", MEASURED_BODY.replace("\n\n", " ")]
    return engine.analyze_many(texts)


def test_headline_neutral_on_neutral_body_is_not_flagged(checked):
    check = checked[0].headline
    assert check is not None
    assert checked[0].excerpt(check.headline.start, check.headline.end) == NEUTRAL_HEADLINE
    assert check.findings == ()
    assert check.frames[:1] == ("economic",)
    assert "economic" in check.body_frames


def test_headline_alarming_on_measured_body_is_flagged(checked):
    check = checked[1].headline
    assert check is not None
    assert explain.HEADLINE_MORE_ALARMING in check.findings
    assert check.tone < check.body_tone


def test_headline_frame_absent_from_body_is_said_in_words(checked):
    check = checked[2].headline
    assert check is not None
    assert check.frames[0] == "security_defense"
    assert "security_defense" not in check.body_frames
    assert check.findings[0].startswith(
        "The headline frames this as a security and defence matter; the body mostly reports ")


def test_headline_text_without_headline_has_no_check(checked):
    assert checked[3].headline is None


def test_headline_check_survives_json(checked):
    from framelens.model import Analysis

    again = Analysis.from_json(checked[1].to_json())
    assert again.headline == checked[1].headline


def test_headline_leftover_of_web_debris_is_no_standfirst():
    from framelens.analyzers.headline import find_parts
    from framelens.model import Sentence, Span

    text = ("Council votes to close the library\n\n  \u2022 share\n\n"
            "The council voted on Monday. The library closes in May. Readers were upset. "
            "A petition is planned.\n\nMore follows.\n")
    share = text.index("share")
    debris = [Span(share, share + len("share"), "boilerplate", "share widget", "debris.share")]
    bullet = text.index("\u2022")
    sentences = [Sentence(0, 34, "fact", 0.2), Sentence(bullet, bullet + 1, "fact", 0.2)]
    head, standfirst = find_parts(text, sentences, debris)
    assert text[head.start:head.end] == "Council votes to close the library"
    assert standfirst is None or "\u2022" not in text[standfirst.start:standfirst.end]
