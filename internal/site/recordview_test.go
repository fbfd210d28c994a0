package site

import (
	"bytes"
	"html/template"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Every row of the field table the record page shows has what it needs: a
// Custom row its composition, a Table row its columns, and no composition
// is left without a row.
func TestEveryShownRowHasItsWriter(t *testing.T) {
	custom, tabled := map[string]bool{}, map[string]bool{}
	for _, f := range field.All {
		switch f.Display {
		case field.Custom:
			custom[f.Path] = true
			if customFields[f.Path] == nil && customSections[f.Path].show == nil {
				t.Errorf("row %s is Custom: add its composition to customFields (recordcustom.go), or show it as a Row", f.Path)
			}
		case field.Table:
			tabled[f.Path] = true
			if tables[f.Path].rows == nil {
				t.Errorf("row %s is a Table: add its columns to tables (recordtables.go)", f.Path)
			}
		}
	}
	for p := range customFields {
		if !custom[p] {
			t.Errorf("customFields composes %s, which the table does not mark Custom", p)
		}
	}
	for p := range customSections {
		if !custom[p] {
			t.Errorf("customSections shows %s, which the table does not mark Custom", p)
		}
	}
	for p := range tables {
		if !tabled[p] {
			t.Errorf("tables lists %s, which the table does not mark Table", p)
		}
	}
}

// Each field the table shows as a row appears on the record page, by its
// label, wherever a record has a value for it: a row added to the table is
// on the site without a change to the page. Checked on every record of the
// bundled register and the test register, in both languages.
func TestEveryRowWithAValueIsOnThePage(t *testing.T) {
	for _, root := range []string{"../../register", fixture} {
		reg := loadFixture(t, root)
		out, _ := build(t, reg, Options{})
		b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, r := range b.public {
			for _, lang := range b.langs {
				page := read(t, out, b.recordPath(lang, r))
				for _, s := range field.Sections {
					if s.Record != "" && s.Record != r.Kind {
						continue
					}
					for _, f := range field.Shown(s.Key, r.Kind) {
						if !f.Leaf() || f.Display != field.Row {
							continue
						}
						if _, ok := f.Value(r); !ok || r.IsWithheld(f.Path) {
							continue
						}
						seen[f.Path] = true
						if dt := "<dt>" + template.HTMLEscapeString(f.Text(lang)) + "</dt>"; !strings.Contains(page, dt) {
							t.Errorf("%s: %s has a value, but the page has no %s", b.recordPath(lang, r), f.Path, dt)
						}
					}
				}
			}
		}
		if len(seen) < 20 {
			t.Errorf("%s: only %d fields with a value were checked; the walk is broken", root, len(seen))
		}
	}
}

// hostile is text that breaks out of every context it could be put in.
const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>'"&`

// fillHostile sets every text of a record, in every structure and list the
// model has, to s, so no field of the record format escapes the check.
func fillHostile(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fillHostile(v.Elem(), s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillHostile(v.Field(i), s)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Array {
			return // polygon coordinates
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillHostile(v.Index(i), s)
		}
	case reflect.Bool:
		v.SetBool(true)
	}
}

// A record whose every text is hostile, in every field of the record
// format, yields a page where each is escaped by the template engine: no
// element, attribute or link of the record's making.
func TestHostileTextInEveryField(t *testing.T) {
	for _, tt := range []struct {
		kind record.Kind
		text string
	}{
		{record.Sensor, hostile},
		{record.Algorithm, hostile},
		{record.Sensor, "javascript:alert(1)"},
		{record.Sensor, "https://x.example/a?b=1&c=</a><script>"},
	} {
		r := &record.Record{}
		fillHostile(reflect.ValueOf(r).Elem(), tt.text)
		r.ID, r.Kind, r.File = "hostile", tt.kind, ""
		r.Publication, r.PublicationInvalid, r.Placeholders = nil, false, false
		r.PersonalData.Processed = "yes"
		reg := register.New(t.TempDir(), config.Default(), []*record.Record{r})
		b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range b.langs {
			var buf bytes.Buffer
			if err := b.recordJob(lang, b.public[0]).render(&buf); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			for _, bad := range []string{"<script>", "<img", `href="javascript:`, `"x")`} {
				if strings.Contains(page, bad) {
					i := strings.Index(page, bad)
					t.Errorf("%s %s %q: the page holds %q: ...%s...", tt.kind, lang, tt.text, bad, page[max(0, i-80):min(len(page), i+40)])
				}
			}
			if tt.text == hostile {
				escaped := "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&#34;&amp;"
				if n := strings.Count(page, escaped); n < 100 {
					t.Errorf("%s %s: the hostile text appears escaped %d times; want it in every field", tt.kind, lang, n)
				}
			}
			// Every link goes to a web address, a page of the site or an
			// e-mail address.
			for _, m := range hrefRe.FindAllStringSubmatch(page, -1) {
				if !safeHref.MatchString(m[1]) {
					t.Errorf("%s %s %q: link to %q", tt.kind, lang, tt.text, m[1])
				}
			}
		}
	}
}

var (
	hrefRe   = regexp.MustCompile(`href="([^"]*)"`)
	safeHref = regexp.MustCompile(`^(https?://|mailto:|\.\./|[a-z0-9-]+\.html|#)`)
)

// TestFrames: a frame filled in is what its template writes with the same
// HTML in its data, and a slot the engine would escape (in an attribute)
// is an error rather than a page that loses what goes there.
func TestFrames(t *testing.T) {
	sk := &skeleton{lang: "nl", kept: map[string]template.HTML{}, frames: map[frameKey]frame{}}
	head := template.HTML(`<section aria-labelledby="h-wat" class="fields"><h2 id="h-wat">Wat</h2>`)
	rows := template.HTML(`<dt>Naam</dt><dd>A &amp; B</dd>`)
	tables := []template.HTML{`<table><tr><td>1</td></tr></table>`, `<table><tr><td>2</td></tr></table>`}
	tests := []struct {
		name   string
		rows   template.HTML
		tables []template.HTML
	}{
		{"rows and tables", rows, tables},
		{"rows only", rows, nil},
		{"tables only", "", tables},
	}
	for _, tt := range tests {
		var want strings.Builder
		if err := executeRecord(&want, "nl", "section", &recordSection{Head: head, Rows: tt.rows, Tables: tt.tables}); err != nil {
			t.Fatal(err)
		}
		c := &fieldCtx{sk: sk, lang: "nl"}
		sk.heads = map[string]template.HTML{"wat": head}
		got, err := c.appendSection([]byte("before"), "wat", []byte(tt.rows), []byte(joinHTML(tt.tables, "")))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != "before"+want.String() {
			t.Errorf("%s: frame wrote\n%s\nwant\nbefore%s", tt.name, got, want.String())
		}
	}
	if _, err := sk.frame(frameKey{"principle-link", "x", 0, 1}, principleRow{URL: string(slot), Label: "x"}); err == nil {
		t.Error("a slot in an attribute makes a frame")
	}
}

// A free text that says nothing (record.Says: no letter or digit, as "-"
// or "…") is no value in the parts the page composes (the AI Act block,
// the risks, the correction route, ...), as it is none in the rows the
// table writes: the checklist calls such a field missing, and the page
// must not show it as given.
func TestATextThatSaysNothingIsNotShown(t *testing.T) {
	const nothing = "‽ ‽"
	for _, tt := range []struct {
		path string
		set  func(*record.Record)
	}{
		{"organisation.name", func(r *record.Record) { r.Organisation.Name = nothing }},
		{"legal_basis.law", func(r *record.Record) { r.LegalBasis.Law = nothing }},
		{"legal_basis.outside_public_task", func(r *record.Record) { r.LegalBasis.OutsidePublicTask = nothing }},
		{"dpia.reason", func(r *record.Record) { r.DPIA.Reason = nothing }},
		{"risks.chilling_effect", func(r *record.Record) { r.Risks.ChillingEffect = nothing }},
		{"risks.mitigations", func(r *record.Record) { r.Risks.Mitigations = nothing }},
		{"ai_act.basis", func(r *record.Record) { r.AIAct.Basis = nothing }},
		{"ai_act.annex_iii", func(r *record.Record) { r.AIAct.AnnexIII = nothing }},
		{"ai_act.exemption_6_3", func(r *record.Record) { r.AIAct.Exemption = nothing }},
		{"ai_act.literacy", func(r *record.Record) { r.AIAct.Literacy = nothing }},
		{"ai_act.eu_database_id", func(r *record.Record) { r.AIAct.EUDatabaseID = nothing }},
		{"security.measures", func(r *record.Record) { r.Security.Measures = nothing }},
		{"supplier.name", func(r *record.Record) { r.Supplier.Name = nothing }},
		{"vendor.model", func(r *record.Record) { r.Vendor.Model = nothing }},
		{"signage.description", func(r *record.Record) { r.Signage.Description = nothing }},
		{"minimisation.notes", func(r *record.Record) { r.Minimisation.Notes = nothing }},
		{"source_code.unavailable_reason", func(r *record.Record) { r.SourceCode.UnavailableReason = nothing }},
		{"correction.route", func(r *record.Record) { r.Correction.Route = nothing }},
		{"correction.desk", func(r *record.Record) { r.Correction.Desk = nothing }},
		{"summary", func(r *record.Record) { r.Summary = nothing }},
	} {
		for _, kind := range []record.Kind{record.Sensor, record.Algorithm} {
			r := &record.Record{}
			fillHostile(reflect.ValueOf(r).Elem(), "gegeven")
			r.ID, r.Kind, r.File = "niets", kind, ""
			r.Publication, r.PublicationInvalid, r.Placeholders = nil, false, false
			r.PersonalData.Processed = "yes"
			tt.set(r)
			reg := register.New(t.TempDir(), config.Default(), []*record.Record{r})
			b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
			if err != nil {
				t.Fatal(err)
			}
			for _, lang := range b.langs {
				var buf bytes.Buffer
				if err := b.recordJob(lang, b.public[0]).render(&buf); err != nil {
					t.Fatal(err)
				}
				if page := buf.String(); strings.Contains(page, "‽") {
					i := strings.Index(page, "‽")
					t.Errorf("%s, %s %s: shown as given: ...%s...", tt.path, kind, lang, page[max(0, i-120):min(len(page), i+20)])
				}
			}
		}
	}
}

// A correction route that says none, as "n.v.t.", points the resident to
// the register's desk, as a missing one does: the checklist calls it
// missing, and a page that says "Fout in uw gegevens? n.v.t." leaves the
// resident nowhere to go.
func TestACorrectionRouteThatIsNoneShowsTheDesk(t *testing.T) {
	for _, route := range []string{"", "-", "n.v.t.", "N.t.b."} {
		r := &record.Record{}
		fillHostile(reflect.ValueOf(r).Elem(), "gegeven")
		r.ID, r.Kind, r.File = "route", record.Sensor, ""
		r.Publication, r.PublicationInvalid, r.Placeholders = nil, false, false
		r.PersonalData.Processed = "yes"
		r.Correction.Route = route
		cfg := config.Default()
		cfg.Site.ReportErrorURL = "https://meldpunt.example.nl/fout"
		reg := register.New(t.TempDir(), cfg, []*record.Record{r})
		b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := b.recordJob("nl", b.public[0]).render(&buf); err != nil {
			t.Fatal(err)
		}
		// The record's own contacts stay, beside the register's desk.
		if page := buf.String(); !strings.Contains(page, "<dt>Loket</dt><dd>gegeven</dd>") ||
			!strings.Contains(page, "noemt geen eigen route") || !strings.Contains(page, `<a href="https://meldpunt.example.nl/fout" rel="noopener">Naar het meldpunt</a>`) || route != "" && strings.Contains(page, ">"+route+"<") {
			t.Errorf("route %q: the page does not point to the register's desk, or shows the route", route)
		}
	}
}

// A record that says its boa's investigate (legal_basis.boa) says so on its
// page, in the legal basis, where a reader learns why the Wet
// politiegegevens governs it; one that says nothing shows nothing of it.
func TestTheLegalBasisSaysWhenBoasInvestigate(t *testing.T) {
	reg := loadFixture(t, "../../register")
	var with, without *record.Record
	for _, r := range reg.Records {
		if r.LegalBasis == nil || !r.IsPublic() || len(r.Withheld()) > 0 {
			continue
		}
		switch {
		case with == nil:
			with = r
		case without == nil:
			without = r
		}
	}
	if with == nil || without == nil {
		t.Fatal("the bundled register has no two public records with a legal basis")
	}
	yes := true
	with.LegalBasis.Boa = &yes
	out, _ := build(t, reg, Options{})
	b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, says string
	}{{"nl", "Opsporing door boa&#39;s (Wet politiegegevens): Ja"}, {"en", "Investigation by boa&#39;s (Wet politiegegevens): Yes"}} {
		if page := read(t, out, b.recordPath(c.lang, with)); !strings.Contains(page, c.says) {
			t.Errorf("%s: the page of a record whose boa's investigate does not say %q", c.lang, c.says)
		}
		if page := read(t, out, b.recordPath(c.lang, without)); strings.Contains(page, "boa&#39;s") {
			t.Errorf("%s: the page of a record that says nothing of boa's mentions them", c.lang)
		}
	}
}

