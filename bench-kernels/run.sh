#!/usr/bin/env bash
# Builds and runs the kernel benchmarks (plain Java vs Vector API vs ND4J). Not part of the
# default build: -Pkernels pulls ND4J (~130 MB of jars, ~400 MB of natives unpacked under
# bench-kernels/target/javacpp on first use).
#   bench-kernels/run.sh                 # everything, 1 fork, 3 x 1 s warm-up, 5 x 1 s measured
#   bench-kernels/run.sh TopKBench       # one class (any JMH regexp / options after it)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pkernels -pl bench-kernels -am package -DskipTests
CACHE="$PWD/bench-kernels/target/javacpp"
JVM="-Dorg.bytedeco.javacpp.cachedir=$CACHE -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
# Cooc runs are seconds each: single-shot, 1 warm-up + 3 measured.
if [ $# -eq 0 ]; then
  java --add-modules jdk.incubator.vector -jar bench-kernels/target/benchmarks.jar \
    'TopKBench|ListCosineBench|HistoryCosineBench|PcaBench' -f 1 -wi 3 -i 5 -w 1s -r 1s \
    -jvmArgsAppend "$JVM" -rf json -rff bench-kernels/target/jmh-java-vector-nd4j.json
  java -jar bench-kernels/target/benchmarks.jar CoocBench -f 1 -wi 1 -i 3 \
    -jvmArgsAppend "$JVM" -rf json -rff bench-kernels/target/jmh-cooc.json
else
  java --add-modules jdk.incubator.vector -jar bench-kernels/target/benchmarks.jar "$@" \
    -jvmArgsAppend "$JVM"
fi
