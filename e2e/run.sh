#!/usr/bin/env bash
# Browser test of the public site: builds the bundled register's site, serves
# it from 127.0.0.1 and checks it in headless Chromium (Debian's), with
# axe-core for WCAG 2.1 A/AA, and reads its feed, calendar and catalogue with
# feedparser, ical.js and jsonld, and validates the catalogue against DCAT-AP-NL
# SHACL shapes (rdf-validate-shacl). The editor test drives
# yaml-language-server on records and register.yaml. The federation test
# builds a national site from the bundled register and examples/dorp with
# 'register federate' and checks it the same way. e2e/install.sh installs what they need.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "e2e: ${CHROMIUM:-/usr/bin/chromium} is missing; run e2e/install.sh first" >&2
  exit 1
fi
if ! (cd e2e && npm ls --depth=0 >/dev/null 2>&1); then
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The registers checked here outside Git keep their result cache in the
# user's cache folder: keep it in this run's folder instead.
export XDG_CACHE_HOME="$work/cache"
go build -o "$work/register" ./cmd/register
"$work/register" build --root register --out "$work/public"
# The same register with a tile service configured (through the environment,
# as viper allows), for the test of the one host the map may then use.
REGISTER_SITE_TILES_URL='https://tiles.test/{z}/{x}/{y}.png' "$work/register" build --root register --out "$work/tiles" >/dev/null

# REGISTER_BIN runs 'register serve' on a copy of the register, for the test
# of the preview's reload.
SITE_DIR="$work/public" TILES_SITE_DIR="$work/tiles" REGISTER_BIN="$work/register" SHOTS_DIR="${SHOTS_DIR:-e2e/shots}" \
  node --test --test-reporter=spec e2e/site.test.mjs e2e/editor.test.mjs e2e/dcat.test.mjs e2e/notify.test.mjs e2e/federate.test.mjs
