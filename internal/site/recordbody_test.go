package site

import (
	"html/template"
	"math/rand/v2"
	"testing"
)

// replacedRecord is the template of a record page's content that
// recordbody.go's writer replaced, as it was, with the two parts only it
// used: the oracle the writer is held to.
const replacedRecord = `{{define "record" -}}
{{$l := .Lang -}}
<p class="kicker">{{.KindLabel}} · {{.TypeLabel}}</p>
<h1{{with .NameLang}} lang="{{.}}"{{end}}>{{.Name}}</h1>
<div class="record-meta"><p>[[t "status"]]: {{.Status}}</p><p>[[t "evalstatus"]]: {{template "sev" .Eval}}</p></div>
<div class="summary"{{with .SummaryLang}} lang="{{.}}"{{end}}>{{if .SummaryWithheld}}{{withheld .Held}}{{else}}{{paras .Summary}}{{end}}</div>
{{with .Withheld -}}
<div class="notice"><p><span class="icon" aria-hidden="true">🔒</span>[[t "withheld"]]: {{range $i, $f := .}}{{if $i}}, {{end}}{{$f}}{{end}}.{{with $.WithheldWhy}} [[t "reason"]]: {{.}}{{end}}</p></div>
{{end -}}
<p class="actions">
{{- with .ReportURL}}<a class="button" href="{{.}}">[[t "reporterror"]]</a>{{end}}
{{- with .UpdateURL}} <a class="update-entry" href="{{.}}">[[t "notify.updatelink"]]</a>{{end}}
{{- with .SourceURL}} <a href="{{.}}" type="application/yaml">[[t "source"]]</a>{{else}} <span class="meta">[[t "sourcewithheld"]]</span>{{end -}}
</p>
<section aria-labelledby="h-check" class="check"><h2 id="h-check">[[t "checklist"]]</h2>
{{if not .Checked -}}
<p><span class="sev sev-info"><span class="icon" aria-hidden="true">i</span>[[t "notchecked"]]</span></p>
{{else -}}
{{with .Problems -}}
<ul class="findings">{{range .}}{{.}}{{end}}</ul>
{{end -}}
{{with .Other -}}
<ul class="findings">{{range .}}{{.}}{{end}}</ul>
{{end -}}
{{if .Unreadable -}}
<p><span class="sev sev-info"><span class="icon" aria-hidden="true">i</span>[[t "noticksinvalid"]]</span></p>
{{end -}}
{{with .CleanLinks -}}
<details class="clean"><summary><span class="sev sev-ok"><span class="icon" aria-hidden="true">✓</span>{{$.CleanText}}</span></summary><p>{{.}}.</p></details>
{{end -}}
{{with .NotChecked -}}
<ul class="findings notchecked">{{range .}}{{.}}{{end}}</ul>
{{end -}}
{{end -}}
{{if or .Deviations .Settings}}<h3 id="h-deviations">[[t "deviations"]]</h3>{{end -}}
{{with .Deviations -}}
<p>[[t "deviationsintro"]]</p><ul class="deviations">{{range .}}<li><a href="{{.URL}}">{{.Title}}</a> <span class="meta">({{.ID}})</span>: {{tf $l "dev.setting" .Setting .Default}} {{tf $l "dev.where" .Where}} [[t "reason"]]: {{.Reason}}.{{with .Note}} <strong>{{.}}</strong>{{end}}</li>
{{end}}</ul>
{{end -}}
{{with .Settings -}}
<p>[[t "dev.settingsintro"]]</p><ul class="deviations">{{range .}}<li><code>{{.Key}}</code>: {{tf $l "dev.setting" .Value .Default}} {{tf $l "dev.where" .Where}}</li>
{{end}}</ul>
{{end -}}
</section>
{{.Sections -}}
{{if or .Uses .UsedBy -}}
<section aria-labelledby="h-related"><h2 id="h-related">[[t "related"]]</h2>
{{with .Uses}}<h3>[[t "uses_sensors_label"]]</h3><ul>{{template "related" .}}</ul>
{{end -}}
{{with .UsedBy}}<h3>[[t "usedby"]]</h3><ul>{{template "related" .}}</ul>
{{end -}}
</section>
{{end -}}
<section aria-labelledby="h-history"><h2 id="h-history">[[t "history"]]</h2>
{{with .History -}}
<div class="table-wrap" role="region" tabindex="0" aria-labelledby="cap-history"><table><caption id="cap-history">[[t "changes"]]</caption><thead><tr><th scope="col">[[t "date"]]</th><th scope="col">[[t "change"]]</th>{{if $.ShowAuthors}}<th scope="col">[[t "author"]]</th>{{end}}</tr></thead><tbody>
  {{- range .}}<tr><th scope="row">{{when .Date}}</th><td>{{.What}}{{with .Subject}}: {{.}}{{end}}{{with .Fields}}<br><span class="meta">[[t "fieldschanged"]]: {{.}}</span>{{end}}</td>{{if $.ShowAuthors}}<td>{{.Author}}</td>{{end}}</tr>{{end -}}
</tbody></table></div>
{{else -}}
<p>[[t "nohistory"]]</p>
{{end -}}
</section>
{{end}}


{{- define "sev"}}<span class="sev {{.Class}}"><span class="icon" aria-hidden="true">{{.Icon}}</span>{{.Text}}</span>{{end}}

{{- define "related"}}{{range .}}<li>{{if .URL}}<a href="{{.URL}}">{{.Name}}</a>{{else}}{{.Name}}{{end}} <span class="meta">{{.Note}}</span></li>{{end}}{{end}}
`

