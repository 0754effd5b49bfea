{{/* The release's resource name: <release>, or <release>-iwddm-cronjob when the release name does not say it. */}}
{{- define "iwddm.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "iwddm.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of every resource: the standard ones, the tenant, and iwddm.labels. */}}
{{- define "iwddm.labels" -}}
{{ include "iwddm.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
iwddm/tenant-id: {{ .Values.iwddm.tenantId | default 1 | toString | quote }}
{{- with .Values.iwddm.labels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "iwddm.image" -}}
{{- $image := .Values.image -}}
{{- $repository := $image.repository | default "iwddm" -}}
{{- $tag := $image.tag | default .Chart.AppVersion | toString -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" $image.registry $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* imagePullSecrets given as [{name: x}] (the seed's format) or as plain names [x]. */}}
{{- define "iwddm.imagePullSecrets" -}}
{{- with .Values.image.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  {{- if kindIs "string" . }}
  - name: {{ . }}
  {{- else }}
  - name: {{ .name }}
  {{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "iwddm.serviceAccountName" -}}
{{- if .Values.iwddm.serviceAccount.create -}}
{{- .Values.iwddm.serviceAccount.name | default (include "iwddm.fullname" .) -}}
{{- else -}}
{{- .Values.iwddm.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{- define "iwddm.dbSecretName" -}}
{{- .Values.iwddm.db.secret.secretName | default (printf "%s-db" (include "iwddm.fullname" .)) -}}
{{- end -}}

{{/* A value for an env var: null and missing render as "" (the job treats blank as unset). */}}
{{- define "iwddm.str" -}}
{{- if kindIs "invalid" . -}}""{{- else -}}{{ . | toString | quote }}{{- end -}}
{{- end -}}

{{/* The database access variables (the DB ConfigMap's data, or inline env). */}}
{{- define "iwddm.dbVars" -}}
IWDDM_DB_HOST: {{ include "iwddm.str" .Values.iwddm.db.host }}
IWDDM_DB_PORT: {{ include "iwddm.str" .Values.iwddm.db.port }}
IWDDM_DB_NAME: {{ include "iwddm.str" .Values.iwddm.db.dbname }}
IWDDM_DB_USER: {{ include "iwddm.str" .Values.iwddm.db.user }}
{{- end -}}

{{/* URLs that may carry a password (user:password@host) go into a Secret, never a ConfigMap. */}}
{{- define "iwddm.urlSecretVars" -}}
{{- $env := .Values.iwddm.env -}}
{{- with $env.httpProxyUrl }}
IWDDM_HTTP_PROXY_URL: {{ . | toString | b64enc | quote }}
{{- end }}
{{- with $env.httpsProxyUrl }}
IWDDM_HTTPS_PROXY_URL: {{ . | toString | b64enc | quote }}
{{- end }}
{{- with ($env.monitoring).pushgateway_url }}
IWDDM_PUSHGATEWAY_URL: {{ . | toString | b64enc | quote }}
{{- end }}
{{- end -}}

{{/* volumes: the seed's template string (rendered with tpl), or a plain list. */}}
{{- define "iwddm.userVolumes" -}}
{{- with .Values.iwddm.volumes }}
{{- if kindIs "string" . }}
{{ tpl . $ }}
{{- else }}
{{ toYaml . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* volumeMounts: a template string (seed "Secrets" sample), a list, or a map name -> {readOnly, mountPath} (seed "Deploy" sample). */}}
{{- define "iwddm.userVolumeMounts" -}}
{{- with .Values.iwddm.volumeMounts }}
{{- if kindIs "string" . }}
{{ tpl . $ }}
{{- else if kindIs "slice" . }}
{{ toYaml . }}
{{- else }}
{{- range $name, $mount := . }}
- name: {{ $name }}
  {{- if not $mount.mountPath }}{{ fail (printf "iwddm.volumeMounts.%s: mountPath is required" $name) }}{{ end }}
  mountPath: {{ $mount.mountPath | quote }}
  readOnly: {{ $mount.readOnly | default false }}
  {{- with $mount.subPath }}
  subPath: {{ . | quote }}
  {{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}
