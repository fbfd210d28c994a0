package site

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
	texttemplate "text/template"
)

// replacedTemplates are record.html's templates that pieces.go's writers
// replaced, as they were but for "pieces", which repeated "piece" line for
// line: the oracle the writers are held to.
const replacedTemplates = `{{- /* A row of a section's definition list (recordview.go). */}}
{{define "row"}}<dt>{{.Label}}</dt><dd>
  {{- if .Held}}{{template "withheld" .Held}}
  {{- else if .Missing}}<span class="missing">[[t "notstated"]]</span>
  {{- else}}{{template "pieces" .Value}}{{end -}}
</dd>{{end}}

{{- /* What the page says of a withheld field. */}}
{{define "withheld"}}<span class="withheld"><span class="icon" aria-hidden="true">🔒</span>[[t "withheld"]]</span>{{with .Reason}} <span class="reason">([[t "reason"]]: {{.}})</span>{{end}}{{end}}

{{- /* Free text: paragraphs of lines. */}}
{{define "paras"}}{{range .}}<p>{{range $i, $line := .}}{{if $i}}<br>{{end}}{{$line}}{{end}}</p>{{end}}{{end}}

{{- define "time"}}{{if .Datetime}}<time datetime="{{.Datetime}}">{{.Text}}</time>{{else}}{{.Text}}{{end}}{{end}}

{{- /* What a field shows (recordview.go): one piece after another. record.html wrote out "piece" here
again; its whitespace trimmed, this is the same. */}}
{{define "pieces"}}{{range .}}{{template "piece" .}}{{end}}{{end}}

{{- define "piece"}}
  {{- if .Text}}{{.Text}}
  {{- else if .Time}}{{template "time" .Time}}
  {{- else if .Paras}}{{if .Lang}}<div lang="{{.Lang}}">{{template "paras" .Paras}}</div>{{else}}{{template "paras" .Paras}}{{end}}
  {{- else if .Link}}{{with .Link}}<a href="{{.Href}}"{{if .Site}}{{else}} rel="noopener"{{end}}>{{.Text}}</a>{{end}}
  {{- else if .List}}<ul class="plain">{{range .List}}<li>{{template "piece" .}}</li>{{end}}</ul>
  {{- else if .Para}}{{with .Para}}<p>{{if .Strong}}<strong>{{.Label}}:</strong> {{else if .Label}}{{.Label}}: {{end}}{{template "pieces" .Value}}</p>{{end}}
  {{- else if .Lines}}{{range $i, $line := .Lines}}{{if $i}}<br>{{end}}{{$line}}{{end}}
  {{- else if .Code}}<code>{{.Code}}</code>
  {{- else if .Mail}}<a href="mailto:{{.Mail}}">{{.Mail}}</a>
  {{- else if .Muted}}<span class="muted">{{.Muted}}</span>
  {{- end}}
{{- end}}
`

// replacedChecklist are the templates of the checklist's lines that
// pieces.go's writers replaced, as they were.
const replacedChecklist = `{{define "problem"}}<li>{{template "level" .}} <a href="{{.URL}}">{{.Label}}</a> <span class="meta">({{.Ref}})</span><ul>{{range .Findings}}<li>{{template "finding" .}}</li>{{end}}</ul></li>
{{end}}

{{- define "other"}}<li>{{template "level" .}} {{template "finding" .}}</li>
{{end}}

{{- define "notchecked"}}<li>{{template "level" .}} <a href="{{.URL}}">{{.Label}}</a> <span class="meta">({{.Ref}})</span></li>
{{end}}

{{- /* A finding: its rule's title, message and help, marked with the language they are in when it is not the page's. */}}
{{define "finding"}}{{with .Title}}<strong>{{.}}:</strong> {{end}}<span{{with .Mark}} lang="{{.}}"{{end}}>{{.Message}}</span>{{with .Help}} <span class="help"{{with $.Mark}} lang="{{.}}"{{end}}>{{.}}</span>{{end}} <span class="meta">[{{.Rule}}]</span>{{end}}

{{- /* A severity with its symbol, then a colon: "Fout:". */}}
{{define "level"}}<span class="sev {{.Class}}"><span class="icon" aria-hidden="true">{{.Icon}}</span>{{.Level}}:</span>{{end}}
`

