#!/usr/bin/env bash
# The image's entrypoint: run-java.sh (which starts /deployments/quarkus-run.jar with JAVA_OPTS_APPEND),
# with the AppCDS archive that the image build made by a training start (Dockerfile.jvm,
# appcds-archive.sh) when there is one and APPCDS is not "false". The flag is only added for an
# archive that exists: a JVM pointed at a missing archive starts without any class sharing at all.
archive=/deployments/app-cds.jsa
if [ "${APPCDS:-true}" != false ] && [ -s "$archive" ]; then
  export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -XX:SharedArchiveFile=$archive"
fi
exec /opt/jboss/container/java/run/run-java.sh "$@"
