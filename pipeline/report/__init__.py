"""The HTML review report."""
