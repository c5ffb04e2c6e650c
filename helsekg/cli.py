"""The ``helsekg`` command line: a thin click layer over :mod:`helsekg.api`.

Exit codes: 0 ok; 1 validation violations or input problems (reported); 2 usage or internal error, or a
Dask cluster (--scheduler) that cannot be used.
Heavy imports (spaCy, pySHACL) happen inside the commands, so ``helsekg --help`` is instant.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

import click

from helsekg import __version__

OK, PROBLEMS, ERROR = 0, 1, 2
#: Exit code after Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130
INTERRUPTED_MESSAGE = "helsekg: interrupted (Ctrl-C); output files are left as they were"


class Group(click.Group):
    """Maps unexpected exceptions to exit code 2 with a one-line message instead of a traceback.

    Ctrl-C exits 130 with one line (outputs are written atomically, so no partial file is left); a
    helsekg error (a coded one, such as E401 for an output that cannot be written) exits 2 with its
    message; a file named on the command line that cannot be opened is a usage error (exit 2).
    """

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        from helsekg.errors import HelsekgError

        previous = _catch_sigint()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo(INTERRUPTED_MESSAGE, err=True)
            ctx.exit(INTERRUPTED)
        except HelsekgError as err:
            click.echo(f"helsekg: error: {err}", err=True)
            ctx.exit(ERROR)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError) as err:
            raise click.UsageError(f"{err.filename or ''}: {err.strerror or err}".lstrip(": ")) from None
        except Exception as err:  # noqa: BLE001 - the CLI boundary
            click.echo(f"helsekg: internal error: {err.__class__.__name__}: {err}", err=True)
            ctx.exit(ERROR)
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
                _SIGINT.clear()


#: Set by Ctrl-C. Python can swallow the KeyboardInterrupt a signal raises (inside an import lock's
#: callback, a __del__), so long loops also check this flag (:func:`interruptible`).
_SIGINT = threading.Event()


def _on_sigint(signum, frame) -> None:  # noqa: ANN001
    _SIGINT.set()
    raise KeyboardInterrupt


def _catch_sigint():
    """Install the Ctrl-C handler (main thread only); returns the previous handler, or None."""
    if threading.current_thread() is not threading.main_thread():
        return None
    _SIGINT.clear()
    return signal.signal(signal.SIGINT, _on_sigint)


def interruptible(items):
    """``items``, stopping with KeyboardInterrupt as soon as Ctrl-C was pressed, even if it was swallowed."""
    for item in items:
        if _SIGINT.is_set():
            raise KeyboardInterrupt
        yield item
    if _SIGINT.is_set():
        raise KeyboardInterrupt


def format_option(default: str):
    return click.option("--format", "-f", "fmt", default=default, show_default=True,
                        help="Output format.")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="helsekg")
def main() -> None:
    """Turn Norwegian health- and care-policy documents into an RDF knowledge graph."""


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Graph file to write (one graph for all inputs), written atomically; "
                   "required unless --store is given.")
@click.option("--format", "-f", "fmt", type=click.Choice(["turtle", "ttl", "nt", "ntriples", "jsonld", "nquads"]),
              default=None, help="RDF format; by default from the output suffix (.ttl, .nt, .jsonld, .nq).")
@click.option("--model", default="default", show_default=True,
              help="spaCy pipeline: 'default' (shipped model), 'blank', or a path.")
@click.option("--validate/--no-validate", "check", default=True, show_default=True,
              help="Validate each document's graph with the SHACL shapes and the anchor check.")
@click.option("--summary", is_flag=True, help="Print a summary of what was found.")
@click.option("--max-bytes", type=int, default=None, help="Reject files larger than this (default 5 MB).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each loads the pipeline once); documents stream through them.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="On-disk Oxigraph store (one named graph per document): only new or changed documents are "
                   "extracted, deleted ones removed; -o then exports the store.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run the extraction on the Dask cluster of this scheduler (tcp://HOST:PORT) instead of local "
                   "processes; needs helsekg[dask] here and on the workers.")
@click.option("--language", type=click.Choice(["nb", "nn"]), default=None,
              help="The written standard of every input (Bokmål or Nynorsk): skips language detection, and "
                   "with it the refusal of texts that look Danish, Swedish or English.")
def extract_cmd(paths: tuple[Path, ...], output: Path | None, fmt: str | None, model: str, check: bool,
                summary: bool, max_bytes: int | None, jobs: int, store: Path | None, scheduler: str | None,
                language: str | None) -> None:
    """Extract PATHS (files or folders: .txt, .html, .pdf, .docx) into one validated graph (or sync them
    into --store).

    Every input that cannot be read, and every file in a folder of a type helsekg does not read, is
    named with the reason; the exit code is then 1, as it is when no document was extracted.
    """
    if output is None and store is None:
        raise click.UsageError("give -o FILE, --store DIR, or both")
    if scheduler is not None and jobs > 1:
        raise click.UsageError("give --jobs or --scheduler, not both: with --scheduler the cluster's workers run")
    if store is not None:
        _extract_to_store(paths, store, output, fmt, model, check, summary, max_bytes, jobs, scheduler, language)
        return
    from helsekg.scale.batch import collect_to_file, count_files, extract_stream, progress_bar

    ignored: list = []
    stream = extract_stream(paths, jobs=jobs, model=model, check=check, max_bytes=max_bytes, scheduler=scheduler,
                            language=language, on_ignored=ignored.append)
    with _cluster_errors():  # written through an on-disk store and sort: memory flat in the corpus (issue 18)
        result = collect_to_file(interruptible(progress_bar(stream, total=count_files(paths), disable=None)),
                                 output, format=fmt, check=check)
    result.ignored = ignored
    click.echo(f"Wrote {result.triples} triples from {len(result.documents)} document(s) to {output}", err=True)
    if summary:
        from helsekg.query.summary import summarize

        click.echo(summarize(result.graph))
    if check:
        click.echo(result.report.text(), err=True)
    _echo_ignored(result.ignored)
    _echo_failures(result.failures)
    if not result.documents:
        _echo_nothing(paths)
    sys.exit(OK if result.ok else PROBLEMS)


def _echo_failures(failures) -> None:
    if failures:
        click.echo(f"{len(failures)} input(s) failed:", err=True)
        for failure in failures:
            click.echo(f"  {failure}", err=True)


def _echo_ignored(ignored) -> None:
    if ignored:
        click.echo(f"{len(ignored)} file(s) left out by design:", err=True)
        for item in ignored:
            click.echo(f"  {item}", err=True)


def _echo_nothing(paths) -> None:
    click.echo(f"No document was extracted from {', '.join(str(p) for p in paths)}: nothing helsekg reads "
               "(.txt, .html, .pdf, .docx) was found, or every file failed.", err=True)


class ClusterError(click.ClickException):
    """The Dask cluster is missing or out of reach: not an input problem, so exit 2."""

    exit_code = ERROR


@contextlib.contextmanager
def _cluster_errors():
    """Turn helsekg's Dask errors (E101-E103) into a one-line message and exit 2."""
    from helsekg.errors import DistributedError

    try:
        yield
    except DistributedError as err:
        raise ClusterError(str(err)) from None


