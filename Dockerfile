# syntax=docker/dockerfile:1
# The iwddm job image: the runnable fat jar on a JRE, run as a non-root user.
#   docker build -t <registry>/iwddm/iwd_dm_cloud:<version> .
# (docs/deploy.md: build, push, and the Helm values that point at the image)

# The same JVM options as bin/iwddm, sized for the Helm default limit of 160 MiB for the whole
# container (Serial GC, 64 MiB heap, 64 MiB metaspace, C1 only; the JVM's own warnings on stderr,
# stdout carries JSON log lines only). JAVA_OPTS adds options after these, so they win, as in bin/iwddm.
ARG IWDDM_JVM_OPTS="-XX:+UseSerialGC -Xms16m -Xmx64m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxDirectMemorySize=16m -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Xlog:disable -Xlog:all=warning:stderr"

# --- build: the same Maven build as bin/iwddm (mvn package, tests run in CI, not here) ---
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
# The Maven repository is a BuildKit cache, so a rebuild does not download dependencies again.
COPY pom.xml ./
COPY job/pom.xml ./job/
COPY simulator/pom.xml ./simulator/
COPY demo/pom.xml ./demo/
COPY bench/pom.xml ./bench/
COPY db ./db
COPY job/src/main ./job/src/main
COPY simulator/src/main ./simulator/src/main
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -DskipTests -Diwddm.build.dir=/src/target -pl job -am package \
 && cp /src/target/iwddm.jar /iwddm.jar

# --- class data sharing: the classes an idle run loads, parsed and verified once, here ---
# An archive fits one JVM and one jar (path, size, mtime), so it is trained on the runtime's
# own image with the jar at its final path; `iwddm cds-archive` trains an idle run against the
# demo's embedded PostgreSQL and a simulated IWD (initdb wants a non-root user with a name).
FROM eclipse-temurin:17-jre AS cds
ARG IWDDM_JVM_OPTS
RUN groupadd --system --gid 10001 iwddm \
 && useradd --system --uid 10001 --gid iwddm --home-dir /app --shell /usr/sbin/nologin iwddm
COPY --from=build --chown=root:root --chmod=0444 /iwddm.jar /app/iwddm.jar
USER 10001:10001
RUN java $IWDDM_JVM_OPTS -Xmx256m -XX:MaxDirectMemorySize=128m -jar /app/iwddm.jar cds-archive /tmp/iwddm.jsa

# --- runtime ---
FROM eclipse-temurin:17-jre
ARG IWDDM_JVM_OPTS
# The chart's pod security context runs as 10001:10001 (runAsNonRoot needs a numeric USER).
RUN groupadd --system --gid 10001 iwddm \
 && useradd --system --uid 10001 --gid iwddm --home-dir /app --shell /usr/sbin/nologin iwddm
# The jar the archive was trained with (COPY keeps its mtime, which the JVM checks).
COPY --from=cds --chown=root:root --chmod=0444 /app/iwddm.jar /app/iwddm.jar
COPY --from=cds --chown=root:root --chmod=0444 /tmp/iwddm.jsa /app/iwddm.jsa
WORKDIR /app
USER 10001:10001
ENV IWDDM_JVM_OPTS="$IWDDM_JVM_OPTS" \
    JAVA_OPTS="" \
    TZ=UTC
# exec: java is PID 1 and gets SIGTERM from Kubernetes; the job's exit status is the pod's.
# -XX:SharedArchiveFile maps the class data sharing archive (-Xshare:off in JAVA_OPTS turns it off).
ENTRYPOINT ["/bin/sh", "-c", "exec java $IWDDM_JVM_OPTS -XX:SharedArchiveFile=/app/iwddm.jsa $JAVA_OPTS -jar /app/iwddm.jar \"$@\"", "iwddm"]
CMD ["run"]