// replaced parses replacedTemplates for a language as mustParseRecord
// parses record.html (the site's words set in first, escaped), and returns
// what runs one of them.
func replaced(tb testing.TB, lang string) (exec func(name string, data any) string) {
	tb.Helper()
	var withWords strings.Builder
	word := func(key string) string { return template.HTMLEscapeString(t(lang, key)) }
	if err := texttemplate.Must(texttemplate.New("words").Delims("[[", "]]").Funcs(texttemplate.FuncMap{"t": word}).
		Parse(replacedTemplates+replacedChecklist+replacedRecord)).Execute(&withWords, nil); err != nil {
		tb.Fatal(err)
	}
	tm := template.Must(template.New("replaced").Funcs(template.FuncMap{"tf": tf}).Funcs(recordFuncs(lang)).Parse(withWords.String()))
	return func(name string, data any) string {
		var b strings.Builder
		if err := tm.ExecuteTemplate(&b, name, data); err != nil {
			tb.Fatal(err)
		}
		return b.String()
	}
}

// hostileTexts are texts each escaper must get right: HTML's specials,
// NUL, '+', invalid UTF-8, percent signs, and links of every scheme.
var hostileTexts = []string{"", "Camera Markt", `<script>alert("x")</script>`, "a & b + c", "it's \"quoted\"", "nul\x00byte",
	"bad \xff\xfe utf-8", "é漢🙂", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "data:text/html,<b>x</b>",
	"http://a.example/b?c=d&e=f#g", "HTTPS://A.EXAMPLE/ä ö", "mailto:a@b.example?subject=x y", "/relative/path?q='1'",
	"../up/page.html", "%41%zz%4", "%", "tel:+31 20", "a:b/c", "https:", "x\ty\nz", "[brackets]{braces}|pipe^`"}

func randomText(rnd *rand.Rand) string {
	if rnd.IntN(3) == 0 {
		return hostileTexts[rnd.IntN(len(hostileTexts))] + hostileTexts[rnd.IntN(len(hostileTexts))]
	}
	return hostileTexts[rnd.IntN(len(hostileTexts))]
}

func randomLines(rnd *rand.Rand) []string {
	lines := make([]string, rnd.IntN(3))
	for i := range lines {
		lines[i] = randomText(rnd)
	}
	return lines
}

// randomPiece is a piece with any of its parts set, as recordview.go
// never makes them (several at once, empty lists) as well as it does.
func randomPiece(rnd *rand.Rand, depth int) piece {
	var p piece
	for range 1 + rnd.IntN(2) {
		switch rnd.IntN(11) {
		case 0:
			p.Text = randomText(rnd)
		case 1:
			p.Time = &timePiece{Datetime: randomText(rnd), Text: randomText(rnd)}
		case 2:
			for range rnd.IntN(3) {
				p.Paras = append(p.Paras, randomLines(rnd))
			}
			p.Lang = randomText(rnd)
		case 3:
			p.Link = &linkPiece{Href: randomText(rnd), Text: randomText(rnd), Site: rnd.IntN(2) == 0}
		case 4:
			if depth < 3 {
				for range rnd.IntN(3) {
					p.List = append(p.List, randomPiece(rnd, depth+1))
				}
			}
		case 5:
			if depth < 3 {
				p.Para = &paraPiece{Label: randomText(rnd), Strong: rnd.IntN(2) == 0, Value: randomPieces(rnd, depth+1)}
			}
		case 6:
			p.Lines = randomLines(rnd)
		case 7:
			p.Code = randomText(rnd)
		case 8:
			p.Mail = randomText(rnd)
		case 9:
			p.Muted = randomText(rnd)
		}
	}
	return p
}