def _extract_to_store(paths, store: Path, output: Path | None, fmt: str | None, model: str, check: bool,
                      summary: bool, max_bytes: int | None, jobs: int, scheduler: str | None,
                      language: str | None) -> None:
    from helsekg.scale.batch import progress_bar
    from helsekg.scale.store import GraphStore

    with GraphStore(store) as graphs, _cluster_errors():
        report = graphs.sync(paths, jobs=jobs, model=model, check=check, max_bytes=max_bytes, scheduler=scheduler,
                             language=language,
                             progress=lambda stream, total: interruptible(progress_bar(stream, total=total,
                                                                                     disable=None)))
        click.echo(f"{store}: {report.text()}", err=True)
        if output is not None:
            graphs.export(output, fmt)
            click.echo(f"Exported {graphs.count_triples()} triples to {output}", err=True)
        if summary:
            from helsekg.query.summary import summarize

            click.echo(summarize(graphs.store))  # type: ignore[arg-type]
    if check:
        click.echo(report.report.text(), err=True)
    _echo_ignored(report.ignored)
    _echo_failures(report.failures)
    if not (report.added or report.changed or report.unchanged):
        _echo_nothing(paths)
    sys.exit(OK if report.ok else PROBLEMS)


@main.command("validate")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Shapes graph (helsekg's own by default).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (same as --format json).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "ttl"]), default="text", show_default=True,
              help="text; json; ttl: a SHACL sh:ValidationReport in Turtle (anchor-check results with "
                   "sh:sourceConstraintComponent hkg:AnchorTextConstraint).")
