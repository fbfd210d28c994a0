// Package testgen generates large, varied and valid registers for benchmarks
// and tests: about two thirds sensors and one third algorithms, every
// sensor_type, allowed capability mixes, WGS84 points, Rijksdriehoek points
// and mobile sensors with polygons, data-sharing agreements, incidents,
// exceptions, multi-line text and Dutch characters, all following the record
// format (design v1) so they validate clean against the schemas.
//
// Output is a function of the seed and the record's index alone: Record(i,
// seed) gives the same bytes whether it is called on its own or from Write,
// and whatever the number of records, so a history benchmark can commit
// record i to a Git repository itself and a register of n records is a
// prefix of one of n+1.
package testgen

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/record"
)

// Kinds as Record returns them and as they appear in a record's kind field.
const (
	KindSensor    = string(record.Sensor)
	KindAlgorithm = string(record.Algorithm)
)

// ErrNotEmpty is returned by Write when the target folder already holds files:
// a generated register never overwrites or mixes with real records.
var ErrNotEmpty = errors.New("folder is not empty")

// anchor is the fixed "today" of generated registers. Dates come from it,
// never from the clock, so output does not change from one day to the next.
var anchor = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

// KindOf returns the kind of record i: every third record is an algorithm.
func KindOf(i int) string {
	if i%3 == 2 {
		return KindAlgorithm
	}
	return KindSensor
}

// Folder returns the folder under the register root for a kind ("sensors"
// or "algorithms"), or "" for anything else.
func Folder(kind string) string { return record.Kind(kind).Folder() }

// Counts returns how many sensors and algorithms Write writes for n records.
func Counts(n int) (sensors, algorithms int) {
	if n <= 0 {
		return 0, 0
	}
	return n - n/3, n / 3
}

// newRand returns the random stream of record i. PCG seeded with the pair
// (seed, i) keeps records independent of each other.
func newRand(i int, seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(i)^0x9e3779b97f4a7c15))
}

// head is what the first draws of a record's stream decide: enough to name
// it. ID needs nothing more, so an algorithm can name the sensors it uses
// without generating them.
type head struct {
	kind   string
	sensor *sensorKind
	algo   *algorithmKind
	place  *place
	id     string
}

func headOf(i int, r *rand.Rand) head {
	h := head{kind: KindOf(i), place: &places[r.IntN(len(places))]}
	if h.kind == KindSensor {
		h.sensor = pickSensorKind(r)
		h.id = h.sensor.prefix + "-" + h.place.slug + "-" + strconv.Itoa(i)
	} else {
		h.algo = &algorithmKinds[r.IntN(len(algorithmKinds))]
		h.id = h.algo.prefix + "-" + strconv.Itoa(i)
	}
	return h
}

var totalWeight = func() int {
	t := 0
	for _, k := range sensorKinds {
		t += k.weight
	}
	return t
}()

func pickSensorKind(r *rand.Rand) *sensorKind {
	w := r.IntN(totalWeight)
	for i := range sensorKinds {
		if w < sensorKinds[i].weight {
			return &sensorKinds[i]
		}
		w -= sensorKinds[i].weight
	}
	return &sensorKinds[len(sensorKinds)-1]
}

// ID returns the id of record i for a seed without generating the record.
// Ids are unique: each ends in the record's index.
func ID(i int, seed int64) string {
	return headOf(i, newRand(i, seed)).id
}

// Record generates record i (0 or more) of the register for a seed and
// returns its kind ("sensor" or "algorithm"), its id (also its file name
// without .yaml) and the YAML file. An algorithm's uses_sensors names only
// sensors with a smaller index, so any prefix of the register is consistent.
func Record(i int, seed int64) (kind string, id string, yaml []byte) {
	r := newRand(i, seed)
	h := headOf(i, r)
	g := gen{r: r, i: i, seed: seed, h: h}
	if h.kind == KindSensor {
		g.sensor()
	} else {
		g.algorithm()
	}
	return h.kind, h.id, g.d.b.Bytes()
}

