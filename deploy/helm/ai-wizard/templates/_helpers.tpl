{{- define "ai-wizard.labels" -}}
app.kubernetes.io/name: ai-wizard
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}

{{- define "ai-wizard.selector" -}}
app.kubernetes.io/name: ai-wizard
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The bot's drain in seconds: config.WIZARD_SHUTDOWN_GRACE read as the bot reads it (25s, 25 or 1m; 25s when unset).
*/}}
{{- define "ai-wizard.drainSeconds" -}}
{{- $grace := get .Values.config "WIZARD_SHUTDOWN_GRACE" | default "25s" | toString | lower -}}
{{- if not (regexMatch "^[0-9]{1,6}\\s*[sm]?$" $grace) -}}
{{- fail (printf "config.WIZARD_SHUTDOWN_GRACE must be seconds like 25s (or minutes like 1m), was %q" $grace) -}}
{{- end -}}
{{- $n := regexFind "^[0-9]+" $grace | atoi -}}
{{- if hasSuffix "m" $grace }}{{ mul $n 60 }}{{ else }}{{ $n }}{{ end -}}
{{- end }}

{{/*
terminationGracePeriodSeconds of the bot pods: the drain plus 10 s to close, unless set; never less than that, or
Kubernetes kills the bot while it still hands work back.
*/}}
{{- define "ai-wizard.terminationGracePeriodSeconds" -}}
{{- $drain := include "ai-wizard.drainSeconds" . | atoi -}}
{{- $needed := add $drain 10 | int -}}
{{- $seconds := .Values.terminationGracePeriodSeconds | default $needed | int -}}
{{- if lt $seconds $needed -}}
{{- fail (printf "terminationGracePeriodSeconds is %d, but the bot drains for %d s (WIZARD_SHUTDOWN_GRACE) %s %d"
    $seconds $drain "and needs 10 s more to close: set it to at least" $needed) -}}
{{- end -}}
{{- $seconds -}}
{{- end }}
