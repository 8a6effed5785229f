#!/usr/bin/env bash
# A newcomer's clone under /root (home mode 700), run as root: the postgres user cannot enter it,
# yet the clone's own stack must start PostgreSQL, answer, stop and reset. Cheap: it clones this
# repository into a fresh mode-700 directory under /root, overlays the working tree's scripts/
# (uncommitted changes included), and starts ONLY PostgreSQL there, on a spare port, with the
# clone's own STACK_DIR. The running stack is not touched.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { printf '\033[1m==> root-clone: %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31mroot-clone: FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ] || [ ! -d /root ]; then
  say "skipped: only root's clones under /root are out of the postgres user's reach"
  exit 0
fi

port=""
for p in $(seq 55432 55532); do
  if [ -z "$(ss -Hltn "( sport = :$p )" 2>/dev/null)" ]; then port=$p && break; fi
done
[ -n "$port" ] || die "no free port in 55432-55532"

base="$(mktemp -d /root/hotel-root-clone.XXXXXX)" # mode 700, like a home directory
clone="$base/x"
stack() { env -u STACK_DIR -u DATABASE_URL PG_PORT="$port" "$clone/scripts/stack" "$@"; }
cleanup() {
  if [ -x "$clone/scripts/stack" ]; then stack reset postgres >/dev/null 2>&1 || true; fi
  rm -rf "$base"
}
trap cleanup EXIT

git clone -q "$ROOT" "$clone"
rm -rf "$clone/scripts" && cp -a "$ROOT/scripts" "$clone/scripts"
[ "$(stat -c %a "$base")" = 700 ] || die "$base is not mode 700"
runuser -u postgres -- test -x "$clone" && die "the postgres user can enter $clone: this tests nothing"

say "starting PostgreSQL alone from $clone on port $port"
stack up postgres || die "scripts/stack up postgres failed in a clone under /root"
link="$clone/.stack/postgres"
[ -L "$link" ] || die "$link should link to the cluster outside the clone"
cluster="$(readlink "$link")"
runuser -u postgres -- test -w "$cluster/data" || die "the postgres user cannot write $cluster/data"
answer="$(psql -X -At "postgres://hotel:hotel@127.0.0.1:$port/hotel_test" -c 'SELECT 40 + 2')" ||
  die "the clone's PostgreSQL does not answer on $port"
[ "$answer" = 42 ] || die "PostgreSQL answered '$answer'"
# (status exits 1 while any server is down: here all but PostgreSQL are)
grep -Eq '^postgres +up ' <<<"$(stack status || true)" || die "scripts/stack status does not show postgres up"
LINES_OF_LOG=5 stack logs postgres >/dev/null || die "scripts/stack logs postgres found no log"

stack down postgres
grep -Eq '^postgres +down ' <<<"$(stack status || true)" || die "scripts/stack status does not show postgres down after down"
pg_isready -q -h 127.0.0.1 -p "$port" && die "PostgreSQL still answers after down"
stack reset postgres
[ ! -e "$link" ] && [ ! -e "$cluster" ] || die "reset left $link or $cluster behind"
say "ok: PostgreSQL started, answered, stopped and was reset from a clone under /root"
