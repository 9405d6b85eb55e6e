"""Measuring: scoring predictions against ground truth, and the benchmark behind ``make bench``."""
