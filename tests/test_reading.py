"""Reading the documents researchers hold: HTML, PDF and DOCX built at test time from the corpus documents.

Each corpus document (a real press release or advisory-council text) is rendered as a web page, a PDF and a
Word file; helsekg must read each to the same facts as the plain text, keep the page of every mention of a
PDF and the heading it stands under, and never let a page's navigation, scripts or <meta> numbers become
facts. Inputs that cannot be read (Danish text, a FIFO, a spreadsheet in a folder, an empty folder) are
named with the reason and give exit code 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import files
from helsekg.api import extract_paths
from helsekg.cli import main
from helsekg.errors import InputError
from helsekg.query import query
from helsekg.text import FileFormat, iter_paths, read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
RECRUITMENT = next(p for p in CORPUS if "rekrutterings" in p.name)
COUNCIL = next(p for p in CORPUS if "helseomsorg21" in p.name)

BUILDERS = {".html": files.html_page, ".pdf": files.pdf_file, ".docx": files.docx_file}


def render(tmp_path: Path, source: Path, suffix: str, name: str | None = None) -> Path:
    path = tmp_path / ((name or source.stem) + suffix)
    path.write_bytes(BUILDERS[suffix](source.read_text(encoding="utf-8")))
    return path


def facts(graph) -> dict[str, list]:
    amounts = query(graph, "SELECT ?v WHERE { ?a a hkg:MonetaryAmount ; schema:value ?v }").rows
    measures = query(graph, "SELECT DISTINCT ?m WHERE { ?m a hkg:Measure }").rows
    actors = query(graph, "SELECT DISTINCT ?a WHERE { ?a a hkg:Actor }").rows
    recommendations = query(graph, "SELECT ?r WHERE { ?r a hkg:Recommendation }").rows
    return {
        "amounts": sorted(Decimal(row[0]) for row in amounts),
        "measures": sorted(row[0] for row in measures),
        "actors": sorted(row[0] for row in actors),
        "recommendations": len(recommendations),
    }


@pytest.fixture(scope="module")
def text_facts(nlp):
    return {path: facts(extract_paths([path], nlp=nlp, link_threshold=None).graph) for path in (RECRUITMENT, COUNCIL)}


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".docx"])
@pytest.mark.parametrize("source", [RECRUITMENT, COUNCIL], ids=["press-release", "council-input"])
def test_reading_formats_give_the_facts_of_the_plain_text(tmp_path, nlp, text_facts, source, suffix):
    path = render(tmp_path, source, suffix)
    result = extract_paths([path], nlp=nlp, link_threshold=None)
    assert result.ok, [str(f) for f in result.failures] + [str(v) for v in result.report.violations]
    found, expected = facts(result.graph), text_facts[source]
    assert found["amounts"] == expected["amounts"]
    assert found["actors"] == expected["actors"]
    assert found["recommendations"] == expected["recommendations"]
    # a measure label may differ where a PDF line or an HTML block ends differently; most must agree
    shared = set(found["measures"]) & set(expected["measures"])
    assert len(shared) >= 0.8 * len(expected["measures"]), (found["measures"], expected["measures"])


def hard_wrapped(text: str, width: int = 72) -> str:
    """``text`` as an e-mail or a transcript writes it: every paragraph wrapped at ``width`` columns."""
    import textwrap

    return "\n".join(textwrap.fill(line, width) if line.strip() else line for line in text.split("\n"))


@pytest.mark.parametrize("source", [RECRUITMENT, COUNCIL], ids=["press-release", "council-input"])
def test_reading_a_hard_wrapped_text_gives_the_facts_of_the_plain_text(tmp_path, nlp, text_facts, source):
    """Fortieth session: a plain text wrapped at a fixed width is read as its paragraphs (the wrap's line breaks
    become spaces, so the text keeps its length and every offset its character)."""
    original = source.read_text(encoding="utf-8")
    wrapped = hard_wrapped(original)
    assert max(len(line) for line in wrapped.split("\n")) <= 72 and wrapped.count("\n") > 1.4 * original.count("\n")
    path = tmp_path / ("brev-" + source.name)
    path.write_text(wrapped, encoding="utf-8")
    document = read_document(path)
    # the paragraphs come back: at most a stray break stays where the original had a space
    assert len(document.text) == len(wrapped) and sum(a != b for a, b in zip(document.text, original)) <= 2
    result = extract_paths([path], nlp=nlp, link_threshold=None)
    assert result.ok, [str(f) for f in result.failures] + [str(v) for v in result.report.violations]
    found, expected = facts(result.graph), text_facts[source]
    assert found["amounts"] == expected["amounts"]
    assert found["recommendations"] == expected["recommendations"]
    shared = set(found["measures"]) & set(expected["measures"])
    assert len(shared) >= 0.8 * len(expected["measures"]), (found["measures"], expected["measures"])


@pytest.mark.parametrize("suffix, media_type", [(".html", "text/html"), (".pdf", "application/pdf"),
                                                (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
def test_reading_document_records_its_format_and_title(tmp_path, suffix, media_type, nlp):
    path = render(tmp_path, RECRUITMENT, suffix)
    document = read_document(path)
    assert document.metadata.format == suffix[1:]
    assert document.metadata.title == "Nytt rekrutterings- og samhandlingstilskudd for helsetjenesten"
    graph = extract_paths([path], nlp=nlp, link_threshold=None).graph
    assert query(graph, "SELECT ?f WHERE { ?d a hkg:PolicyDocument ; dcterms:format ?f }").rows == ((media_type,),)


def test_reading_html_keeps_navigation_scripts_and_meta_out(tmp_path, nlp):
    path = render(tmp_path, RECRUITMENT, ".html")
    document = read_document(path)
    for noise in ("777", "888", "9999999", "666", "555", "informasjonskapsler", "Aktuelt", "Org.nr"):
        assert noise not in document.text
    assert "280 millioner kroner" in document.text
    graph = extract_paths([path], nlp=nlp, link_threshold=None).graph
    values = [Decimal(row[0]) for row in query(graph, "SELECT ?v WHERE { ?a a hkg:MonetaryAmount ; schema:value ?v }").rows]
    assert values == [Decimal(280_000_000)]


def test_reading_html_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "side-lagret-som.txt"
    path.write_bytes(files.html_page(RECRUITMENT.read_text(encoding="utf-8")))
    document = read_document(path)
    assert document.metadata.format is FileFormat.HTML
    assert "<script>" not in document.text and "9999999" not in document.text


def test_reading_pdf_mentions_know_their_page_and_heading(tmp_path, nlp):
    path = render(tmp_path, COUNCIL, ".pdf")
    document = read_document(path)
    assert len(document.page_starts) >= 2
    result = extract_paths([path], nlp=nlp, link_threshold=None)
    rows = query(result.graph, """
        SELECT ?start ?page ?heading WHERE {
            ?m a hkg:Mention ; hkg:startOffset ?start ; hkg:page ?page . OPTIONAL { ?m hkg:heading ?heading } }
    """).rows
    mentions = query(result.graph, "SELECT (COUNT(?m) AS ?n) WHERE { ?m a hkg:Mention }").rows[0][0]
    assert len(rows) == int(mentions) > 0, "every mention of a PDF has a page"
    for start, page, heading in rows:
        assert int(page) == document.page_at(int(start))
        expected = document.heading_at(int(start))
        assert heading == (" ".join(expected.text.split()) if expected else None)
    assert {int(page) for _, page, _ in rows} >= {1, 2}


def test_reading_plain_text_mentions_know_their_heading(nlp):
    result = extract_paths([COUNCIL], nlp=nlp, link_threshold=None)
    headings = {row[0] for row in query(result.graph, "SELECT DISTINCT ?h WHERE { ?m hkg:heading ?h }").rows}
    assert "Rekruttering, utdanning og kompetanse" in headings
    assert not query(result.graph, "SELECT ?m WHERE { ?m hkg:page ?p }").rows


def test_reading_validate_rereads_a_pdf_to_check_every_anchor(tmp_path):
    path = render(tmp_path, RECRUITMENT, ".pdf")
    output = tmp_path / "out.ttl"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(path), "-o", str(output)]).exit_code == 0
    result = runner.invoke(main, ["validate", str(output)])
    assert result.exit_code == 0, result.output
    assert "anchors checked against the text" in result.output
    assert "0 anchors" not in result.output
    assert "warning" not in result.output


def test_reading_docx_headings_come_from_styles(tmp_path):
    document = read_document(render(tmp_path, COUNCIL, ".docx"))
    headings = [h.text for h in document.headings]
    assert "Rekruttering, utdanning og kompetanse" in headings
    for heading in document.headings:
        assert document.text[heading.start:heading.end] == heading.text


DANISH = (
    "Regeringen vil give kommunerne 50 millioner kroner mere til hjemmeplejen næste år. Pengene skal bruges "
    "til flere sygeplejersker og til at uddanne de ansatte, siger sundhedsministeren. Kommunerne har længe "
    "efterspurgt en ordning, der gør det lettere at fastholde medarbejderne i ældreplejen, og det er en god "
    "nyhed for både borgerne og personalet."
)
SWEDISH = (
    "Regeringen vill ge kommunerna 50 miljoner kronor mer till hemtjänsten nästa år. Pengarna ska användas "
    "till fler sjuksköterskor och till att utbilda de anställda, säger socialministern. Kommunerna har länge "
    "efterfrågat en ordning som gör det lättare att behålla personalen i äldreomsorgen."
)


@pytest.mark.parametrize("text, language", [(DANISH, "Danish"), (SWEDISH, "Swedish")])
def test_reading_refuses_danish_and_swedish_naming_the_file(tmp_path, text, language):
    path = tmp_path / "notat.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code == "E008" and str(caught.value).startswith(f"{path}: ")
    assert f"looks like {language}" in str(caught.value)
    assert read_document(path, language="nb").metadata.language == "nb"  # the user's word overrides


def test_reading_cli_language_option_overrides_detection(tmp_path):
    path = tmp_path / "notat.txt"
    path.write_text(DANISH, encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, ["extract", str(path), "-o", str(tmp_path / "a.ttl"), "--model", "blank"])
    assert refused.exit_code == 1 and "looks like Danish" in refused.output
    forced = runner.invoke(main, ["extract", str(path), "-o", str(tmp_path / "b.ttl"), "--model", "blank",
                                  "--language", "nb"])
    assert forced.exit_code == 0, forced.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_reading_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        read_document(fifo)
    assert caught.value.code == "E012" and "a FIFO" in str(caught.value)
    # the CLI in a separate process, so a blocking open would show as a timeout instead of hanging the suite
    (tmp_path / "ok.txt").write_text(RECRUITMENT.read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "helsekg.cli", "extract", str(tmp_path), "-o",
                           str(tmp_path / "out.ttl"), "--model", "blank"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert f"{fifo}: is a FIFO, not a regular file (E012)" in done.stderr
    assert "from 1 document(s)" in done.stderr


def test_reading_folder_names_every_file_it_does_not_read(tmp_path):
    (tmp_path / "notat.txt").write_text(RECRUITMENT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "tabell.xlsx").write_bytes(b"PK\x03\x04 regneark")
    (tmp_path / "README.md").write_text("Om mappen", encoding="utf-8")
    (tmp_path / ".skjult.txt").write_text("skjult", encoding="utf-8")
    skipped = []
    found = list(iter_paths([tmp_path], on_skip=skipped.append))
    assert [p.name for p in found] == ["notat.txt"]
    reasons = {Path(s.path).name: (s.reason, s.expected) for s in skipped}
    assert reasons[".skjult.txt"] == ("a hidden file", True)
    assert reasons["README.md"][1] is True
    assert reasons["tabell.xlsx"][1] is False and "unsupported file type '.xlsx'" in reasons["tabell.xlsx"][0]

    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path / "out.ttl"), "--model", "blank"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'tabell.xlsx'}: unsupported file type '.xlsx'" in result.output
    assert "README.md: the folder's own documentation" in result.output


def test_reading_folder_of_documents_in_every_format(tmp_path):
    for suffix in BUILDERS:
        render(tmp_path, RECRUITMENT, suffix, name=f"tilskudd-{suffix[1:]}")
    (tmp_path / "tilskudd.txt").write_text(RECRUITMENT.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path / "out.ttl"), "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert "from 4 document(s)" in result.output


def test_reading_empty_folder_is_exit_1_not_a_silent_success(tmp_path):
    folder = tmp_path / "tom"
    folder.mkdir()
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(tmp_path / "out.ttl"), "--model", "blank"])
    assert result.exit_code == 1
    assert "No document was extracted" in result.output


@pytest.mark.parametrize("data, code", [(b"%PDF-1.7\n1 0 obj broken", "E010"), (b"PK\x03\x04" + bytes(64), "E005")])
def test_reading_broken_files_name_the_file_and_problem(tmp_path, data, code):
    path = tmp_path / ("rapport.pdf" if code == "E010" else "rapport.txt")
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code == code and str(caught.value).startswith(f"{path}: ")


@pytest.mark.slow
def test_reading_cli_extracts_a_text_over_a_million_characters(tmp_path):
    """Over spaCy's 1 000 000-character limit, through the CLI (about 17 s with the blank pipeline; 180 s before the
    extraction stopped asking spaCy for its annotations per sentence)."""
    paragraphs = [b.strip() for p in CORPUS for b in p.read_text(encoding="utf-8").split("\n\n") if len(b.strip()) > 80]
    blocks, size, number = ["Statsbudsjettet 2025: helse og omsorg"], 0, 0
    while size < 1_050_000:
        paragraph = paragraphs[number % len(paragraphs)].replace("280 millioner", f"{number % 900 + 2} millioner")
        blocks.append(paragraph)
        size += len(paragraph) + 2
        number += 1
    path = tmp_path / "lang.txt"
    path.write_text("\n\n".join(blocks), encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "out.ttl"), "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert "from 1 document(s)" in result.output and "Conforms" in result.output


def test_read_identity_is_what_read_document_gives(tmp_path):
    """A store re-run compares files by read_identity (issue 18): the same source, id and content hash as
    read_document, for plain text in any encoding and line ending, HTML, and the corpus files."""
    from helsekg.text.reading import read_document, read_identity

    text = "Helse- og omsorgsdepartementet gir 20 millioner kroner til et nytt tilskudd for pårørende.\n"
    cases = {
        "crlf-cp1252.txt": ("\ufeff" + text.replace("\n", "\r\n")).encode("cp1252", errors="ignore"),
        "bom-utf8.txt": ("\ufeff" + text).encode("utf-8"),
        "side.html": f"<html><head><title>Nytt tilskudd</title></head><body><p>{text}</p></body></html>".encode(),
    }
    paths = [*sorted(Path("corpus").glob("*.txt"))]
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    for path in paths:
        document = read_document(path)
        assert read_identity(path) == (document.metadata.source, document.id, document.metadata.content_hash)
    # one changed character is a changed document
    before = read_identity(tmp_path / "bom-utf8.txt")
    (tmp_path / "bom-utf8.txt").write_bytes(text.replace("20", "21").encode("utf-8"))
    assert read_identity(tmp_path / "bom-utf8.txt").content_hash != before.content_hash


def test_read_identity_refuses_what_read_document_refuses_except_the_language(tmp_path):
    from helsekg.errors import InputError
    from helsekg.text.reading import read_identity

    (tmp_path / "tom.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n ")
    for name in ("tom.txt", "blank.txt", "mangler.txt"):
        with pytest.raises(InputError) as err:
            read_identity(tmp_path / name)
        assert name in str(err.value)
    english = tmp_path / "english.txt"
    english.write_text("The ministry gives twenty million kroner to a new grant for carers of older people.\n")
    assert read_identity(english).source == english.as_posix()  # read_document refuses it (E008) when extracted
