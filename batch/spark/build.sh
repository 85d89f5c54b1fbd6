#!/usr/bin/env bash
# Builds the Spark jobs' jar and the classpath files the launcher reads. Offline first (~/.m2 already
# holds everything after one online build), online only when something is missing.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -o package -DskipTests >/dev/null 2>&1 || mvn -B -q package -DskipTests
