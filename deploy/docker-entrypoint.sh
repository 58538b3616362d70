#!/bin/sh
# Starts the bot with the image's start-up cache. In a Kubernetes StatefulSet of Discord pods
# (WIZARD_DISCORD_SHARDS_PER_POD set), pod N of the set runs shards N*k .. N*k+k-1 of DISCORD_SHARD_TOTAL: the ordinal
# is the end of the pod's host name (ai-wizard-discord-2), stable across restarts, so no two pods run one shard.
set -eu
if [ -n "${WIZARD_DISCORD_SHARDS_PER_POD:-}" ] && [ -z "${DISCORD_SHARDS:-}" ]; then
  ordinal="${HOSTNAME##*-}"
  case "$ordinal" in ''|*[!0-9]*) echo "cannot tell the pod ordinal from host name '$HOSTNAME'" >&2; exit 2 ;; esac
  first=$((ordinal * WIZARD_DISCORD_SHARDS_PER_POD))
  DISCORD_SHARDS="$first-$((first + WIZARD_DISCORD_SHARDS_PER_POD - 1))"
  export DISCORD_SHARDS
fi
cache=""
if [ -f /opt/ai-wizard/wizard.jsa ]; then cache="-XX:SharedArchiveFile=/opt/ai-wizard/wizard.jsa -Xlog:cds=off"; fi
# shellcheck disable=SC2086 # WIZARD_JAVA_OPTS and the cache options are lists of words
exec java $cache ${WIZARD_JAVA_OPTS:-} -jar /opt/ai-wizard/wizard.jar "$@"