func randomPieces(rnd *rand.Rand, depth int) []piece {
	ps := make([]piece, rnd.IntN(4))
	for i := range ps {
		ps[i] = randomPiece(rnd, depth)
	}
	return ps
}

// TestWritersAreTheTemplates writes thousands of random rows, pieces,
// paragraphs, dates and withheld fields with the writers and with the
// templates they replaced, in both languages, and compares them byte for
// byte: an escaping the writers get wrong fails here.
func TestWritersAreTheTemplates(t *testing.T) {
	rnd := rand.New(rand.NewPCG(15, 2026))
	for _, lang := range []string{"nl", "en"} {
		exec := replaced(t, lang)
		funcs := recordFuncs(lang)
		for i := range 3000 {
			row := fieldRow{Label: randomText(rnd), Value: randomPieces(rnd, 0)}
			switch rnd.IntN(4) {
			case 0:
				row.Held = &withheldView{Reason: randomText(rnd)}
			case 1:
				row.Missing = true
			}
			if got, want := string(appendRow(nil, lang, &row)), exec("row", &row); got != want {
				t.Fatalf("%s row %d %+v:\n got %q\nwant %q", lang, i, row, got, want)
			}
			if got, want := string(funcs["pieces"].(func([]piece) template.HTML)(row.Value)), exec("pieces", row.Value); got != want {
				t.Fatalf("%s pieces %d:\n got %q\nwant %q", lang, i, got, want)
			}
			paras := [][]string{randomLines(rnd), randomLines(rnd)}
			if got, want := string(funcs["paras"].(func([][]string) template.HTML)(paras)), exec("paras", paras); got != want {
				t.Fatalf("%s paras %d:\n got %q\nwant %q", lang, i, got, want)
			}
			tp := timePiece{Datetime: randomText(rnd), Text: randomText(rnd)}
			if got, want := string(funcs["when"].(func(timePiece) template.HTML)(tp)), exec("time", tp); got != want {
				t.Fatalf("%s time %d:\n got %q\nwant %q", lang, i, got, want)
			}
			held := withheldView{Reason: randomText(rnd)}
			withheld := funcs["withheld"].(func(any) template.HTML)
			if got, want := string(withheld(held)), exec("withheld", held); got != want {
				t.Fatalf("%s withheld %d:\n got %q\nwant %q", lang, i, got, want)
			}
			if got, want := string(withheld(&held)), exec("withheld", &held); got != want {
				t.Fatalf("%s withheld pointer %d:\n got %q\nwant %q", lang, i, got, want)
			}
		}
	}
}

func randomFinding(rnd *rand.Rand) findingView {
	return findingView{Title: randomText(rnd), Class: randomText(rnd), Icon: randomText(rnd), Level: randomText(rnd),
		Message: randomText(rnd), Help: randomText(rnd), Mark: randomText(rnd), Rule: randomText(rnd)}
}

// TestChecklistWritersAreTheTemplates compares the writers of a record
// page's checklist lines with the templates they replaced, as
// TestWritersAreTheTemplates does for its fields.
func TestChecklistWritersAreTheTemplates(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 2026))
	exec := replaced(t, "nl")
	for i := range 3000 {
		row := principleRow{URL: randomText(rnd), Ref: randomText(rnd), Label: randomText(rnd), Class: randomText(rnd),
			Icon: randomText(rnd), Level: randomText(rnd)}
		for range rnd.IntN(3) {
			row.Findings = append(row.Findings, randomFinding(rnd))
		}
		for _, name := range []string{"problem", "notchecked"} {
			if got, want := string(appendPrincipleLine(nil, name == "problem", &row)), exec(name, &row); got != want {
				t.Fatalf("%s %d %+v:\n got %q\nwant %q", name, i, row, got, want)
			}
		}
		f := randomFinding(rnd)
		if got, want := string(appendOtherLine(nil, &f)), exec("other", &f); got != want {
			t.Fatalf("other %d %+v:\n got %q\nwant %q", i, f, got, want)
		}
	}
}
