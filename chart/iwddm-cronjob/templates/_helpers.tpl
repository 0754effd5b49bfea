{{/* The chart's name, or nameOverride. */}}
{{- define "iwddm.name" -}}
{{- .Values.nameOverride | default .Chart.Name | trunc 52 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's resource name: fullnameOverride; else <release>, or <release>-<name> when the release name does not say it. */}}
{{- define "iwddm.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "iwddm.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "iwddm.selectorLabels" -}}
app.kubernetes.io/name: {{ include "iwddm.name" . }}
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
{{- $repository := required "image.repository is required: the job's image, e.g. iwddm/iwd_dm_cloud (image.registry holds the registry)" $image.repository -}}
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

{{/*
The values every install needs, checked together so one failure names all that are missing
(values.schema.json checks types and formats, not presence: the seed's defaults are empty).
*/}}
{{- define "iwddm.validate" -}}
{{- $missing := list -}}
{{- if not .Values.image.repository -}}
{{- $missing = append $missing "image.repository (the job's image, e.g. iwddm/iwd_dm_cloud)" -}}
{{- end -}}
{{- $db := .Values.iwddm.db -}}
{{- if not $db.host -}}
{{- $missing = append $missing "iwddm.db.host (the mart database's host name)" -}}
{{- end -}}
{{- if not $db.dbname -}}
{{- $missing = append $missing "iwddm.db.dbname (the mart database's name)" -}}
{{- end -}}
{{- if not $db.user -}}
{{- $missing = append $missing "iwddm.db.user (the role the job logs in with, e.g. iwddm_dm)" -}}
{{- end -}}
{{- if and (has .Values.iwddm.env.executionChain (list "intraday" "full")) (not .Values.iwddm.env.restUrl) -}}
{{- $missing = append $missing (printf "iwddm.env.restUrl (the IWD REST endpoint URL, read by the %s chain)" .Values.iwddm.env.executionChain) -}}
{{- end -}}
{{- if and $db.secret.enabled (not $db.secret.password) -}}
{{- $missing = append $missing "iwddm.db.secret.password is required when iwddm.db.secret.enabled is true" -}}
{{- end -}}
{{- if and $db.secret.enabled ($db.existingSecret).name -}}
{{- $missing = append $missing "iwddm.db.existingSecret.name: set either it or iwddm.db.secret.enabled, not both" -}}
{{- end -}}
{{- if $missing -}}
{{- fail (printf "missing or conflicting values: %s" (join "; " $missing)) -}}
{{- end -}}
{{- end -}}

{{/*
The schedule period in seconds: prometheusRule.schedulePeriodSeconds, else derived from the
minute and hour fields of iwddm.cronjob.schedule (every N minutes, a list of minutes, hourly,
every N hours, a list of hours, daily; the day fields are ignored). 0 when it cannot be derived.
*/}}
{{- define "iwddm.schedulePeriodSeconds" -}}
{{- $explicit := .Values.prometheusRule.schedulePeriodSeconds -}}
{{- $s := .Values.iwddm.cronjob.schedule | toString | trim -}}
{{- $f := regexSplit "\\s+" $s -1 -}}
{{- $period := 0 -}}
{{- if $explicit -}}
{{- $period = int $explicit -}}
{{- else if eq $s "@hourly" -}}
{{- $period = 3600 -}}
{{- else if has $s (list "@daily" "@midnight") -}}
{{- $period = 86400 -}}
{{- else if eq (len $f) 5 -}}
{{- $m := index $f 0 -}}
{{- $h := index $f 1 -}}
{{- if eq $m "*" -}}
{{- $period = 60 -}}
{{- else if regexMatch "^\\*/[0-9]+$" $m -}}
{{- $period = mul 60 (trimPrefix "*/" $m | atoi) -}}
{{- else if regexMatch "^[0-9]+(,[0-9]+)+$" $m -}}
{{- $period = div 3600 (len (splitList "," $m)) -}}
{{- else if regexMatch "^[0-9]+$" $m -}}
{{- if eq $h "*" -}}
{{- $period = 3600 -}}
{{- else if regexMatch "^\\*/[0-9]+$" $h -}}
{{- $period = mul 3600 (trimPrefix "*/" $h | atoi) -}}
{{- else if regexMatch "^[0-9]+(,[0-9]+)*$" $h -}}
{{- $period = div 86400 (len (splitList "," $h)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $period -}}
{{- end -}}

{{/* activeDeadlineSeconds: the value, else the run's time budget + 240 s (start-up, the last page, closing days), else 3600. */}}
{{- define "iwddm.activeDeadlineSeconds" -}}
{{- $cron := .Values.iwddm.cronjob -}}
{{- $budget := .Values.iwddm.env.runMaxSeconds | toString -}}
{{- if $cron.activeDeadlineSeconds -}}
{{- int $cron.activeDeadlineSeconds -}}
{{- else if regexMatch "^[0-9]+$" $budget -}}
{{- add (atoi $budget) 240 -}}
{{- else -}}
3600
{{- end -}}
{{- end -}}

{{/* startingDeadlineSeconds: the value, else half the schedule period (at least 10, at most 300). */}}
{{- define "iwddm.startingDeadlineSeconds" -}}
{{- $value := .Values.iwddm.cronjob.startingDeadlineSeconds -}}
{{- $period := include "iwddm.schedulePeriodSeconds" . | int -}}
{{- if $value -}}
{{- int $value -}}
{{- else if gt $period 0 -}}
{{- max 10 (min 300 (div $period 2)) -}}
{{- else -}}
300
{{- end -}}
{{- end -}}

{{/* Scheduling and security of a pod (the job's and the helm test's). */}}
{{- define "iwddm.podPlacement" -}}
{{- include "iwddm.imagePullSecrets" . }}
{{- with .Values.iwddm.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.iwddm.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.iwddm.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.iwddm.priorityClassName }}
priorityClassName: {{ . | quote }}
{{- end }}
{{- with .Values.podSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The container's envFrom and env: how the job (and the helm test, alike) gets its configuration and secrets. */}}
{{- define "iwddm.containerEnv" -}}
{{- $env := .Values.iwddm.env -}}
{{- $wfm := $env.wfm | default dict -}}
{{- $gauth := $wfm.gauth | default dict -}}
envFrom:
  - configMapRef:
      name: {{ include "iwddm.fullname" . }}
  {{- if .Values.iwddm.db.createConfigmap }}
  - configMapRef:
      name: {{ include "iwddm.fullname" . }}-db
  {{- end }}
  {{- if include "iwddm.urlSecretVars" . }}
  - secretRef:
      name: {{ include "iwddm.fullname" . }}-urls
  {{- end }}
  {{- with .Values.iwddm.extraEnvFrom }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
env:
  {{- if not .Values.iwddm.db.createConfigmap }}
  {{- range $name, $value := (include "iwddm.dbVars" . | fromYaml) }}
  - name: {{ $name }}
    value: {{ $value | quote }}
  {{- end }}
  {{- end }}
  {{- if .Values.iwddm.db.secret.enabled }}
  - name: IWDDM_DB_PASSWORD
    valueFrom:
      secretKeyRef:
        name: {{ include "iwddm.dbSecretName" . }}
        key: IWDDM_DB_PASSWORD
  {{- else if (.Values.iwddm.db.existingSecret).name }}
  - name: IWDDM_DB_PASSWORD
    valueFrom:
      secretKeyRef:
        name: {{ .Values.iwddm.db.existingSecret.name }}
        key: {{ .Values.iwddm.db.existingSecret.key | default "IWDDM_DB_PASSWORD" }}
  {{- end }}
  {{- if ($env.apiKeySecret).name }}
  - name: IWDDM_API_KEY
    valueFrom:
      secretKeyRef:
        name: {{ $env.apiKeySecret.name }}
        key: {{ $env.apiKeySecret.key | default "IWDDM_API_KEY" }}
  {{- end }}
  {{- if and $wfm.enabled $gauth.enabled }}
  {{- $ref := (($gauth.client_secret).valueFrom).secretKeyRef }}
  {{- if not (and $ref ($ref).name ($ref).key) }}
  {{- fail "iwddm.env.wfm.gauth.client_secret.valueFrom.secretKeyRef (name, key) is required when WFM GAuth is enabled" }}
  {{- end }}
  - name: IWDDM_WFM_GAUTH_CLIENT_SECRET
    valueFrom:
      {{- toYaml $gauth.client_secret.valueFrom | nindent 6 }}
  {{- end }}
  {{- with .Values.iwddm.extraEnv }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/* The container's volume mounts: a writable /tmp (the root filesystem is read-only), then the user's. */}}
{{- define "iwddm.containerVolumeMounts" -}}
volumeMounts:
  - name: iwddm-tmp
    mountPath: /tmp
  {{- include "iwddm.userVolumeMounts" . | nindent 2 }}
{{- end -}}

{{- define "iwddm.podVolumes" -}}
volumes:
  - name: iwddm-tmp
    emptyDir:
      sizeLimit: 16Mi
  {{- include "iwddm.userVolumes" . | nindent 2 }}
{{- end -}}

{{- define "iwddm.containerSecurityContext" -}}
securityContext:
  {{- toYaml (.Values.iwddm.securityContext | default .Values.defaultContainerSecurityContext) | nindent 2 }}
{{- end -}}
