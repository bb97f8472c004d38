{{/*
Chart name, truncated to the 63 characters a label value may hold.
*/}}
{{- define "service-recovery.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name of the release's resources: <release>-<chart>, or the release name
when it already contains the chart name.
*/}}
{{- define "service-recovery.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version for the helm.sh/chart label.
*/}}
{{- define "service-recovery.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels that select the pods; they never change over the life of a release.
*/}}
{{- define "service-recovery.selectorLabels" -}}
app.kubernetes.io/name: {{ include "service-recovery.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Standard labels of every resource.
*/}}
{{- define "service-recovery.labels" -}}
helm.sh/chart: {{ include "service-recovery.chart" . }}
{{ include "service-recovery.selectorLabels" . }}
app.kubernetes.io/version: {{ include "service-recovery.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: service-recovery
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "service-recovery.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "service-recovery.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag: image.tag, or the chart's appVersion.
*/}}
{{- define "service-recovery.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/*
Full image reference; a digest wins over the tag.
*/}}
{{- define "service-recovery.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "service-recovery.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
File the JWT public key is mounted as.
*/}}
{{- define "service-recovery.jwtPublicKeyFile" -}}
{{- printf "%s/publicKey.pem" (.Values.secrets.jwt.mountPath | trimSuffix "/") }}
{{- end }}

{{/*
Checks across values that JSON Schema cannot express. Rendered (as nothing) by the
Deployment so that every install, upgrade, template and lint runs it.
*/}}
{{- define "service-recovery.validate" -}}
{{- if .Values.config.oidc.enabled }}
{{- if not .Values.config.oidc.authServerUrl }}
{{- fail "config.oidc.authServerUrl is required when config.oidc.enabled is true" }}
{{- end }}
{{- if not .Values.secrets.oidc.existingSecret }}
{{- fail "secrets.oidc.existingSecret (the console's client secret) is required when config.oidc.enabled is true" }}
{{- end }}
{{- end }}
{{- with .Values.autoscaling }}
{{- if and .enabled (lt (int .maxReplicas) (int .minReplicas)) }}
{{- fail (printf "autoscaling.maxReplicas (%d) must be greater than or equal to autoscaling.minReplicas (%d)" (int .maxReplicas) (int .minReplicas)) }}
{{- end }}
{{- end }}
{{- with .Values.metrics.serviceMonitor }}
{{- if and .enabled .interval .scrapeTimeout }}
{{- /* both are <number><unit>; compare in milliseconds */}}
{{- $units := dict "ms" 1 "s" 1000 "m" 60000 "h" 3600000 }}
{{- $i := regexFind "[a-z]+$" .interval }}
{{- $t := regexFind "[a-z]+$" .scrapeTimeout }}
{{- $intervalMs := mul (int (trimSuffix $i .interval)) (get $units $i) }}
{{- $timeoutMs := mul (int (trimSuffix $t .scrapeTimeout)) (get $units $t) }}
{{- if gt $timeoutMs $intervalMs }}
{{- fail (printf "metrics.serviceMonitor.scrapeTimeout (%s) must not be longer than metrics.serviceMonitor.interval (%s)" .scrapeTimeout .interval) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
An HTTP probe on the container port management (9000, Quarkus' management interface); the argument is one
of .Values.probes.*.
*/}}
{{- define "service-recovery.httpProbe" -}}
httpGet:
  path: {{ .path }}
  port: management
  scheme: HTTP
initialDelaySeconds: {{ .initialDelaySeconds | default 0 }}
periodSeconds: {{ .periodSeconds }}
timeoutSeconds: {{ .timeoutSeconds }}
failureThreshold: {{ .failureThreshold }}
{{- end }}
