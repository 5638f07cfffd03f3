# syntax=docker/dockerfile:1
# Build: compile better-sqlite3, bundle the TypeScript and the settings page (dist/ui); then keep
# production dependencies only.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# npm ci also builds the settings page (the prepare script), from ui/ and the parser in src/.
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY ui ./ui
RUN npm ci
RUN npm run build && npm prune --omit=dev

# Run: no compiler, no sources, not root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/server.mjs"]
