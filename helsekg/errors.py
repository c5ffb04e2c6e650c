"""Coded, actionable errors.

Every error helsekg raises on purpose is a :class:`HelsekgError` with a stable ``code``, so tests,
logs and users can tell problems apart without parsing prose. Errors about an input file are
:class:`InputError`, whose message names the file, the problem and what to do about it:

>>> err = InputError("E004", "notes.txt", detail="only whitespace")
>>> str(err)
'notes.txt: the file has no text (only whitespace) (E004). Give a file that contains the document text.'
>>> err.code, err.path
('E004', 'notes.txt')
>>> isinstance(err, HelsekgError)
True
"""

from __future__ import annotations

import os

# code: (problem, what to do). ``{...}`` fields are filled from the keyword arguments.
INPUT_ERRORS: dict[str, tuple[str, str]] = {
    "E001": ("no such file or folder", "Check the path and the current working directory."),
    "E002": (
        "is a folder, not a file",
        "Give a file, or pass the folder to iter_paths() / the CLI to read every document in it.",
    ),
    "E003": (
        "unsupported file type {suffix!r}",
        "Give a plain-text file ({supported}); convert PDF, Word or HTML to text first.",
    ),
    "E004": ("the file has no text ({detail})", "Give a file that contains the document text."),
    "E005": (
        "looks like a binary file ({detail}), not text",
        "Give the document as plain text; extract the text from PDFs, images or archives first.",
    ),
    "E006": (
        "cannot be decoded as text ({detail})",
        "Save the file as UTF-8 (recommended) or Windows-1252/Latin-1 and try again.",
    ),
    "E007": (
        "is too large ({size:,} bytes; the limit is {limit:,})",
        "Split the document, or raise the limit with read_document(..., max_bytes=...).",
    ),
    "E008": (
        "is not Norwegian text (looks like {language})",
        "helsekg reads Bokmål and Nynorsk only; if the text is Norwegian, pass language='nb' or 'nn'.",
    ),
    "E009": ("cannot be read ({detail})", "Check the file permissions and that the file is not locked."),
}


class HelsekgError(Exception):
    """Base class of helsekg's own errors: a stable ``code`` plus a human message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(HelsekgError):
    """A problem with an input file: ``str()`` is "<path>: <problem> (<code>). <what to do>".

    Args:
        code: one of :data:`INPUT_ERRORS`.
        path: the path as given by the caller.
        **fields: values for the placeholders of the code's message.
    """

    def __init__(self, code: str, path: str | os.PathLike[str], **fields: object) -> None:
        problem, todo = INPUT_ERRORS[code]
        self.path = os.fspath(path)
        self.problem = problem.format(**fields)
        self.fields = fields
        super().__init__(code, f"{self.path}: {self.problem} ({code}). {todo}")

    def __reduce__(self):  # keep the error picklable across processes
        return (_rebuild_input_error, (self.code, self.path, self.fields))


def _rebuild_input_error(code: str, path: str, fields: dict[str, object]) -> InputError:
    return InputError(code, path, **fields)


# code: (problem, what to do), for running extraction on a Dask cluster (helsekg.distributed).
DISTRIBUTED_ERRORS: dict[str, tuple[str, str]] = {
    "E101": (
        "running on a Dask cluster needs the packages dask and distributed, which are not installed",
        "Install them with: pip install 'helsekg[dask]' (on the client and on every worker).",
    ),
    "E102": (
        "cannot reach the Dask scheduler at {address} ({detail})",
        "Check the address (tcp://HOST:PORT, as printed by dask scheduler) and that the scheduler is running "
        "and reachable from this machine.",
    ),
    "E103": (
        "a Dask worker runs helsekg {worker}, this process runs helsekg {client}",
        "Install the same helsekg version on the workers as here, so the output does not depend on where a "
        "document ran.",
    ),
}


class DistributedError(HelsekgError):
    """A problem with the Dask cluster, not with an input: ``str()`` is "<problem> (<code>). <what to do>".

    >>> err = DistributedError("E102", address="tcp://10.0.0.5:8786", detail="timed out after 10 s")
    >>> err.code, str(err).split(". ")[0]
    ('E102', 'cannot reach the Dask scheduler at tcp://10.0.0.5:8786 (timed out after 10 s) (E102)')
    """

    def __init__(self, code: str, **fields: object) -> None:
        problem, todo = DISTRIBUTED_ERRORS[code]
        self.fields = fields
        super().__init__(code, f"{problem.format(**fields)} ({code}). {todo}")

    def __reduce__(self):  # raised on a worker, re-raised on the client
        return (_rebuild_distributed_error, (self.code, self.fields))


def _rebuild_distributed_error(code: str, fields: dict[str, object]) -> DistributedError:
    return DistributedError(code, **fields)
