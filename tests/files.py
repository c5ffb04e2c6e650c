"""Real HTML, PDF and DOCX files built at test time from a plain-text document (title, paragraphs, lists).

The text is split into blocks at blank lines: the first block is the title, a short block without a full
stop is a heading, lines starting with "- " or "• " are list items; each format renders them as its own
structure (HTML h1/h2/p/ul, DOCX Title/Heading 2/List Bullet styles, PDF wrapped lines with bookmarks).
"""

from __future__ import annotations

import html
import io
import re

_BULLET = re.compile(r"^\s*[-•–]\s+")


def blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) blocks of a plain-text document: "title", "heading", "item" or "paragraph"."""
    out: list[tuple[str, str]] = []
    for number, block in enumerate(b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if number == 0:
            out.append(("title", " ".join(lines)))
        elif all(_BULLET.match(line) for line in lines):
            out += [("item", _BULLET.sub("", line)) for line in lines]
        elif len(lines) == 1 and len(lines[0].split()) <= 12 and not lines[0].endswith((".", ":", "!", "?")):
            out.append(("heading", lines[0]))
        else:
            out += [("paragraph", line) for line in lines]
    return out


def html_page(text: str, *, site: str = "Regjeringen.no", published: str = "2024-05-23") -> bytes:
    """A public web page: navigation, scripts, a cookie banner, <meta> numbers and a footer around the article."""
    body, in_list = [], False
    for kind, content in blocks(text):
        if kind == "item" and not in_list:
            body.append("<ul>")
            in_list = True
        if kind != "item" and in_list:
            body.append("</ul>")
            in_list = False
        tag = {"title": "h1", "heading": "h2", "item": "li", "paragraph": "p"}[kind]
        body.append(f"<{tag}>{html.escape(content)}</{tag}>")
    if in_list:
        body.append("</ul>")
    title = html.escape(blocks(text)[0][1])
    return f"""<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>{title} - {site}</title>
<meta name="description" content="Regjeringen bruker 777 millioner kroner på noe annet">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}T10:00:00+02:00">
<script>var budsjett = 9999999; var tilskudd = "888 millioner kroner";</script></head>
<body><div class="cookie-consent">Vi bruker informasjonskapsler. <button>Godta</button></div>
<header><nav><ul><li><a href="/tema">Tema</a></li><li><a href="/aktuelt">Aktuelt</a></li></ul></nav></header>
<main><article>{"".join(body)}</article></main>
<footer><p>Kontakt oss | Org.nr. 972 417 858 | 666 millioner kroner i reklame</p></footer>
<script>track("555 millioner kroner")</script></body></html>""".encode()


def pdf_file(text: str, *, lines_per_page: int = 40) -> bytes:
    """A PDF of the text: each block wrapped to the page width, headings bookmarked, several pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y, used, bookmark = 780, 0, 0
    for kind, content in blocks(text):
        font, size = ("Helvetica-Bold", 14) if kind in ("title", "heading") else ("Helvetica", 11)
        prefix = "• " if kind == "item" else ""
        lines = simpleSplit(prefix + content, font, size, 450)
        if used + len(lines) > lines_per_page:
            pdf.showPage()
            y, used = 780, 0
        if kind in ("title", "heading"):
            bookmark += 1
            pdf.bookmarkPage(f"b{bookmark}", top=y + 20)
            pdf.addOutlineEntry(content, f"b{bookmark}", level=0 if kind == "title" else 1)
        pdf.setFont(font, size)
        for line in lines:
            pdf.drawString(72, y, line)
            y -= size + 4
            used += 1
        y -= 10
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_file(text: str) -> bytes:
    """A Word document of the text, with Title, Heading 2 and List Bullet styles."""
    import docx

    document = docx.Document()
    for kind, content in blocks(text):
        style = {"title": "Title", "heading": "Heading 2", "item": "List Bullet", "paragraph": None}[kind]
        document.add_paragraph(content, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