@click.option("--engine", type=click.Choice(["pyshacl", "oxigraph"]), default="pyshacl", show_default=True,
              help="SHACL engine: pySHACL (the reference) or the shapes compiled to SPARQL (same verdict, faster).")
def validate_cmd(graph: Path, shapes: Path | None, as_json: bool, fmt: str, engine: str) -> None:
    """Validate GRAPH: exit 0 conforms, 1 violations, 2 error.

    Anchors are checked against each document's source file when it is still there unchanged.
    """
    from helsekg.graph.io import read_graph
    from helsekg.validate.core import load_shapes, validate

    try:
        data = read_graph(graph)
    except (SyntaxError, ValueError, OSError) as err:
        raise click.UsageError(f"{graph}: cannot parse the graph: {err}") from None
    report = validate(data, shapes=load_shapes(shapes) if shapes else None, read_sources=True, engine=engine)
    fmt = "json" if as_json else fmt
    click.echo({"text": report.text, "json": report.to_json, "ttl": report.to_turtle}[fmt]().rstrip("\n"))
    sys.exit(OK if report.conforms else PROBLEMS)


@main.command("query")
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("--name", "-n", help="Run a named query shipped with helsekg (see --list).")
@click.option("--list", "list_names", is_flag=True, help="List the named queries.")
@click.option("--endpoint", "-e", metavar="URL", default=None,
              help="Query this SPARQL 1.1 endpoint (helsekg serve, Fuseki, GraphDB, ...) instead of GRAPH.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "srj", "ttl"]),
              default="table", show_default=True,
              help="table; csv (helsekg's: prefixed IRIs); tsv (W3C SPARQL TSV); json (helsekg's: columns and "
                   "rows of strings); srj (W3C SPARQL 1.1 Results JSON); ttl (Turtle, for CONSTRUCT/DESCRIBE).")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="Return at most this many rows (replaces the query's own LIMIT; the *-top queries are made for it).")
@click.option("--offset", type=click.IntRange(min=0), default=None, help="Skip this many rows first (paging).")
def query_cmd(graph: Path | None, sparql: str | None, name: str | None, list_names: bool, endpoint: str | None,
              fmt: str, limit: int | None, offset: int | None) -> None:
    """Run SPARQL against GRAPH (a file or a --store folder) or --endpoint URL.

    The query is a string, @file.rq, or --name NAME. The prefixes hkg:, id:, schema:, dcterms:,
    prov:, org:, skos: and foaf: are predeclared.
    """
    from helsekg.query.sparql import named_queries, named_query, query

    if list_names:
        for qname, path in named_queries().items():
            first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
            click.echo(f"{qname:<32} {first}")
        return
    if endpoint is not None and graph is not None and sparql is None:
        graph, sparql = None, str(graph)  # with --endpoint, the one argument is the query
    if endpoint is None and graph is None:
        raise click.UsageError("give GRAPH or --endpoint URL")
    if endpoint is None and not graph.exists():
        raise click.UsageError(f"Path '{graph}' does not exist.")
    if bool(sparql) == bool(name):
        raise click.UsageError("give either a SPARQL query or --name NAME")
    if name:
        try:
            text = named_query(name)
        except KeyError as err:
            raise click.UsageError(str(err.args[0])) from None
    elif sparql.startswith("@"):
        text = Path(sparql[1:]).read_text(encoding="utf-8")
    else:
        text = sparql
    if limit is not None or offset is not None:
        from helsekg.query.sparql import paged

        text = paged(text, limit=limit, offset=offset)
    try:
        if endpoint is not None:
            from urllib.error import HTTPError, URLError

            from helsekg.query.server import query_endpoint

            try:
                result = query_endpoint(endpoint, text)
            except HTTPError as err:
                raise click.UsageError(f"{endpoint}: {err.code} {err.read().decode('utf-8', 'replace').strip()}") from None
            except (URLError, OSError) as err:
                raise click.ClickException(f"{endpoint}: cannot query the endpoint: {err}") from None
        elif graph.is_dir():
            from helsekg.scale.store import GraphStore

            store = GraphStore(graph, read_only=True)
            result = query(store.store, text)
        else:
            result = query(graph, text)
    except SyntaxError as err:
        raise click.UsageError(f"invalid SPARQL: {err}") from None
    if fmt == "ttl" and result.triples is None:
        raise click.UsageError("-f ttl is for CONSTRUCT and DESCRIBE queries; use srj, csv or tsv for a SELECT or ASK")
    output = {"table": result.to_table, "csv": result.to_csv, "tsv": result.to_sparql_tsv, "json": result.to_json,
              "srj": result.to_sparql_json, "ttl": result.to_turtle}[fmt]()
    click.echo(output.rstrip("\n"))


