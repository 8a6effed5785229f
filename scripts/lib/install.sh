# shellcheck shell=bash
# Installs what the stack and the build need, once; every step is a no-op when already done.
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

APT_PACKAGES=(postgresql postgresql-contrib redis-server chromium cmake libcurl4-openssl-dev
  kcat unzip curl pkg-config libssl-dev maven)

install_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return
  say "apt: installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Builds a Go command from its module's source. `go install MOD@VERSION` leaves out files that the
# projects generate at release time (FerretDB panics at start without build/version/version.txt),
# so copy the module and add them first.
go_module_src() { # MODULE VERSION -> prints a writable copy of the module's source
  local dir tmp
  dir="$(cd /tmp && GOFLAGS=-mod=mod go mod download -json "$1@$2" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
  [ -d "$dir" ] || die "go: could not download $1@$2"
  tmp="$(mktemp -d)"
  cp -r "$dir/." "$tmp/" && chmod -R u+w "$tmp"
  echo "$tmp"
}

install_ferretdb() {
  local bin="$HOTEL_CACHE/bin/ferretdb"
  # (not `ferretdb --version | grep -q`: with pipefail, grep quitting early fails the pipe)
  grep -q "version: $FERRETDB_VERSION" <<<"$("$bin" --version 2>/dev/null)" && return
  say "go: building FerretDB $FERRETDB_VERSION"
  local src; src="$(go_module_src github.com/FerretDB/FerretDB "$FERRETDB_VERSION")"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  echo "go-build" >"$src/build/version/package.txt"
  (cd "$src" && go build -trimpath -o "$bin" ./cmd/ferretdb)
  rm -rf "$src"
  "$bin" --version >/dev/null || die "ferretdb $FERRETDB_VERSION was built but does not run"
}

install_mailpit() {
  local bin="$HOTEL_CACHE/bin/mailpit"
  grep -q " $MAILPIT_VERSION " <<<"$("$bin" version --no-release-check 2>/dev/null)" && return
  say "go: building Mailpit $MAILPIT_VERSION"
  # Its web UI (server/ui/dist) is built with npm at release time and is not in the module; the npm
  # registry here lacks some of its pinned packages (rapidoc 12, sass-embedded 1.108), so this binary
  # has the SMTP server and the REST API (what the tests use) but no web UI.
  local src; src="$(go_module_src github.com/axllent/mailpit "$MAILPIT_VERSION")"
  (cd "$src" && go build -trimpath -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION" -o "$bin" .)
  rm -rf "$src"
}

install_go_tools() {
  mkdir -p "$HOTEL_CACHE/bin"
  install_ferretdb
  install_mailpit
}

install_kafka() {
  local dir="$HOTEL_CACHE/kafka-$KAFKA_VERSION" stamp
  # The stamp is the pom's checksum: changing the pom (e.g. adding a jar) gathers the jars again.
  stamp="$(sha256sum "$ROOT/deploy/kafka/pom.xml" | cut -c1-16)"
  [ "$(cat "$dir/.done" 2>/dev/null)" = "$stamp" ] && return
  say "maven: fetching Kafka $KAFKA_VERSION jars"
  rm -rf "$dir/libs"; mkdir -p "$dir"
  mvn -q -f "$ROOT/deploy/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DoutputDirectory="$dir/libs" -DincludeScope=runtime
  echo "$stamp" >"$dir/.done"
}

install_keycloak() {
  local dir="$HOTEL_CACHE/keycloak-$KEYCLOAK_VERSION"
  [ -f "$dir/.done" ] && return
  say "maven: fetching Keycloak $KEYCLOAK_VERSION"
  local tmp; tmp="$(mktemp -d)"
  mvn -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$tmp"
  rm -rf "$dir"; mkdir -p "$HOTEL_CACHE"
  unzip -q "$tmp"/keycloak-quarkus-dist-*.zip -d "$tmp/x"
  mv "$tmp"/x/keycloak-* "$dir"
  rm -rf "$tmp"
  touch "$dir/.done"
}

install_stack() {
  install_apt
  install_go_tools
  install_kafka
  install_keycloak
}

install_rust_tools() {
  rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    say "cargo: installing cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes on 2 cores)"
    CARGO_TARGET_DIR="$HOTEL_CACHE/tool-build" cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    say "cargo: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: its lock file pins a webpki-roots the registry index lacks.
    CARGO_TARGET_DIR="$HOTEL_CACHE/tool-build" cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
}

install_node_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.stamp" ]; then
    say "npm: installing tailwind, binaryen, playwright-core, axe-core"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
  fi
}
