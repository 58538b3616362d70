{{- define "ai-wizard.labels" -}}
app.kubernetes.io/name: ai-wizard
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}

{{- define "ai-wizard.selector" -}}
app.kubernetes.io/name: ai-wizard
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
