#!/usr/bin/env bash
# Renders every built-in document for one sample customer as PNG pages, from the PDF and
# from the .docx through LibreOffice, so a person can look at them. Needs poppler-utils and
# libreoffice-writer-nogui; skips (and says so) what is missing. Not part of the tests.
set -euo pipefail
customer="${1:-mengyuan-ruye}"
out="out/look"
mkdir -p "$out"
for cmd in proposal quote visit card allocation pack; do
  node bin/tuangou.js "$cmd" "$customer" --out "$out" --today 2026-11-24 || true
done
if command -v pdftoppm >/dev/null; then
  for f in "$out"/*.pdf; do pdftoppm -png -r 60 "$f" "${f%.pdf}-pdf"; done
else
  echo "跳过 PDF 预览：没有 pdftoppm（apt-get install poppler-utils）"
fi
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  soffice --headless --convert-to pdf --outdir "$out/lo" "$out"/*.docx >/dev/null
  for f in "$out"/lo/*.pdf; do pdftoppm -png -r 60 "$f" "${f%.pdf}-docx"; done
else
  echo "跳过 Word 预览：没有 soffice（apt-get install libreoffice-writer-nogui）"
fi
echo "PNG 在 $out/ 和 $out/lo/"
