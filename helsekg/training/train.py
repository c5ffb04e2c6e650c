"""Train (or resume training) the helsekg Norwegian pipeline with spaCy's training loop.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        python -m helsekg.training.train --corpus training/corpus --output training/output [--resume]

Fresh runs use ``config.cfg`` next to this file. ``--resume`` sources every component from
``OUTPUT/model-last`` (weights, labels, edit trees, vocab) and continues with the same constant
learning rate; before it starts, the old ``model-last``/``model-best`` are moved to
``OUTPUT/history/<time>/`` so a resumed run can never overwrite the only good checkpoint.
spaCy writes ``model-last`` at every evaluation (every ``eval_frequency`` steps) and ``model-best``
when the dev score improves, so the job can be stopped at any time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

CONFIG_PATH = Path(__file__).with_name("config.cfg")
LOGGER_NAME = "helsekg.TimedConsoleLogger.v1"


def _register_logger() -> None:
    """Register a console logger that adds wall-clock time and steps/minute to spaCy's table."""
    from spacy.util import registry

    if LOGGER_NAME in registry.loggers:
        return

    @registry.loggers(LOGGER_NAME)
    def timed_console_logger(progress_bar: str | None = None):
        console = registry.loggers.get("spacy.ConsoleLogger.v3")(progress_bar=progress_bar)

        def setup(nlp, stdout=sys.stdout, stderr=sys.stderr):
            log_step, finalize = console(nlp, stdout, stderr)
            start = time.monotonic()

            def timed_log_step(info):
                log_step(info)
                if info is not None:
                    minutes = (time.monotonic() - start) / 60
                    stdout.write(
                        f"[{time.strftime('%Y-%m-%d %H:%M:%S')}] step {info['step']} epoch {info['epoch']} "
                        f"words {info['words']} elapsed {minutes:.1f} min "
                        f"steps/min {info['step'] / max(minutes, 1e-9):.1f} score {info['score']:.4f}\n"
                    )
                    stdout.flush()

            return timed_log_step, finalize

        return setup


def build_config(corpus: Path, output: Path, *, resume: bool, max_steps: int | None = None,
                 eval_frequency: int | None = None, overrides: dict | None = None,
                 config_path: Path = CONFIG_PATH):
    """The training config: ``config.cfg`` with corpus paths and, for ``--resume``, sourced components.

    ``overrides`` are extra dotted config settings (``{"components.parser.min_action_freq": 1}``);
    settings of components are ignored on resume, where components come whole from ``model-last``.

    Returns ``(config, source_dir_or_None)``.
    """
    from spacy import util

    overrides = {
        **(overrides or {}),
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "training.logger": {"@loggers": LOGGER_NAME, "progress_bar": None},
    }
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    source = None
    if resume:
        last = output / "model-last"
        if not (last / "meta.json").exists():
            raise FileNotFoundError(f"E-TRAIN-1: nothing to resume: {last} has no meta.json; train without --resume first")
        history = output / "history" / time.strftime("%Y%m%d-%H%M%S")
        history.mkdir(parents=True)
        for name in ("model-last", "model-best"):
            if (output / name).exists():
                shutil.move(str(output / name), str(history / name))
        source = history / "model-last"
        for name in config["nlp"]["pipeline"]:
            config["components"][name] = {"source": str(source)}
    return config, source


def restore_lemmatizer_labels(nlp) -> None:
    """Rebuild the tree -> label map of sourced edit-tree lemmatizers.

    spaCy 3.8's ``EditTreeLemmatizer.from_disk`` restores ``cfg["labels"]`` and the trees but not
    ``tree2label``, so a sourced lemmatizer maps every gold tree to label 0 and unlearns (measured
    here: lemma accuracy 92.6 -> 54.9 within 250 resumed steps). Rebuilding the map fixes resuming.
    """
    for _, component in nlp.pipeline:
        labels = getattr(component, "cfg", {}).get("labels")
        if hasattr(component, "tree2label") and labels and not component.tree2label:
            component.tree2label = {tree_id: label for label, tree_id in enumerate(labels)}


def train(corpus: Path, output: Path, *, resume: bool = False, max_steps: int | None = None,
          eval_frequency: int | None = None, overrides: dict | None = None,
          config_path: Path = CONFIG_PATH) -> Path:
    """Run spaCy training; returns the output folder holding ``model-last`` and ``model-best``."""
    from helsekg.nlp.fastops import use_numpy_gemm

    use_numpy_gemm()
    _register_logger()

    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from thinc.api import fix_random_seed

    config, source = build_config(corpus, output, resume=resume, max_steps=max_steps,
                                  eval_frequency=eval_frequency, overrides=overrides, config_path=config_path)
    fix_random_seed(config["system"]["seed"])
    output.mkdir(parents=True, exist_ok=True)
    print(f"helsekg.training: corpus {corpus}, output {output}, "
          f"{'resuming from ' + str(source) if source else 'fresh start'}, numpy gemm on", flush=True)
    nlp = init_nlp(config, use_gpu=-1)
    if source is not None:
        restore_lemmatizer_labels(nlp)
    train_loop(nlp, output, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)
    return output


def main(argv: Sequence[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("training/corpus"), help="folder with train.spacy/dev.spacy")
    ap.add_argument("--output", type=Path, default=Path("training/output"), help="checkpoint folder")
    ap.add_argument("--resume", action="store_true", help="continue from OUTPUT/model-last")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--eval-frequency", type=int, default=None, help="override training.eval_frequency")
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. training.optimizer.learn_rate=0.0003 (value parsed as JSON)")
    ap.add_argument("--config", type=Path, default=CONFIG_PATH,
                    help="training config (config.cfg: the base pipeline; config_ner.cfg: the NER model)")
    args = ap.parse_args(argv)
    overrides = {}
    for item in args.overrides:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    train(args.corpus, args.output, resume=args.resume, max_steps=args.max_steps,
          eval_frequency=args.eval_frequency, overrides=overrides, config_path=args.config)


if __name__ == "__main__":
    main()
