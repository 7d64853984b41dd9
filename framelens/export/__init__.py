"""Exports: JSON (the engine contract), CSV, HTML and PDF, all drawn from Analysis."""