// Write writes n records under dir/sensors/ and dir/algorithms/ and a
// register.yaml, creating dir when needed. It refuses a dir that holds
// anything. Files are written by a pool of workers; each is written to a
// temporary name and renamed, so a file that exists is complete.
func Write(dir string, n int, seed int64) error {
	return write(dir, n, seed, ConfigYAML(), nil)
}

// write is Write with the register.yaml to write and, when not nil, an edit
// of each record's text (another municipality's name and domain).
func write(dir string, n int, seed int64, config []byte, edit func([]byte) []byte) error {
	if n < 0 {
		return fmt.Errorf("generate: the number of records must be 0 or more, not %d", n)
	}
	if err := ensureEmpty(dir); err != nil {
		return err
	}
	for _, k := range []string{KindSensor, KindAlgorithm} {
		if err := os.MkdirAll(filepath.Join(dir, Folder(k)), 0o755); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
	}
	if err := writeFile(filepath.Join(dir, "register.yaml"), config); err != nil {
		return err
	}

	return parallel.Stream(runtime.GOMAXPROCS(0), parallel.Indexes(n), func(i int) error {
		kind, id, data := Record(i, seed)
		if edit != nil {
			data = edit(data)
		}
		return writeFile(filepath.Join(dir, Folder(kind), id+".yaml"), data)
	})
}

// ensureEmpty accepts a folder that does not exist or holds nothing.
func ensureEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("generate: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("generate into %s: %w; choose a new or empty folder", dir, ErrNotEmpty)
	}
	return nil
}

// writeFile writes data to a temporary file next to path and renames it
// into place. The temporary name starts with a dot, which the loader skips.
func writeFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("generate %s: %w", path, err)
	}
	return nil
}

// ConfigYAML returns the register.yaml Write puts at the root: the
// settings a municipality would change first, all valid.
func ConfigYAML() []byte {
	return []byte(`# Gegenereerd register voor benchmarks en tests (internal/testgen).
organisation: Gemeente Voorbeeldstad
languages: [nl, en]
site:
  title: Sensor- en algoritmeregister Voorbeeldstad
  base_url: https://register.voorbeeldstad.example/
  report_error_url: https://voorbeeldstad.example/meldpunt
  contact_email: privacy@voorbeeldstad.example
rules:
  security-audit: warning
evaluation:
  default_interval: P4Y
  intervals: {camera: P1Y, anpr_camera: P1Y, drone: P1Y}
due_within: P90D
limits:
  data_sharing_max: P3Y
  camera_lifecycle_max: P2Y
notice:
  period: P5D
`)
}

// gen holds one record's generation state.
type gen struct {
	r    *rand.Rand
	i    int
	seed int64
	h    head
	d    doc
}

// pct reports true with probability p percent.
func (g *gen) pct(p int) bool { return g.r.IntN(100) < p }

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// day returns a date between from and to days after the anchor (negative:
// before it).
func (g *gen) day(from, to int) time.Time {
	return anchor.AddDate(0, 0, from+g.r.IntN(to-from+1))
}

func ymd(t time.Time) string { return t.Format(time.DateOnly) }

// dateField writes a date, quoted in about a third of the records' fields.
func (g *gen) dateField(level int, key string, t time.Time) {
	g.d.date(level, key, ymd(t), g.pct(35))
}

// url builds an https address on the municipality's (reserved, .example)
// domain, so generated registers never point at real sites.
func (g *gen) url(path string) string {
	return "https://voorbeeldstad.example/" + path + "/" + g.h.id
}

// commonInfo is what the shared fields are made from, decided by the kind's
// generator first so the fields agree with each other.
type commonInfo struct {
	org        org
	personal   string
	theme      string
	name       string
	summary    string
	purpose    string
	status     string
	start      time.Time
	end        time.Time // zero: no end date
	interval   string
	camera     bool
	highImpact bool
}

func (g *gen) status() string {
	w := g.r.IntN(100)
	for _, s := range statuses {
		if w < s.weight {
			return s.status
		}
		w -= s.weight
	}
	return "active"
}

