# syntax=docker/dockerfile:1
# The hotel app as one container: the server binary and the site (WASM, JS, CSS, public files).
#
#   docker build -t hotel .                        # or: docker compose -f deploy/compose.yaml up --build
#   docker run -p 3000:3000 -e DATABASE_URL=... hotel
#
# Configuration comes from the environment (server/src/config.rs; deploy/compose.yaml sets it for the
# compose network). Needs BuildKit (the default builder of current Docker) for the cache mounts.

ARG RUST_VERSION=1.95
ARG NODE_VERSION=20

# Node.js for the npm build tools. Debian bookworm's own nodejs is 18, and Tailwind 4's native part
# (@tailwindcss/oxide) wants Node >= 20, the version the project's machines use.
FROM node:${NODE_VERSION}-bookworm-slim AS node

FROM rust:${RUST_VERSION}-bookworm AS builder
# Debian package versions are not pinned: bookworm's archive only keeps the current ones.
# rdkafka's cmake-build compiles librdkafka: cmake, and curl.h from libcurl4-openssl-dev.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends cmake libcurl4-openssl-dev \
 && rm -rf /var/lib/apt/lists/*
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version

# Build tools, in their own layers so source changes do not rebuild them (about 15 minutes).
RUN rustup target add wasm32-unknown-unknown
# hadolint ignore=DL3059
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    cargo install cargo-leptos --version 0.3.10 --locked
# Must equal the wasm-bindgen version pinned in Cargo.toml; not --locked (its lock pins a
# webpki-roots that some registry mirrors lack).
# hadolint ignore=DL3059
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    cargo install wasm-bindgen-cli --version =0.2.130

WORKDIR /build
# Tailwind CLI and binaryen's wasm-opt (npm's 132: Debian's wasm-opt 108 breaks hydration).
# cargo-leptos takes every tool from PATH before trying to download one.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
ENV PATH=/build/node_modules/.bin:$PATH

COPY . .
# target/ is a cache mount (kept between builds), so the results are copied out of it.
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,target=/build/target,sharing=locked \
    cargo leptos build --release --split \
 && mkdir -p /out \
 && cp target/release/server /out/server \
 && cp -r target/site /out/site

FROM debian:bookworm-slim AS runtime
# curl pulls in libcurl4 and serves the health check.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates libcurl4 curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 hotel \
 && useradd --system --uid 10001 --gid hotel --home-dir /app --no-create-home --shell /usr/sbin/nologin hotel
WORKDIR /app
COPY --from=builder /out/server /app/server
COPY --from=builder /out/site /app/site

# Read by leptos' get_configuration(None); the site is served from /app/site.
ENV LEPTOS_OUTPUT_NAME=hotel \
    LEPTOS_SITE_ROOT=site \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_ENV=PROD
EXPOSE 3000
USER 10001:10001
# Shell form on purpose: `|| exit 1` maps every curl failure to Docker's "unhealthy" code.
# hadolint ignore=DL3025
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:3000/health/live || exit 1
ENTRYPOINT ["/app/server"]