func randomHTML(rnd *rand.Rand) []template.HTML {
	var hs []template.HTML
	for range rnd.IntN(3) {
		hs = append(hs, template.HTML(randomText(rnd)))
	}
	return hs
}

func randomStrings(rnd *rand.Rand) []string {
	var ss []string
	for range rnd.IntN(3) {
		ss = append(ss, randomText(rnd))
	}
	return ss
}

func randomRelated(rnd *rand.Rand) []relatedLink {
	var ls []relatedLink
	for range rnd.IntN(3) {
		l := relatedLink{Name: randomText(rnd), Note: randomText(rnd)}
		if rnd.IntN(2) == 0 {
			l.URL = randomText(rnd)
		}
		ls = append(ls, l)
	}
	return ls
}

// randomBody is a record page's content with every text hostile, every
// list of zero to two items and every switch either way.
func randomBody(rnd *rand.Rand, lang string) *recordBody {
	maybe := func() string {
		if rnd.IntN(2) == 0 {
			return ""
		}
		return randomText(rnd)
	}
	r := &recordBody{Lang: lang, Name: randomText(rnd), NameLang: maybe(), KindLabel: randomText(rnd), TypeLabel: randomText(rnd),
		Status: template.HTML(randomText(rnd)), Summary: [][]string{randomLines(rnd)}, SummaryLang: maybe(),
		SummaryWithheld: rnd.IntN(3) == 0, Held: withheldView{Reason: maybe()}, Withheld: randomStrings(rnd), WithheldWhy: maybe(),
		Sections: template.HTML(randomText(rnd)), Eval: sevView{Class: randomText(rnd), Icon: randomText(rnd), Text: randomText(rnd)},
		Checked: rnd.IntN(4) > 0, Problems: randomHTML(rnd), CleanText: randomText(rnd), CleanLinks: template.HTML(maybe()),
		Unreadable: rnd.IntN(3) == 0, NotChecked: randomHTML(rnd), Other: randomHTML(rnd), Uses: randomRelated(rnd), UsedBy: randomRelated(rnd),
		ShowAuthors: rnd.IntN(2) == 0, ReportURL: maybe(), UpdateURL: maybe(), SourceURL: maybe()}
	for range rnd.IntN(3) {
		r.Deviations = append(r.Deviations, deviationView{ID: randomText(rnd), Title: randomText(rnd), Setting: randomText(rnd),
			Default: randomText(rnd), Where: randomText(rnd), Reason: randomText(rnd), Note: maybe(), URL: randomText(rnd)})
	}
	for range rnd.IntN(3) {
		r.Settings = append(r.Settings, settingView{Key: randomText(rnd), Value: randomText(rnd), Default: randomText(rnd), Where: randomText(rnd)})
	}
	for range rnd.IntN(3) {
		r.History = append(r.History, historyRow{Date: timePiece{Datetime: maybe(), Text: randomText(rnd)}, What: randomText(rnd),
			Subject: maybe(), Author: randomText(rnd), Fields: maybe()})
	}
	return r
}

// TestRecordBodyWriterIsTheTemplate writes thousands of random record
// pages' content with appendRecordBody and with the template it replaced,
// in both languages, and compares them byte for byte.
func TestRecordBodyWriterIsTheTemplate(t *testing.T) {
	rnd := rand.New(rand.NewPCG(24, 2026))
	for _, lang := range []string{"nl", "en"} {
		exec := replaced(t, lang)
		for i := range 3000 {
			body := randomBody(rnd, lang)
			if got, want := string(appendRecordBody(nil, body)), exec("record", body); got != want {
				t.Fatalf("%s record %d %+v:\n got %q\nwant %q", lang, i, body, got, want)
			}
		}
	}
}
