# shellcheck shell=bash disable=SC2034
# Shared settings for the project's scripts: every port and path can be overridden from the environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Tools and build output live outside the clone so a fresh clone on the same machine reuses them.
HOTEL_CACHE="${HOTEL_CACHE:-$HOME/.cache/hotel}"
STACK_DIR="${STACK_DIR:-$ROOT/.stack}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOTEL_CACHE/target}"

export PG_PORT="${PG_PORT:-5432}"
export REDIS_PORT="${REDIS_PORT:-6379}"
export MONGO_PORT="${MONGO_PORT:-27017}"
export FERRETDB_DEBUG_PORT="${FERRETDB_DEBUG_PORT:-8088}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
export SMTP_PORT="${SMTP_PORT:-1025}"
export MAILPIT_PORT="${MAILPIT_PORT:-8025}"
export APP_PORT="${APP_PORT:-3000}"

export DATABASE_URL="${DATABASE_URL:-postgres://hotel:hotel@127.0.0.1:$PG_PORT/hotel}"
export MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:$MONGO_PORT/}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export OIDC_ISSUER_URL="${OIDC_ISSUER_URL:-http://127.0.0.1:$KEYCLOAK_PORT/realms/hotel}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:$SMTP_PORT}"
export MAILPIT_API_URL="${MAILPIT_API_URL:-http://127.0.0.1:$MAILPIT_PORT}"

KAFKA_VERSION=4.4.0
KEYCLOAK_VERSION=26.4.0
FERRETDB_VERSION=v1.24.2
MAILPIT_VERSION=v1.33.1
CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130

export PATH="$ROOT/node_modules/.bin:$HOTEL_CACHE/bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror: %s\033[0m\n' "$*" >&2; exit 1; }
