"""The category taxonomy: stable string values shared by JSON, resources and styles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# Sentence labels (the JSON contract's `sentences[].label`).
OPINION: Final = "opinion"
FACT: Final = "fact"
ATTRIBUTED: Final = "attributed"
SENTENCE_LABELS: Final = (OPINION, FACT, ATTRIBUTED)

# Span categories (the JSON contract's `spans[].category`).
LOADED: Final = "loaded_language"
HEDGE: Final = "hedge"
BOOSTER: Final = "booster"
BOILERPLATE: Final = "boilerplate"
TECHNIQUE: Final = "technique"
SPAN_CATEGORIES: Final = (LOADED, HEDGE, BOOSTER, BOILERPLATE, TECHNIQUE)

# Subtypes of loaded language.
LOADED_SUBTYPES: Final = ("emotive", "pejorative", "exaggeration", "euphemism")

# Subtypes of technique spans: the 13 persuasion techniques of the Propaganda Techniques
# Corpus besides loaded language (Da San Martino et al. 2019; SemEval-2020 Task 11), and
# vague attribution (a claim credited to sources nobody can check).
TECHNIQUE_SUBTYPES: Final = (
    "name_calling", "repetition", "exaggeration_minimisation", "doubt", "appeal_to_fear",
    "flag_waving", "causal_oversimplification", "slogans", "appeal_to_authority",
    "black_and_white_fallacy", "thought_terminating_cliche",
    "whataboutism_straw_man_red_herring", "bandwagon_reductio_ad_hitlerum", "vague_attribution",
)
VAGUE_ATTRIBUTION: Final = "vague_attribution"
# Whose rhetoric a technique span is: the writer's own, or a quoted or reported source's.
VOICE_WRITER: Final = "writer"
VOICE_SOURCE: Final = "source"

# The three parts of a quote, styled separately.
QUOTE_CONTENT: Final = "quote_content"
QUOTE_SPEAKER: Final = "quote_speaker"
QUOTE_CUE: Final = "quote_cue"
QUOTE_PARTS: Final = (QUOTE_CONTENT, QUOTE_SPEAKER, QUOTE_CUE)

# Every category that has a style (legend order).
STYLED_CATEGORIES: Final = (SENTENCE_LABELS + (LOADED, HEDGE, BOOSTER, TECHNIQUE) + QUOTE_PARTS
                             + (BOILERPLATE,))

# Quote kinds and cue tones.
DIRECT: Final = "direct"
INDIRECT: Final = "indirect"
QUOTE_KINDS: Final = (DIRECT, INDIRECT)
# The rule of an attributed stance: a belief, plan or intention the writer credits to
# someone ("Khamenei knows that ..."). It is an attribution, but nobody is given a voice.
STANCE_RULE: Final = "quotes.stance"
CUE_NEUTRAL: Final = "neutral"
CUE_LOADED: Final = "loaded"

# Who made a mark or label (the JSON contract's additive `by` field; absent: FrameLens).
BY_USER: Final = "user"

# Genre labels.
GENRE_OPINION: Final = "opinion"
GENRE_REPORTING: Final = "reporting"
GENRE_LABELS: Final = (GENRE_OPINION, GENRE_REPORTING)

SCHEMA: Final = "framelens/analysis-v1"
COMPARISON_SCHEMA: Final = "framelens/comparison-v1"


@dataclass(frozen=True)
class MetricInfo:
    """How one document metric is named, formatted and explained everywhere."""

    key: str
    label: str
    unit: str
    description: str
    percent: bool = False
    digits: int = 1

    def format(self, value: float) -> str:
        """Format a value of this metric for people (tables, PDF, window)."""
        if self.percent:
            return f"{value * 100:.0f}%"
        return f"{value:.{self.digits}f}"

    def format_change(self, value: float) -> str:
        """Format a difference of this metric for people: shares change by percentage
        points ("30 pts"), not by per cent (61% to 31% is not a 30% drop)."""
        if self.percent:
            return f"{value * 100:.0f} pts"
        return self.format(value)


# The metrics shown side by side in comparisons (window, PDF, HTML, CLI), in order.
METRICS: Final = (
    MetricInfo("word_count", "Words", "words", "Words outside boilerplate.", digits=0),
    MetricInfo("sentence_count", "Sentences", "sentences", "Sentences outside boilerplate.",
               digits=0),
    MetricInfo("opinion_share", "Opinion sentences", "share",
               "Share of sentences stating the writer's own judgement.", percent=True),
    MetricInfo("fact_share", "Fact sentences", "share",
               "Share of sentences reporting a checkable statement without a source.",
               percent=True),
    MetricInfo("attributed_share", "Attributed sentences", "share",
               "Share of sentences attributing a statement to a source.", percent=True),
    MetricInfo("loaded_per_100", "Loaded words / 100 words", "per 100 words",
               "Loaded-language marks per 100 words."),
    MetricInfo("hedge_per_100", "Hedges / 100 words", "per 100 words",
               "Hedging words (reportedly, may, allegedly) per 100 words."),
    MetricInfo("booster_per_100", "Boosters / 100 words", "per 100 words",
               "Certainty boosters (clearly, without doubt) per 100 words."),
    MetricInfo("quote_count", "Quotes", "quotes", "Direct and reported-speech quotes.", digits=0),
    MetricInfo("direct_quote_count", "Direct quotes", "quotes", "Quotes in quotation marks.",
               digits=0),
    MetricInfo("named_source_count", "Named sources", "sources",
               "Distinct named people or organisations given a voice.", digits=0),
    MetricInfo("loaded_cue_count", "Loaded reporting verbs", "verbs",
               "Quotes introduced with a loaded verb (claimed, admitted, insisted).", digits=0),
    MetricInfo("technique_per_100_sentences", "Techniques / 100 sentences", "per 100 sentences",
               "Persuasion-technique marks (flag-waving, appeal to fear, doubt, slogans...) "
               "per 100 sentences, the writer's and the sources' together."),
    MetricInfo("technique_writer_count", "Techniques, writer's own", "marks",
               "Persuasion-technique marks in the writer's own voice.", digits=0),
    MetricInfo("technique_source_count", "Techniques, quoted", "marks",
               "Persuasion-technique marks inside quotes and reported speech.", digits=0),
    MetricInfo("vague_attribution_count", "Vague attributions", "marks",
               "Claims credited to sources nobody can check (critics say, experts warn).",
               digits=0),
    MetricInfo("first_person_per_100", "First person / 100 words", "per 100 words",
               "I, we, our... outside quotes, per 100 words."),
    MetricInfo("second_person_per_100", "Second person / 100 words", "per 100 words",
               "You, your... outside quotes, per 100 words."),
    MetricInfo("tone_mean", "Tone (mean)", "VADER compound",
               "Mean per-sentence VADER compound score, -1 negative to +1 positive.", digits=2),
    MetricInfo("tone_spread", "Tone (spread)", "VADER compound",
               "Standard deviation of per-sentence VADER compound scores.", digits=2),
    MetricInfo("flesch_reading_ease", "Reading ease (Flesch)", "0-100",
               "Flesch reading ease: higher is easier to read."),
    MetricInfo("grade_level", "Grade level", "US grade",
               "Flesch-Kincaid grade level: school years needed to follow the text."),
    MetricInfo("mean_sentence_length", "Mean sentence length", "words", "Words per sentence."),
)
METRICS_BY_KEY: Final = {m.key: m for m in METRICS}
