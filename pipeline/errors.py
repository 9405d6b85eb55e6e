"""One exception root. Library code raises these; only the CLI maps them to exit codes.

Each error has a stable machine-readable ``code`` (written into ``.error.json``) and the exit
status the CLI uses when the error ends a whole command.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class SarabanError(Exception):
    """Root of every error the pipeline raises on purpose."""

    code = "error"
    exit_code = EXIT_SOME_FAILED

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class UsageError(SarabanError):
    code = "usage"
    exit_code = EXIT_USAGE


class InputError(SarabanError):
    """The input file cannot be processed (the file's fault, not ours)."""

    code = "bad_input"


class UnsupportedFormat(InputError):
    code = "unsupported_format"


class EmptyFile(InputError):
    code = "empty_file"


class CorruptFile(InputError):
    code = "corrupt_file"


class EncryptedFile(InputError):
    code = "encrypted_pdf"


class NoPages(InputError):
    code = "no_pages"


class LimitExceeded(InputError):
    """A configured limit (pixels, pages, seconds) was hit."""

    code = "limit_exceeded"


class EngineError(SarabanError):
    """The OCR engine or another external tool failed."""

    code = "engine_error"


class MissingDependency(SarabanError):
    code = "missing_dependency"
    exit_code = EXIT_INTERNAL


# The documented list of codes an ``.error.json`` can carry.
ERROR_CODES: dict[str, str] = {
    "empty_file": "the file has no bytes",
    "unsupported_format": "not a PDF, TIFF, PNG or JPEG (by content, whatever the extension)",
    "corrupt_file": "the file is truncated or damaged and cannot be decoded",
    "encrypted_pdf": "the PDF is password-protected",
    "no_pages": "the document has no pages",
    "limit_exceeded": "a configured limit (pixels per page, pages per file, seconds) was exceeded",
    "bad_input": "the input cannot be processed for another stated reason",
    "engine_error": "the OCR engine or a helper tool failed on this file",
    "worker_crashed": "the worker process died twice on this page (memory, or a crash in the engine)",
    "internal_error": "an unexpected failure inside saraban (a bug: please report it)",
}
