"""``python -m helsekg``: the same command line as ``helsekg``."""

from helsekg.cli import run

if __name__ == "__main__":  # pragma: no cover
    run(prog_name="helsekg")
