#!/usr/bin/env bash
# Runs the benchmarks and writes the report under benchmarks/results/.
#   benchmarks/run.sh                              embedded Kafka broker and MongoDB wire server
#   benchmarks/run.sh --sizes=10000,100000 --reps=3
#   benchmarks/run.sh --backlogs= --export-rows=1000000 --reps=1   (a published table of a million rows exported, no backlog)
#   benchmarks/run.sh --backlogs=2000000 --reps=1 --replay=false   (a million items' reads, without the hour of a full replay)
#   benchmarks/run.sh --mongo-uri=mongodb://localhost:27017 --kafka=localhost:9092   (e.g. docker compose's servers)
#   benchmarks/run.sh campaign-quality             campaign detection on the labelled corpus (see README, Benchmarks)
#   benchmarks/run.sh campaign-ingest --comments=100000   receipt over REST with detection off and on, side by side
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl benchmarks -am
exec java -Xmx1g -jar benchmarks/target/benchmarks-exec.jar --root=. "$@"