// lifecycle picks start and end dates that fit the status.
func (g *gen) lifecycle(c *commonInfo, maxYears int) {
	switch c.status {
	case "planned":
		c.start = g.day(20, 400)
	case "in_development":
		c.start = g.day(-200, 200)
	case "retired":
		c.start = g.day(-3600, -800)
	default:
		c.start = g.day(-3000, -30)
	}
	if c.camera || g.pct(70) {
		years := 1 + g.r.IntN(maxYears)
		c.end = c.start.AddDate(years, 0, 0)
		switch {
		case c.status == "retired" && !c.end.Before(anchor):
			c.end = anchor.AddDate(0, -1-g.r.IntN(6), 0)
		case c.status == "active" && c.end.Before(anchor) && g.pct(90):
			// Most records in use were extended; a few ran past their end
			// date, which the checklist should find.
			c.end = anchor.AddDate(0, 1+g.r.IntN(maxYears*12), 0)
		}
	}
}

// writeCommon writes the fields both kinds share, from id to evaluation;
// kindHead writes the kind's defining fields right after the owner, where a
// reader looks for them. The steps draw from the generator in this order, so
// a seed keeps giving the same register.
func (g *gen) writeCommon(c *commonInfo, kindHead func()) {
	g.identity(c)
	kindHead()
	g.purpose(c)
	g.decisions(c)
	if c.personal != "no" {
		g.legalBasis(c)
		if g.pct(30) {
			g.d.str(0, "processing_register_url", "https://voorbeeldstad.example/privacy/verwerkingsregister#"+g.h.id)
		}
	}
	g.personalData(c)
	g.dpia(c)
	g.impact(c)
	g.dates(c)
}

// identity writes what the record is and who answers for it: id to owner.
func (g *gen) identity(c *commonInfo) {
	d := &g.d
	d.str(0, "id", g.h.id)
	d.str(0, "kind", g.h.kind)
	d.str(0, "name", c.name)
	d.str(0, "summary", c.summary)
	d.str(0, "status", c.status)
	d.open(0, "organisation")
	d.str(1, "name", c.org.name)
	d.str(1, "type", c.org.typ)
	if c.org.kvk != "" {
		d.raw(1, "kvk", `"`+c.org.kvk+`"`)
	}
	o := pick(g, owners)
	d.open(0, "owner")
	d.str(1, "role", o.role)
	d.str(1, "email", o.email)
	if g.pct(40) {
		d.str(1, "department", o.department)
	}
	if g.pct(20) {
		d.raw(1, "phone", `"14 030"`)
	}
}

// purpose writes why the record exists: purpose, problem, alternatives and
// themes.
func (g *gen) purpose(c *commonInfo) {
	d := &g.d
	if g.pct(20) {
		d.block(0, "purpose", []string{c.purpose, "Zie ook de Principes voor de Digitale Samenleving."})
	} else {
		d.str(0, "purpose", c.purpose)
	}
	if g.pct(55) {
		d.str(0, "problem", pick(g, problems))
	}
	if g.pct(30) {
		d.block(0, "alternatives", pick(g, alternatives))
	}
	if g.pct(80) {
		themes := []string{c.theme}
		if g.pct(20) {
			if t := pick(g, themeList); t != c.theme {
				themes = append(themes, t)
			}
		}
		d.flow(0, "themes", themes)
	}
}

// personalData writes whether personal data is processed and which, by
// the kind of device or algorithm.
func (g *gen) personalData(c *commonInfo) {
	d := &g.d
	d.open(0, "personal_data")
	d.str(1, "processed", c.personal)
	if c.personal == "no" {
		return
	}
	cats := []string{"beeld van personen"}
	switch {
	case g.h.sensor != nil && g.h.sensor.typ == "anpr_camera":
		cats = []string{"kenteken", "tijdstip en plaats van passage"}
	case g.h.sensor != nil && g.h.sensor.typ == "wifi_bluetooth_counter":
		cats = []string{"gehashte MAC-adressen"}
	case g.h.algo != nil:
		cats = []string{"naam en adres", "BSN", "inkomen"}
	}
	d.flow(1, "categories", cats)
	if g.pct(40) {
		d.boolean(1, "special_categories", false)
	}
}