@main.command("serve")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the data to the network.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port (0: any free port).")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=30, show_default=True,
              help="Seconds a query may run (then 504).")
@click.option("--cors", metavar="ORIGIN", default=None,
              help="Let pages of this origin read answers (Access-Control-Allow-Origin); none by default.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Accept this Host header name too (besides the bound address and loopback names).")
@click.option("--verbose", "-v", is_flag=True, help="Log every request.")
def serve_cmd(source: Path, host: str, port: int, timeout: float, cors: str | None, allowed_hosts: tuple[str, ...],
              verbose: bool) -> None:
    """Serve SOURCE read-only with the Oxigraph server: a folder made by extract --store, or an RDF file.

    Queries: GET or POST http://127.0.0.1:PORT/query; the query UI: http://127.0.0.1:PORT/. SERVICE clauses,
    other Host headers, bodies over 1 MiB and cross-origin reads are refused. Stop with Ctrl-C.
    """
    from helsekg.query.server import serve

    def ready(endpoint) -> None:
        click.echo(f"SPARQL endpoint: {endpoint.url} (query UI: {endpoint.url[:-len('query')]})", err=True)

    try:
        serve(source, host=host, port=port, timeout=timeout, cors=cors, allowed_hosts=allowed_hosts,
              verbose=verbose, ready=ready)
    except (FileNotFoundError, ValueError, RuntimeError) as err:
        raise click.ClickException(str(err)) from None


