#!/usr/bin/env python3
"""Render page 1 of a review copy as LibreOffice lays it out, with its comments beside it.

Usage: review_screenshot.py REVIEWED.docx OUT.png

LibreOffice converts the copy to PDF; its comments become PDF text annotations at their
anchors, which pdftoppm draws as note icons. LibreOffice 7.4 cannot yet export comments in the
margin (7.5 can: ExportNotesInMargin), so this script reads each annotation's text and position
from LibreOffice's PDF and sets it in a margin beside the page, joined to its anchor.
Requires soffice, pdftoppm, `pip install pypdf pillow`. Not run in CI.
"""
import os
import subprocess
import sys
import tempfile
import textwrap

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

DPI = 100
MARGIN = 430
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def main():
    docx, out = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
             "--outdir", tmp, docx],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        pdf = os.path.join(tmp, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-f", "1", "-l", "1", pdf,
                        os.path.join(tmp, "page")], check=True, stderr=subprocess.DEVNULL)
        page_png = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.startswith("page"))
        page = Image.open(page_png).convert("RGB")
        reader = PdfReader(pdf)
        first = reader.pages[0]
        height_pt = float(first.mediabox.height)
        notes = []
        for ref in first.get("/Annots") or []:
            a = ref.get_object()
            if a.get("/Subtype") != "/Text":
                continue
            x0, y0, x1, y1 = (float(v) for v in a["/Rect"])
            y = (height_pt - y1) * DPI / 72
            x = x1 * DPI / 72
            notes.append((y, x, str(a.get("/T", "")), str(a.get("/Contents", ""))))
    notes.sort()
    canvas = Image.new("RGB", (page.width + MARGIN, page.height), "white")
    canvas.paste(page, (0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([page.width, 0, page.width + MARGIN, page.height], fill="#f3f3f3")
    font = ImageFont.truetype(FONT, 11)
    bold = ImageFont.truetype(BOLD, 11)
    next_y = 10
    for y, x, author, text in notes:
        lines = []
        for paragraph in text.splitlines():
            lines += textwrap.wrap(paragraph, 62) or [""]
        box_h = 18 + 14 * len(lines)
        top = max(next_y, int(y) - 8)
        if top + box_h > page.height - 5:
            break
        left = page.width + 10
        draw.rectangle([left, top, left + MARGIN - 20, top + box_h], fill="#fff8c4",
                       outline="#c9a800")
        draw.line([x, y + 6, left, top + 8], fill="#c9a800", width=1)
        draw.text((left + 6, top + 3), author, font=bold, fill="#5a4a00")
        for i, line in enumerate(lines):
            draw.text((left + 6, top + 17 + 14 * i), line, font=font, fill="black")
        next_y = top + box_h + 6
    canvas.quantize(colors=64).save(out, optimize=True)


if __name__ == "__main__":
    main()