// impact writes the impact assessments and risks, more often for records
// with much impact or personal data.
func (g *gen) impact(c *commonInfo) {
	d := &g.d
	if (c.highImpact && g.pct(70)) || g.pct(8) {
		d.open(0, "assessments")
		d.item(1)
		d.first("type", pick(g, []string{"IAMA", "DEDA", "risk_analysis", "FRAIA"}))
		g.dateField(2, "date", c.start.AddDate(0, -2, 0))
		d.str(2, "url", g.url("documenten/impacttoets"))
	}
	if (c.personal != "no" && g.pct(65)) || g.pct(5) {
		d.open(0, "risks")
		d.str(1, "chilling_effect", pick(g, chilling))
		if g.pct(50) {
			d.str(1, "discrimination", pick(g, discrimination))
		}
		if g.pct(15) {
			d.str(1, "stacking", "Op dezelfde plek hangt ook een camera van een winkel; samen geven ze een vollediger beeld.")
		}
		d.str(1, "mitigations", pick(g, mitigations))
	}
}

// dates writes the life cycle and the evaluation.
func (g *gen) dates(c *commonInfo) {
	d := &g.d
	d.open(0, "lifecycle")
	g.dateField(1, "start", c.start)
	if !c.end.IsZero() {
		g.dateField(1, "end", c.end)
	}
	if g.pct(20) {
		d.str(1, "extension_criteria", "Verlengen alleen als de evaluatie laat zien dat het werkt.")
	}
	d.open(0, "evaluation")
	d.str(1, "interval", c.interval)
	if c.start.Before(anchor.AddDate(0, -6, 0)) && g.pct(75) {
		// Mostly evaluated within the last ten months; otherwise at any
		// time since the start, which is often overdue.
		days := int(anchor.Sub(c.start).Hours() / 24)
		last := anchor.AddDate(0, 0, -g.r.IntN(min(days, 300)))
		if g.pct(20) {
			last = c.start.AddDate(0, 0, g.r.IntN(days))
		}
		g.dateField(1, "last", last)
		if g.pct(60) {
			d.str(1, "outcome", pick(g, outcomes))
		}
	}
}

func (g *gen) decisions(c *commonInfo) {
	if !g.pct(65) && (c.status != "active" || !g.pct(75)) {
		return
	}
	d := &g.d
	d.open(0, "decisions")
	if c.org.typ == "private" {
		d.item(1)
		d.first("body", "college")
		d.str(2, "kind", "permit")
		g.dateField(2, "date", c.start.AddDate(0, -1, 0))
		d.str(2, "reference", g.url("vergunningen"))
		return
	}
	if c.camera {
		d.item(1)
		d.first("body", "council")
		d.str(2, "kind", "mandate")
		g.dateField(2, "date", time.Date(2015, 6, 25, 0, 0, 0, 0, time.UTC))
		d.str(2, "reference", "https://lokaleregelgeving.overheid.nl/CVDR000001")
		d.item(1)
		d.first("body", "mayor")
	} else {
		d.item(1)
		d.first("body", "college")
	}
	d.str(2, "kind", "authorisation")
	g.dateField(2, "date", c.start.AddDate(0, 0, -14-g.r.IntN(60)))
	if g.pct(50) {
		d.str(2, "reference", g.url("besluiten"))
	}
	if !c.end.IsZero() && c.status == "active" && g.pct(30) {
		d.item(1)
		d.first("body", "college")
		d.str(2, "kind", "extension")
		g.dateField(2, "date", c.start.AddDate(1, 0, 0))
	}
}

func (g *gen) legalBasis(c *commonInfo) {
	d := &g.d
	d.open(0, "legal_basis")
	switch {
	case c.camera && c.org.typ != "private":
		d.str(1, "regime", "police_data")
		d.str(1, "law", "Gemeentewet art. 151c")
		if g.pct(30) {
			d.open(1, "links")
			d.itemStr(2, "https://wetten.overheid.nl/BWBR0005416/")
		}
	case c.org.typ == "private":
		d.str(1, "regime", "gdpr")
		d.str(1, "gdpr_ground", "legitimate_interest")
	default:
		d.str(1, "regime", "gdpr")
		d.str(1, "gdpr_ground", pick(g, []string{"public_task", "public_task", "legal_obligation"}))
		if g.pct(60) {
			d.str(1, "law", "Participatiewet art. 53a")
		}
	}
}

