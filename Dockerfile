# The Sertakan API, serving the built admin app. It needs a PostgreSQL server through
# DATABASE_URL; docker-compose.yml provides one. The embedded zero-setup database is not
# used in a container.

# ---- build: install everything, then build schema, API and admin app ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
# The workspace manifests first (npm ci wants every workspace the lock file names), so
# the dependency layer is cached until they change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/playground/package.json apps/playground/
COPY packages/schema/package.json packages/schema/
COPY packages/client/package.json packages/client/
COPY tools/bench/package.json tools/bench/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- prod-deps: runtime dependencies only (no turbo, vite, typescript, jest) ----
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/playground/package.json apps/playground/
COPY packages/schema/package.json packages/schema/
COPY packages/client/package.json packages/client/
COPY tools/bench/package.json tools/bench/
RUN npm ci --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node packages/schema/package.json packages/schema/
COPY --chown=node:node apps/api/package.json apps/api/
COPY --from=build --chown=node:node /app/packages/schema/dist packages/schema/dist
COPY --from=build --chown=node:node /app/apps/api/dist apps/api/dist
COPY --from=build --chown=node:node /app/apps/admin/dist apps/admin/dist
COPY --from=build --chown=node:node /app/apps/playground/dist apps/playground/dist
# The client's operations: the API-key safelist (API_KEY_SAFELIST) is read from them.
COPY --chown=node:node packages/client/operations packages/client/operations
USER node
EXPOSE 4000
# main.ts drains in-flight requests and closes the pool on SIGTERM; node runs as PID 1
# and handles the signal itself (no shell in between: exec-form CMD below).
STOPSIGNAL SIGTERM
# Liveness: the process answers. Readiness (/readyz: database reachable and migrated) is
# for load balancers. The first start loads ~91k regions before listening, hence the
# long start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
