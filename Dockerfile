# The API image, in two stages: TypeScript is compiled and the explorer built once in the first, and the
# second holds only the compiled JavaScript, the explorer's static files and the production dependencies. It talks to the Neo4j named by NEO4J_URI (see
# docker-compose.yml); no Java inside.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schema ./schema
COPY web ./web
RUN npm run build && npm run build:web

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY cypher ./cypher
COPY seeds ./seeds
COPY schema ./schema
EXPOSE 4000
USER node
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