func (g *gen) dpia(c *commonInfo) {
	d := &g.d
	switch {
	case c.personal == "no":
		if g.pct(60) {
			d.open(0, "dpia")
			d.str(1, "status", "not_required")
			d.str(1, "reason", "Verzamelt geen gegevens over personen.")
		}
	case c.status == "planned" || c.status == "in_development":
		d.open(0, "dpia")
		d.str(1, "status", "in_progress")
	default:
		d.open(0, "dpia")
		d.str(1, "status", "done")
		g.dateField(1, "date", c.start.AddDate(0, -3, 0))
		if g.pct(40) {
			d.str(1, "url", g.url("documenten/dpia"))
		}
		d.boolean(1, "public", g.pct(70))
	}
}

// tail writes the optional fields both kinds share that follow the kind's
// own location or datasets.
func (g *gen) tail(c *commonInfo) {
	d := &g.d
	if g.pct(12) {
		d.open(0, "reviews")
		d.item(1)
		d.first("body", pick(g, []string{"ethics_committee", "audit_office", "dpo", "residents"}))
		g.dateField(2, "date", c.start.AddDate(0, -1, 0))
		d.str(2, "summary", "Positief advies; meet na een jaar de effecten.")
	}
	if c.personal != "no" {
		if c.camera {
			d.str(0, "retention", pick(g, []string{"P28D", "P7D", "P14D"}))
		} else {
			d.str(0, "retention", pick(g, []string{"P1Y", "P6M", "not_stored", "P90D"}))
		}
	} else if g.pct(30) {
		d.str(0, "retention", "P5Y")
	}
	if g.pct(30) {
		d.open(0, "data_rights")
		holder := pick(g, []string{"municipality", "municipality", "shared", "supplier"})
		d.str(1, "holder", holder)
		d.boolean(1, "resale_forbidden", holder != "supplier" || g.pct(50))
	}
	if g.pct(10) {
		g.dataSharing(c)
	}
	if c.personal == "no" && g.pct(35) {
		d.open(0, "open_data")
		d.str(1, "url", "https://data.voorbeeldstad.example/dataset/"+g.h.id)
		d.str(1, "licence", pick(g, []string{"CC0-1.0", "CC-BY-4.0"}))
	}
	if g.pct(35) {
		d.open(0, "security")
		g.dateField(1, "last_audit", g.day(-1500, -10))
		if g.pct(50) {
			d.str(1, "audit_url", g.url("documenten/audit"))
		}
		d.str(1, "measures", "Versleutelde verbinding en tweestapsverificatie (BIO).")
	}
	if g.pct(30) {
		d.open(0, "supplier")
		d.str(1, "name", pick(g, []string{"Stadsdata B.V.", "Sensorix Nederland", "Gemeentelijk ICT-bedrijf", "Coöperatie Slimme Stad U.A."}))
		if g.pct(70) {
			g.dateField(1, "contract_end", c.start.AddDate(4, 0, 0))
		}
		if g.pct(50) {
			d.open(1, "conditions")
			d.itemStr(2, "GIBIT 2023")
			d.itemStr(2, "Verwerkersovereenkomst met verbod op doorverkoop")
		}
	}
	if g.pct(8) && c.start.Before(anchor.AddDate(0, 0, -2)) {
		g.incident(c) // only what has started can have had an incident
	}
	if g.pct(5) {
		e := pick(g, exceptionRules)
		on := g.day(-300, -20)
		d.open(0, "exceptions")
		d.item(1)
		d.first("rule", e.rule)
		d.str(2, "reason", e.reason)
		d.str(2, "legal_basis", e.basis)
		d.str(2, "approved_by", "College van burgemeester en wethouders")
		g.dateField(2, "approved_on", on)
		g.dateField(2, "until", on.AddDate(0, 6+g.r.IntN(6), 0))
	}
	if g.pct(40) {
		g.dateField(0, "registered_on", c.start.AddDate(0, 0, -7-g.r.IntN(60)))
	}
	g.publication(c)
	if g.pct(20) {
		d.open(0, "links")
		d.item(1)
		d.first("title", "Meer over dit project")
		d.str(2, "url", g.url("projecten"))
	}
}

