#!/usr/bin/env bash
# OCR of scanned attachments uses Debian's Tesseract with its Vietnamese model and poppler's pdftoppm;
# the snapshot's attachment generator also needs the DejaVu font (Vietnamese glyphs) for its PDFs.
set -euo pipefail
if command -v pdftoppm >/dev/null && command -v tesseract >/dev/null \
  && tesseract --list-langs 2>/dev/null | grep -qx vie \
  && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core >/dev/null
