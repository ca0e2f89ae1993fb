#!/usr/bin/env bash
# Builds what is needed and runs ConsultDesk on the embedded default: a Kafka broker and a MongoDB wire
# server on this machine, both services against them. Options: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
echo "ConsultDesk: building (./mvnw package, tests skipped)…"
./mvnw -q -B -DskipTests package
exec java -Xmx512m -XX:+UseSerialGC -jar local-stack/target/local-stack-exec.jar "$@"
