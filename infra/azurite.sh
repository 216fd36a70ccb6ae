#!/usr/bin/env bash
# Starts the local Azure Storage emulator (blob, queue, table) the way the app expects it.
# Usage: infra/azurite.sh DATA_DIR        (persistent data, default ports 10000-10002)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/.azurite}"
mkdir -p "$data"
exec "$root/node_modules/.bin/azurite" \
  --location "$data" \
  --blobHost 127.0.0.1 --blobPort "${AZURITE_BLOB_PORT:-10000}" \
  --queueHost 127.0.0.1 --queuePort "${AZURITE_QUEUE_PORT:-10001}" \
  --tableHost 127.0.0.1 --tablePort "${AZURITE_TABLE_PORT:-10002}" \
  --silent --debug "$data/debug.log"