func (g *gen) dataSharing(c *commonInfo) {
	d := &g.d
	d.open(0, "data_sharing")
	for k := range 1 + g.r.IntN(2) {
		p := sharingParties[(g.r.IntN(len(sharingParties))+k)%len(sharingParties)]
		start := c.start.AddDate(0, g.r.IntN(12), 0)
		d.item(1)
		d.first("party", p.party)
		d.str(2, "purpose", p.purpose)
		g.dateField(2, "start", start)
		g.dateField(2, "end", start.AddDate(1+g.r.IntN(3), 0, -1))
		d.str(2, "retention", pick(g, []string{"P28D", "P1Y", "not_stored"}))
		d.boolean(2, "onward_sharing", false)
		d.str(2, "agreement_url", g.url("convenanten"))
	}
}

func (g *gen) incident(c *commonInfo) {
	d := &g.d
	d.open(0, "incidents")
	// An incident happens while the record is in use: between its start and
	// the anchor date.
	span := int(anchor.Sub(c.start).Hours() / 24) // at least 2: see tail
	disc := c.start.AddDate(0, 0, 1+g.r.IntN(span-1)).Add(time.Duration(8+g.r.IntN(9)) * time.Hour)
	zone := time.FixedZone("CET", 3600)
	disc = time.Date(disc.Year(), disc.Month(), disc.Day(), disc.Hour(), 15*g.r.IntN(4), 0, 0, zone)
	if g.pct(60) {
		d.item(1)
		d.first("type", "data_breach")
		d.str(2, "discovered", disc.Format(time.RFC3339))
		late := g.pct(25)
		rep := disc.Add(time.Duration(2+g.r.IntN(60)) * time.Hour)
		if late {
			rep = disc.Add(time.Duration(80+g.r.IntN(100)) * time.Hour)
		}
		d.str(2, "reported", rep.Format(time.RFC3339))
		if late {
			d.str(2, "delay_reason", "Pas na onderzoek door de leverancier bleek dat het om persoonsgegevens ging.")
		}
		d.block(2, "summary", []string{
			"Een medewerker van de leverancier kon zonder nodig te zijn bij opgeslagen gegevens.",
			"De toegang is direct ingetrokken; er zijn geen aanwijzingen dat gegevens zijn gedeeld.",
		})
		return
	}
	d.item(1)
	d.first("type", "malfunction")
	d.str(2, "discovered", disc.Format(time.RFC3339))
	d.boolean(2, "notifiable", false)
	d.str(2, "summary", "Storing door een kapotte voeding; drie dagen geen metingen.")
}

func (g *gen) publication(c *commonInfo) {
	d := &g.d
	switch {
	case g.pct(4):
		d.open(0, "publication")
		d.boolean(1, "public", false)
		d.str(1, "reason", "Woo art. 5.1 lid 2 onder d: openbaarmaking zou het toezicht en de opsporing ondermijnen.")
	case g.h.kind == KindSensor && c.camera && g.pct(12):
		d.open(0, "publication")
		d.str(1, "reason", "De precieze plek van deze camera blijft geheim om sabotage te voorkomen (Woo art. 5.1 lid 2 onder d).")
		d.flow(1, "withheld", []string{"location.point", "location.point_rd"})
	}
}

// polygon returns a closed ring of [lon, lat] around a centre, 150–600 m
// across: a star-shaped outline with vertices in angular order, so it never
// crosses itself.
func (g *gen) polygon(lat, lon float64) [][2]float64 {
	n := 4 + g.r.IntN(5)
	ring := make([][2]float64, 0, n+1)
	mPerDegLat := 111_320.0
	mPerDegLon := mPerDegLat * math.Cos(lat*math.Pi/180)
	for k := range n {
		a := 2 * math.Pi * (float64(k) + 0.8*g.r.Float64()) / float64(n)
		rad := 150 + 450*g.r.Float64()
		ring = append(ring, [2]float64{
			round(lon+rad*math.Cos(a)/mPerDegLon, 6),
			round(lat+rad*math.Sin(a)/mPerDegLat, 6),
		})
	}
	return append(ring, ring[0])
}

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

func num(v float64, decimals int) string {
	return strconv.FormatFloat(v, 'f', decimals, 64)
}
