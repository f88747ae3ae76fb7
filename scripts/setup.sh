#!/usr/bin/env bash
# Installs pnpm (corepack is unusable on our machines) and the workspace's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version | grep -q '^10\.'; then
  npm install -g pnpm@10 >/dev/null 2>&1 || npm install -g pnpm@10
fi
pnpm install --frozen-lockfile
# Compile the command line once (pipeline/dist/thidua.js), so `pnpm thidua` starts without tsx.
pnpm build
