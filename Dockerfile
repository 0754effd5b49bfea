# syntax=docker/dockerfile:1
# The iwddm job image: the runnable fat jar on a JRE, run as a non-root user.
#   docker build -t <registry>/iwddm/iwd_dm_cloud:<version> .
# (docs/deploy.md: build, push, and the Helm values that point at the image)

# --- build: the same Maven build as bin/iwddm (mvn package, tests run in CI, not here) ---
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
# The Maven repository is a BuildKit cache, so a rebuild does not download dependencies again.
COPY pom.xml ./
COPY db ./db
COPY java/src/main ./java/src/main
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -DskipTests -Diwddm.build.dir=/src/target package \
 && cp /src/target/iwddm.jar /iwddm.jar

# --- runtime ---
FROM eclipse-temurin:17-jre
# The chart's pod security context runs as 10001:10001 (runAsNonRoot needs a numeric USER).
RUN groupadd --system --gid 10001 iwddm \
 && useradd --system --uid 10001 --gid iwddm --home-dir /app --shell /usr/sbin/nologin iwddm
COPY --from=build --chown=root:root --chmod=0444 /iwddm.jar /app/iwddm.jar
WORKDIR /app
USER 10001:10001
# The same JVM options as bin/iwddm, sized for the Helm default limit of 160 MiB for the whole
# container (Serial GC, 64 MiB heap, 64 MiB metaspace, C1 only). JAVA_OPTS adds options after
# these, so they win, as in bin/iwddm.
ENV IWDDM_JVM_OPTS="-XX:+UseSerialGC -Xms16m -Xmx64m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxDirectMemorySize=16m -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8" \
    JAVA_OPTS="" \
    TZ=UTC
# exec: java is PID 1 and gets SIGTERM from Kubernetes; the job's exit status is the pod's.
ENTRYPOINT ["/bin/sh", "-c", "exec java $IWDDM_JVM_OPTS $JAVA_OPTS -jar /app/iwddm.jar \"$@\"", "iwddm"]
CMD ["run"]