// A capability the record lists as switched off reads so on its page, in
// the capabilities row; the others read as they are, and a record that
// withholds switched_off shows none of them as off.
func TestASwitchedOffCapabilityReadsSo(t *testing.T) {
	for _, c := range []struct {
		name     string
		off      []string
		withheld bool
		nl, en   string
		marked   bool // some capability reads as switched off
	}{
		{"recording switched off", []string{"video_recording"}, false,
			"<li>Video opnemen (staat uit)</li><li>Live meekijken</li>", "<li>Records video (switched off)</li><li>Live viewing</li>", true},
		{"nothing switched off", nil, false,
			"<li>Video opnemen</li><li>Live meekijken</li>", "<li>Records video</li><li>Live viewing</li>", false},
		{"switched_off withheld", []string{"video_recording"}, true,
			"<li>Video opnemen</li><li>Live meekijken</li>", "<li>Records video</li><li>Live viewing</li>", false},
	} {
		r := &record.Record{ID: "cam", Kind: record.Sensor, Name: "Camera", Status: "active", SensorType: "camera",
			Capabilities: []string{"video_recording", "live_viewing"}, SwitchedOff: c.off}
		if c.withheld {
			r.Publication = &record.Publication{Withheld: []string{"switched_off"}}
		}
		reg := register.New(t.TempDir(), config.Default(), []*record.Record{r})
		b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []struct{ lang, says string }{{"nl", c.nl}, {"en", c.en}} {
			var buf bytes.Buffer
			if err := b.recordJob(lang.lang, b.public[0]).render(&buf); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			if !strings.Contains(page, lang.says) {
				t.Errorf("%s, %s: the page does not say %q", c.name, lang.lang, lang.says)
			}
			if marked := strings.Contains(page, "(staat uit)") || strings.Contains(page, "(switched off)"); marked != c.marked {
				t.Errorf("%s, %s: a capability reads as switched off: %v, want %v", c.name, lang.lang, marked, c.marked)
			}
		}
	}
}
