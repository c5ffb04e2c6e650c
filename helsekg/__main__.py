"""``python -m helsekg``: the same command line as ``helsekg``."""

from helsekg.cli import main

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="helsekg")
