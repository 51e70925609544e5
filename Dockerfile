# syntax=docker/dockerfile:1
# Multi-stage build: the front end with Node, the server with Go (pure-Go
# SQLite driver, so CGO is off and the binary is static), a small non-root
# runtime with the data directory as a volume.

FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM golang:1.26-bookworm AS server
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/frontend/dist ./frontend/dist
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/huiguan . && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=server /out/huiguan /usr/local/bin/huiguan
# The data directory must belong to the non-root user (uid 65532) to be writable.
COPY --from=server --chown=65532:65532 /out/data /data
ENV HUIGUAN_ADDR=:8080 HUIGUAN_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/huiguan"]
CMD ["serve"]