@main.command("export")
@click.argument("store", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write atomically: .ttl, .nt, .jsonld (union of the graphs) or .nq (named graphs kept).")
@click.option("--format", "-f", "fmt", type=click.Choice(["turtle", "ttl", "nt", "ntriples", "jsonld", "nquads", "nq"]),
              default=None, help="RDF format; by default from the output suffix.")
def export_cmd(store: Path, output: Path, fmt: str | None) -> None:
    """Export STORE (a folder made by extract --store) to one RDF file."""
    from helsekg.scale.store import GraphStore

    graphs = GraphStore(store, read_only=True)
    graphs.export(output, fmt)
    click.echo(f"Exported {graphs.count_triples()} triples from {len(graphs.document_graphs())} document graph(s) "
               f"to {output}", err=True)


@main.group("store")
def store_group() -> None:
    """Check or repair an on-disk store (a folder made by extract --store)."""


@store_group.command("check")
@click.argument("store", type=click.Path(exists=True, file_okay=False, path_type=Path))
def store_check_cmd(store: Path) -> None:
    """Check that STORE's default graph is the union of its named graphs and every document graph is
    complete: exit 0 consistent, 1 mismatches found (fix them with helsekg store repair)."""
    from helsekg.scale.store import GraphStore

    with GraphStore(store, read_only=True) as graphs:
        found = graphs.check()
    click.echo(f"{store}: {found.text()}")
    sys.exit(OK if found.clean else PROBLEMS)


@store_group.command("repair")
@click.argument("store", type=click.Path(exists=True, file_okay=False, path_type=Path))
def store_repair_cmd(store: Path) -> None:
    """Repair STORE: make its default graph the union of the named graphs again and drop incomplete
    document graphs (the next extract --store extracts those documents again)."""
    from helsekg.scale.store import GraphStore

    with GraphStore(store) as graphs:
        found = graphs.repair()
        after = graphs.check()
    click.echo(f"{store}: found {found.text()}" if not found.clean else f"{store}: {found.text()}; nothing to repair")
    if not found.clean:
        click.echo(f"{store}: now {after.text()}")
    sys.exit(OK if after.clean else PROBLEMS)


@main.command("summary")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def summary_cmd(graph: Path) -> None:
    """Print what GRAPH holds: documents, actors, measures, amounts with totals."""
    from helsekg.graph.io import read_graph
    from helsekg.query.summary import summarize

    click.echo(summarize(read_graph(graph)))


@main.command("review")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (self-contained, written atomically).")
def review_cmd(graph: Path, output: Path) -> None:
    """Write a review page of GRAPH: each document's text with every fact highlighted, its relations and links.

    The texts are read again from each document's source file (when it is unchanged); open the page in a browser.
    """
    from helsekg.graph.io import atomic_write, read_graph
    from helsekg.query.review import render_review

    try:
        data = read_graph(graph)
    except (SyntaxError, ValueError, OSError) as err:
        raise click.UsageError(f"{graph}: cannot parse the graph: {err}") from None
    atomic_write(output, render_review(data, title=f"helsekg review: {graph.name}").encode("utf-8"))
    click.echo(f"Wrote the review page of {graph} to {output}", err=True)


@main.command("evaluate")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Score this extracted graph instead of running the pipeline on the gold documents.")
@click.option("--model", default="default", show_default=True,
              help="spaCy pipeline when extracting: 'default' (shipped model), 'blank', or a path.")
@click.option("--floors", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="F1 floors per fact type (default: GOLD_DIR/floors.json when it exists).")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed and every spurious fact.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate_cmd(gold_dir: Path, paths: tuple[Path, ...], graph_file: Path | None, model: str, floors: Path | None,
                 show_errors: bool, as_json: bool) -> None:
    """Score extraction against the gold in GOLD_DIR: precision, recall and F1 per fact type.

    PATHS (files or folders) limit the evaluation to the gold documents of those text files.
    Exit 0 ok, 1 when an F1 is below its floor or a gold document is missing from the graph, 2 usage.
    """
    from helsekg.evaluation.scoring import GoldError, evaluate, load_floors, load_gold

    try:
        documents = load_gold(gold_dir)
        floor_file = floors or (gold_dir / "floors.json")
        limits = load_floors(floor_file) if floors or floor_file.exists() else {}
    except GoldError as err:
        raise click.UsageError(str(err)) from None
    if paths:
        wanted = [p.resolve() for p in paths]
        documents = [d for d in documents if any(d.path == w or w in d.path.parents for w in wanted)]
        if not documents:
            raise click.UsageError("none of PATHS is a document annotated in GOLD_DIR")
    nlp = None
    if graph_file is None:
        from helsekg.nlp.pipeline import load

        nlp = load(None if model == "blank" else model)
    report = evaluate(gold_dir, graph_file, nlp=nlp, documents=documents)
    below = report.below(limits) if limits and not paths else []
    if as_json:
        data = report.to_dict()
        data["below_floors"] = below
        import json

        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(report.table(errors=show_errors))
        if below:
            click.echo("\nBelow the floors in " + str(floors or gold_dir / "floors.json") + ":", err=True)
            for line in below:
                click.echo(f"  {line}", err=True)
    sys.exit(PROBLEMS if below or report.problems else OK)


@main.command("evaluate-links")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default="gold/links",
                required=False)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Score the links of this extracted graph instead of extracting PATHS.")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None, help="Only this split (default: both).")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="The link score a pair needs to count as linked.")
