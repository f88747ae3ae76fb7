#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core; no test tool downloads its own browser.
# The print test reads the province page's PDF with poppler's pdftotext.
set -euo pipefail
if [ -x /usr/bin/chromium ] && command -v pdftotext >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-core poppler-utils >/dev/null
