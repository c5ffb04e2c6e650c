"""Coded, actionable errors: one table (:data:`ERRORS`) for every code helsekg raises.

Every error helsekg raises on purpose is a :class:`HelsekgError` with a stable ``code``, so tests,
logs and users can tell problems apart without parsing prose. Codes by range: E0xx a problem with an
input file (:class:`InputError`), E1xx the Dask cluster (:class:`DistributedError`), E2xx the SHACL
shapes or data the compiled engine cannot validate (:class:`UnsupportedShapeError`,
:class:`ShapeEvaluationError`), E3xx an optional extra that is not installed (:class:`MissingExtraError`). Errors about an input file name the file, the problem and what to do:

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
ERRORS: dict[str, tuple[str, str]] = {
    "E001": ("no such file or folder", "Check the path and the current working directory."),
    "E002": (
        "is a folder, not a file",
        "Give a file, or pass the folder to iter_paths() / the CLI to read every document in it.",
    ),
    "E003": (
        "unsupported file type {suffix!r}",
        "Give a document in one of the formats helsekg reads ({supported}); convert other formats to one of them.",
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
    "E010": (
        "cannot extract text from this {format} file ({detail})",
        "Check that the file opens in a viewer; save or export it again (without a password), "
        "or give the document as plain text.",
    ),
    "E012": (
        "is {kind}, not a regular file",
        "Give a regular file; helsekg does not read from FIFOs, devices or sockets, so a batch never blocks on one.",
    ),
    "E011": (
        "the {format} file has no extractable text ({detail})",
        "{advice}",
    ),
    "E013": (
        "the worker process died while extracting it ({detail})",
        "The document may need more memory than there is: split it, run with fewer --jobs, or give the machine "
        "more memory; the other documents of the batch were extracted.",
    ),
    # running extraction on a Dask cluster (helsekg.scale.distributed)
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
    # the SHACL shapes compiled to SPARQL (helsekg.validate.shacl_sparql)
    "E201": (
        "shape {node}: {detail}",
        "The oxigraph engine compiles only the SHACL Core it lists in helsekg.validate.shacl_sparql.SUPPORTED; "
        "validate with engine='pyshacl'.",
    ),
    "E202": ("{detail}", "pySHACL stops on this too; fix the data."),
    # optional extras (pyproject.toml [project.optional-dependencies])
    "E301": (
        "{feature} needs {package}, which is not installed",
        "Install the optional extra with: pip install 'helsekg[{extra}]'.",
    ),
    # writing an output file (helsekg.graph.io.atomic_write)
    "E401": (
        "cannot write {path} ({detail}); the previous file, if any, is unchanged",
        "Free disk space or write elsewhere; {kept}",
    ),
}

#: The input-file codes (E0xx) of :data:`ERRORS`.
INPUT_ERRORS: dict[str, tuple[str, str]] = {code: entry for code, entry in ERRORS.items() if code < "E100"}
#: The Dask codes (E1xx) of :data:`ERRORS`.
DISTRIBUTED_ERRORS: dict[str, tuple[str, str]] = {
    code: entry for code, entry in ERRORS.items() if "E100" <= code < "E200"
}


class HelsekgError(Exception):
    """Base class of helsekg's own errors: a stable ``code`` plus a human message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


#: what to do about a file of a format with no extractable text (E011), by format
NO_TEXT_ADVICE: dict[str, str] = {
    "PDF": "If it is a scanned PDF, run OCR first (for example ocrmypdf --language nor); otherwise give the "
           "document's text as a plain-text file.",
    "HTML": "If the page loads its text with a script, save it from a browser once it has loaded; otherwise "
            "give the document's text as a plain-text file.",
}
_NO_TEXT_DEFAULT = ("Check that the file shows its text in a viewer, or give the document's text as a plain-text "
                    "file.")


class InputError(HelsekgError):
    """A problem with an input file: ``str()`` is "<path>: <problem> (<code>). <what to do>".

    Args:
        code: one of :data:`INPUT_ERRORS`.
        path: the path as given by the caller.
        **fields: values for the placeholders of the code's message.
    """

    def __init__(self, code: str, path: str | os.PathLike[str], **fields: object) -> None:
        problem, todo = INPUT_ERRORS[code]
        if code == "E011" and "advice" not in fields:
            fields["advice"] = NO_TEXT_ADVICE.get(str(fields.get("format")), _NO_TEXT_DEFAULT)
        self.path = os.fspath(path)
        self.problem = problem.format(**fields)
        self.fields = fields
        super().__init__(code, f"{self.path}: {self.problem} ({code}). {todo.format(**fields)}")

    def __reduce__(self):  # keep the error picklable across processes
        return (_rebuild_input_error, (self.code, self.path, self.fields))


def _rebuild_input_error(code: str, path: str, fields: dict[str, object]) -> InputError:
    return InputError(code, path, **fields)


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


class UnsupportedShapeError(HelsekgError):
    """The shapes graph uses something the compiled SHACL engine does not compile (code E201)."""

    def __init__(self, node: object, detail: str) -> None:
        self.node = str(node)
        problem, todo = ERRORS["E201"]
        super().__init__("E201", f"{problem.format(node=node, detail=detail)} (E201). {todo}")


class OutputError(HelsekgError, OSError):
    """An output file could not be written (code E401): names the file and where the data was kept; an OSError.

    >>> err = OutputError("out.ttl", detail="No space left on device", kept="nothing was kept.")
    >>> err.code, str(err).split(" (E401)")[0]
    ('E401', 'cannot write out.ttl (No space left on device); the previous file, if any, is unchanged')
    """

    def __init__(self, path: str | os.PathLike[str], *, detail: str, kept: str, fallback: str | None = None) -> None:
        problem, todo = ERRORS["E401"]
        self.path = os.fspath(path)
        self.fallback = fallback
        super().__init__("E401", f"{problem.format(path=self.path, detail=detail)} (E401). {todo.format(kept=kept)}")


class ShapeEvaluationError(HelsekgError):
    """The data cannot be validated, where pySHACL raises too (code E202): sh:lessThan on a blank node."""

    def __init__(self, detail: str) -> None:
        problem, todo = ERRORS["E202"]
        super().__init__("E202", f"{problem.format(detail=detail)} (E202). {todo}")


class MissingExtraError(HelsekgError, ImportError):
    """A feature needs an optional extra that is not installed (code E301).

    >>> str(MissingExtraError("QueryResult.to_dataframe()", "pandas", "pandas"))
    "QueryResult.to_dataframe() needs pandas, which is not installed (E301). Install the optional extra with: pip install 'helsekg[pandas]'."
    """

    def __init__(self, feature: str, package: str, extra: str) -> None:
        problem, todo = ERRORS["E301"]
        super().__init__("E301", f"{problem.format(feature=feature, package=package)} (E301). {todo.format(extra=extra)}")
