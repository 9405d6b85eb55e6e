"""saraban: scanned Thai government paperwork to structured, reviewable JSON."""

__version__ = "0.51.0"
SCHEMA_VERSION = "1.0"