@click.option("--model", default="default", show_default=True,
              help="spaCy pipeline when extracting: 'default' (shipped model), 'blank', or a path.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_links_cmd(gold_dir: Path, paths: tuple[Path, ...], graph_file: Path | None, split: str | None,
                       threshold: float, model: str, as_json: bool) -> None:
    """Score the measure -> recommendation links against the link gold in GOLD_DIR (default gold/links).

    PATHS are the documents the gold was judged on (default: corpus/ and GOLD_DIR/texts/); they are extracted
    together and every pair is re-scored with the linker. Prints precision and recall of strong links
    (judged "addresses") per recommendation, the lenient figures ("partly" counts too) and a precision-recall
    curve over thresholds. Exit 0 ok, 2 usage (no or invalid gold).
    """
    from helsekg.evaluation.links import evaluate_links, load_link_gold
    from helsekg.evaluation.scoring import GoldError

    try:
        gold = load_link_gold(gold_dir)
    except GoldError as err:
        raise click.UsageError(str(err)) from None
    if graph_file is not None:
        from helsekg.graph.io import read_graph

        graph = read_graph(graph_file)
    else:
        from helsekg.api import extract_paths
        from helsekg.nlp.pipeline import load

        inputs = list(paths) or [p for p in (Path("corpus"), gold_dir / "texts") if p.is_dir()]
        result = extract_paths(inputs, nlp=load(None if model == "blank" else model), check=False,
                               link_threshold=None)
        graph = result.graph
    evaluation = evaluate_links(graph, gold, split=split, threshold=threshold, rescore=graph_file is None or None)

    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    if as_json:
        import json

        def score(s):
            return {"tp": s.true_positives, "fp": s.false_positives, "fn": s.false_negatives,
                    "precision": s.precision, "recall": s.recall, "f1": s.f1}

        click.echo(json.dumps({
            "split": split, "threshold": threshold, "source": evaluation.source,
            "strict": score(evaluation.strict), "lenient": score(evaluation.lenient),
            "curve": [{"threshold": t, "strict": score(a), "lenient": score(b)} for t, a, b in evaluation.curve],
            "per_recommendation": [{"label": r.label, "split": r.split, "gold": sorted(r.gold),
                                    "predicted": sorted(r.predicted), **score(r.score)}
                                   for r in evaluation.per_recommendation],
        }, ensure_ascii=False, indent=2))
        sys.exit(OK)
    click.echo(evaluation.table())
    s, le = evaluation.strict, evaluation.lenient
    click.echo(f"\nstrong links (addresses): P {fmt(s.precision)}  R {fmt(s.recall)}  F1 {fmt(s.f1)}"
               f"   lenient (partly too): P {fmt(le.precision)}  R {fmt(le.recall)}  F1 {fmt(le.f1)}")
    click.echo("\nthreshold   P strict  R strict   P lenient R lenient")
    for t, a, b in evaluation.curve:
        click.echo(f"{t:9.2f}   {fmt(a.precision):>8}  {fmt(a.recall):>8}   {fmt(b.precision):>9} {fmt(b.recall):>9}")
    sys.exit(OK)


@main.command("network")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="GraphML file to write (opens in Gephi), written atomically.")
@click.option("--documents", is_flag=True, help="Include the documents and hkg:mentionedIn edges.")
@click.option("--no-co-mentions", "co_mentions", flag_value=False, default=True,
              help="Leave out the actor co-mention edges (typed relations only).")
@click.option("--centrality", is_flag=True, help="Print the actors ranked by centrality.")
@click.option("--method", type=click.Choice(["degree", "betweenness", "pagerank"]), default="degree",
              show_default=True, help="Centrality measure for --centrality.")
@click.option("--top", type=int, default=10, show_default=True, help="How many actors --centrality prints.")
def network_cmd(graph: Path, output: Path, documents: bool, co_mentions: bool, centrality: bool, method: str,
                top: int) -> None:
    """Export GRAPH's network of actors, measures, programmes and recommendations as GraphML."""
    from helsekg.query.network import actor_centrality, to_networkx, write_graphml

    try:
        view = to_networkx(graph, include_documents=documents, co_mentions=co_mentions)
    except (SyntaxError, ValueError, OSError) as err:
        raise click.UsageError(f"{graph}: cannot read the graph: {err}") from None
    write_graphml(view, output)
    click.echo(f"Wrote {view.number_of_nodes()} nodes and {view.number_of_edges()} edges to {output}", err=True)
    if centrality:
        ranked = actor_centrality(view, method=method)[:top]
        width = max((len(label) for label, _ in ranked), default=5)
        click.echo(f"{'actor':<{width}}  {method} centrality")
        for label, score in ranked:
            click.echo(f"{label:<{width}}  {score:.4f}")


def run(prog_name: str | None = None) -> None:
    """The console entry point (``helsekg``, ``python -m helsekg``): :func:`main`, and after Ctrl-C a hard exit 130.

    :class:`Group` turns Ctrl-C into exit code 130 after one line. A process also ends there at once
    (``os._exit`` after flushing), so a KeyboardInterrupt that Python delivers late, while it tears the
    interpreter down, cannot turn 130 into death by SIGINT. Library code and ``CliRunner`` use ``main``.
    """
    try:
        main(prog_name=prog_name)
        return
    except SystemExit as done:
        if done.code != INTERRUPTED:
            raise
    except KeyboardInterrupt:
        click.echo(INTERRUPTED_MESSAGE, err=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(INTERRUPTED)


if __name__ == "__main__":  # pragma: no cover
    run()
