"""Synthetic scans with ground truth: ``saraban synth``."""

from pipeline.synth.corpus import generate, make_file

__all__ = ["generate", "make_file"]
