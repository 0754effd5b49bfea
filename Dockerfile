# syntax=docker/dockerfile:1
# The iwddm job image: the job's jar alone (job/: nothing of the demo or the simulator) on a Java
# runtime that jlink trims to the modules the job uses, with a class data sharing archive, run as
# the non-root user 10001 on a read-only root filesystem; no shell, no package manager.
#   docker build -t <registry>/iwddm/iwd_dm_cloud:<version> .
# (docs/deploy.md: build, push, the Helm values that point at the image; CI builds it with
# buildah from local stand-ins for the two base images: scripts/test-image, scripts/image-bases)
#
# Base images are build arguments pinned by digest, so a moved tag cannot change a build. The
# digests below were written on a machine that cannot reach registries: check them before the
# first build, and to update one, resolve its tag (`docker buildx imagetools inspect IMAGE:TAG`
# or `crane digest IMAGE:TAG`), replace the digest, build, run scripts/test, commit.
#   BUILD_IMAGE   a JDK 17 (jdeps, jlink) with Maven 3.9: builds the jar and cuts the runtime
#   RUNTIME_BASE  glibc and little else; Temurin's runtime links libstdc++ and zlib statically
#                 (a Debian JDK's needs libstdc++6 and zlib1g: scripts/image-bases adds them)
ARG BUILD_IMAGE=docker.io/library/maven:3.9.9-eclipse-temurin-17@sha256:8f165bc38cf2c434781f63a4673ef16e41c840b0bfed18f19097a11a8c167c69
ARG RUNTIME_BASE=gcr.io/distroless/base-nossl-debian12@sha256:d110b8096cef62b221dbbeb916052e7471223822063307e31ca1e8312e5d167f

# The same JVM options as bin/iwddm (and the ENTRYPOINT below), sized for the Helm default limit of
# 160 MiB for the whole container: Serial GC, 64 MiB heap, 64 MiB metaspace, C1 only; the JVM's
# own output (warnings, the OutOfMemoryError exit line) on stderr: stdout carries JSON lines only.
ARG IWDDM_JVM_OPTS="-XX:+UseSerialGC -Xms16m -Xmx64m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxDirectMemorySize=16m -XX:+ExitOnOutOfMemoryError -XX:+DisplayVMOutputToStderr -Dfile.encoding=UTF-8 -Xlog:disable -Xlog:all=warning:stderr"

# --- build: the job's jar (tests run in CI, not here), the trimmed runtime, the archive ---
FROM ${BUILD_IMAGE} AS build
ARG IWDDM_JVM_OPTS
WORKDIR /src
COPY pom.xml ./
COPY job/pom.xml job/
COPY simulator/pom.xml simulator/
COPY demo/pom.xml demo/
COPY bench/pom.xml bench/
COPY db db
COPY job/src/main job/src/main
# The job's tests use the simulator; Maven builds it with the job (-am), it stays out of the jar.
COPY simulator/src/main simulator/src/main
# The Maven repository is a build cache, so a rebuild does not download dependencies again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -DskipTests -Diwddm.build.dir=/src/target -pl job -am package
# The modules jdeps finds in the jar, plus the one it cannot see: jdk.crypto.ec, the provider of
# the elliptic-curve TLS cipher suites (found by name at run time) for https feeds and databases.
RUN modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps -q target/iwddm.jar),jdk.crypto.ec" \
 && echo "iwddm image: java modules $modules" \
 && jlink --add-modules "$modules" --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 --output /opt/java
# Class data sharing: an archive fits one runtime and one jar (path, size, mtime), so it is made
# with the trimmed runtime and the jar at its final path. Training runs the job against nothing
# (bin/iwddm cds-archive; no database needed, so any architecture builds it).
# The jar gets a whole-second mtime first: a copy between stages may keep only whole seconds,
# and the JVM would then take the archive for another jar's.
RUN mkdir /app && cp target/iwddm.jar /app/iwddm.jar && touch -d "@$(date +%s)" /app/iwddm.jar \
 && /opt/java/bin/java $IWDDM_JVM_OPTS -jar /app/iwddm.jar cds-archive /app/iwddm.jsa

# --- runtime ---
FROM ${RUNTIME_BASE}
COPY --from=build /opt/java /opt/java
# The jar the archive was made with (COPY keeps its mtime, which the JVM checks), read-only.
COPY --from=build --chown=0:0 --chmod=0444 /app/iwddm.jar /app/iwddm.jsa /app/
# The chart's pod security context runs as 10001:10001 (runAsNonRoot needs a numeric USER).
USER 10001:10001
WORKDIR /app
ENV TZ=UTC
# The build fails here when this runtime cannot map the archive: -Xshare:on refuses a stale or
# foreign one instead of starting without it.
RUN ["/opt/java/bin/java", "-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=24m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxDirectMemorySize=16m", "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr", "-Dfile.encoding=UTF-8", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=/app/iwddm.jsa", "-Xshare:on", "-jar", "/app/iwddm.jar", "--version"]
# java is PID 1 and gets SIGTERM from Kubernetes; the job's exit status is the pod's. No shell to
# expand variables: options of your own go in _JAVA_OPTIONS, which the JVM reads after these (so
# they win; it notes them on stderr), e.g. _JAVA_OPTIONS=-Xmx96m, or -Xshare:off without the archive.
ENTRYPOINT ["/opt/java/bin/java", "-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=24m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxDirectMemorySize=16m", "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr", "-Dfile.encoding=UTF-8", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=/app/iwddm.jsa", "-Xshare:on", "-jar", "/app/iwddm.jar"]
CMD ["run"]
