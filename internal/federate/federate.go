package federate

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/outdir"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/quality"
)

// Options tune a run.
type Options struct {
	// Out is the folder the national site is written to; it is replaced
	// whole when the run succeeds.
	Out string
	// Cache holds each register's part between runs (and what --fetch
	// brought in); "" means .federation-cache next to federation.yaml.
	Cache string
	// Fetch allows cloning and downloading remote sources. Without it
	// nothing reaches the network.
	Fetch   bool
	Fetcher *Fetcher
	// Today is the date the checklist and quality are measured on.
	Today time.Time
	// Validator checks each record against the schemas; nil reads records
	// without (each register's own CI validates them).
	Validator load.Validator
	// Workers is the number of registers read at once; 0 means GOMAXPROCS.
	Workers int
	// Province, when set, reads only that province's registers: one shard
	// of a federation that several jobs build.
	Province string
	// Merge builds the national site from the parts in the cache alone,
	// reading no register: the last step after shard jobs filled the cache.
	Merge bool
	// Progress, when set, gets a line per register read.
	Progress io.Writer
}

// failedSuffix names the file beside a part's folder that holds why the
// register could not be read, for a merge of shards to report.
const failedSuffix = ".failed"

// maxReason bounds the reason read from a ".failed" file: a few lines of
// text in two languages.
const maxReason = 1 << 20

// Failure is a register that could not be read: why, in English and in
// Dutch (the national site's), and, for the operator's report alone, in
// full.
type Failure struct {
	Code         string `json:"code"`
	Organisation string `json:"organisation"`
	Source       string `json:"source"`
	Reason       string `json:"reason"`
	ReasonNL     string `json:"reason_nl"`
	// Detail is the reason with what the system said and the paths of
	// the machine: never published.
	Detail label.Text `json:"-"`
}

// Refusal is a register whose open data publishes records the national
// register keeps out (Part.Refused): their publication block does not
// read, or they hold a template's marks. The records stay out; the run
// reports them, so the municipality can be asked to correct its site.
type Refusal struct {
	Code         string `json:"code"`
	Organisation string `json:"organisation"`
	Source       string `json:"source"`
	Records      int    `json:"records"`
}

// Totals are national sums.
type Totals struct {
	Records     int `json:"records"`
	Sensors     int `json:"sensors"`
	Algorithms  int `json:"algorithms"`
	Unpublished int `json:"unpublished"`
	Located     int `json:"located_sensors"`
}

// Counts are the national counts of public records.
type Counts struct {
	SensorTypes  []count `json:"sensor_types"`
	Capabilities []count `json:"capabilities"`
	RiskGroups   []count `json:"risk_groups"`
	// Principles is, per principle, the public records without its
	// findings, of all public records checked.
	Principles []quality.Principle `json:"principles"`
}

// Result is what a run did.
type Result struct {
	Parts  []*Part
	Failed []Failure
	// Refused lists the registers read whose open data publishes records
	// kept out of the national register.
	Refused []Refusal
	// Unreadable lists the registers read whose open data holds records
	// that do not read as records or share an id, kept out too.
	Unreadable []Unreadable
	Reused     int
	Total      Totals
	Counts     Counts
	Quality    []quality.Municipality
	// DCATNote says why the catalogue was left out, in either language; the
	// zero Phrase (worded "") when it was written.
	DCATNote message.Phrase
}

// Run reads every register of the federation (or takes it from the cache),
// then writes the national site and open data to opts.Out. A register that
// cannot be read is a Failure in the result, never an error: the error is
// for the run itself (the output folder cannot be written).
func Run(f *Federation, opts Options) (*Result, error) {
	if opts.Cache == "" {
		opts.Cache = filepath.Join(f.Dir, ".federation-cache")
	}
	if opts.Today.IsZero() {
		opts.Today = period.Today(time.Now())
	}
	var members []Member
	for _, m := range f.Members {
		if opts.Province == "" || strings.EqualFold(m.Province, opts.Province) {
			members = append(members, m)
		}
	}
	outcomes := readMembers(f, opts, members)
	if err := pruneCache(opts.Cache, f.Members); err != nil {
		return nil, err
	}

	res := &Result{}
	var dirs []string
	for i, o := range outcomes {
		if o.err != nil {
			m := members[i]
			r, detail := reasonOf(o.err, m, f.Dir, opts.Cache)
			reason := r.public(m.Source)
			res.Failed = append(res.Failed, Failure{Code: m.Code, Organisation: m.Organisation, Source: publicSource(m.Source),
				Reason: reason.In(message.English), ReasonNL: reason.In(message.Dutch), Detail: detail})
			continue
		}
		res.Parts = append(res.Parts, o.part)
		dirs = append(dirs, o.dir)
		if n := o.part.Refused; n > 0 {
			res.Refused = append(res.Refused, Refusal{Code: o.part.Code, Organisation: o.part.Organisation, Source: publicSource(o.part.Source), Records: n})
		}
		if rs := o.part.Rejected; len(rs) > 0 {
			res.Unreadable = append(res.Unreadable, Unreadable{Code: o.part.Code, Organisation: o.part.Organisation, Source: publicSource(o.part.Source), Records: rs})
		}
		if o.reused {
			res.Reused++
		}
	}
	res.sum()
	err := outdir.Replace(opts.Out, func(tmp string) error { return res.write(tmp, f, opts.Today, dirs) })
	if err != nil {
		return nil, err
	}
	return res, nil
}

// memberOutcome is what reading one member's register gave.
type memberOutcome struct {
	part   *Part
	dir    string // the part's folder
	reused bool   // the part was taken from the cache
	err    error
}

// readMembers reads the members' registers with opts.Workers at a time
// (default: one per processor), and returns their outcomes in order.
func readMembers(f *Federation, opts Options, members []Member) []memberOutcome {
	workers := cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))
	outcomes := make([]memberOutcome, len(members))
	mo := memberOptions{dir: f.Dir, cache: opts.Cache, fetch: opts.Fetch, fetcher: opts.Fetcher, today: opts.Today, validator: opts.Validator}
	var mu sync.Mutex
	parallel.EachOn(workers, len(members), func(i int) {
		start := time.Now()
		outcomes[i] = readMember(f, opts, mo, members[i])
		if opts.Progress != nil {
			mu.Lock()
			reportProgress(opts.Progress, members[i], outcomes[i], start)
			mu.Unlock()
		}
	})
	return outcomes
}

// readMember reads one member's register into its part, or with opts.Merge
// takes the part a shard left in the cache. A shard keeps the reason it
// could not read a register for the merge that reports it, and clears it
// when it reads the register again.
func readMember(f *Federation, opts Options, mo memberOptions, m Member) memberOutcome {
	var o memberOutcome
	part := cached{opts.Cache, "parts/" + m.Code}
	failed := cached{opts.Cache, part.name + failedSuffix}
	if opts.Merge {
		o.dir, o.reused = part.String(), true
		// The last shard's word: a register it could not read is not
		// read, though an earlier job left its part.
		switch why, err := readLimited(failed.String(), maxReason); {
		case err == nil:
			o.err = decodeReason(why, m, failed)
			return o
		case !errors.Is(err, fs.ErrNotExist):
			o.err = err
			return o
		}
		o.part, o.err = readPart(o.dir)
		switch {
		case o.err != nil:
			o.err = fail(o.err, msgNoPart)
		case o.part.Key != partKey(m, o.part.Kind, o.part.SourceKey):
			// Made by another version, which may publish what this one
			// keeps out, or for another entry: nothing of it is used.
			o.part, o.err = nil, fail(nil, msgStalePart, part)
		}
		return o
	}
	o.part, o.dir, o.reused, o.err = safeProcess(m, mo)
	if o.err != nil {
		if os.MkdirAll(filepath.Dir(failed.String()), 0o755) == nil {
			reason, _ := reasonOf(o.err, m, f.Dir, opts.Cache)
			_ = atomicfile.Write(failed.String(), encodeReason(reason, m), 0o644)
		}
	} else {
		_ = os.Remove(failed.String())
	}
	return o
}

// reportProgress writes a line on how reading a member's register went.
func reportProgress(w io.Writer, m Member, o memberOutcome, start time.Time) {
	switch {
	case o.err != nil:
		fmt.Fprintf(w, "%s %s: not read: %v\n", m.Code, m.Organisation, o.err)
	case o.reused:
		fmt.Fprintf(w, "%s %s: unchanged, %d records\n", m.Code, m.Organisation, o.part.Records)
	default:
		fmt.Fprintf(w, "%s %s: %d records in %s\n", m.Code, m.Organisation, o.part.Records, time.Since(start).Round(time.Millisecond))
	}
}

// reasonOf is why a register could not be read: as the site publishes
// it, built from known words and the source as federation.yaml gives it
// (reasonFor), never by scrubbing what the system said; and in full
// for the operator's report, the source without the credentials a clone
// URL may carry.
func reasonOf(err error, m Member, dir, cache string) (public reason, full label.Text) {
	public = reasonFor(err, placeNames(m, dir, cache))
	for i, reason := range wordedReason(err) {
		full[i] = strings.ReplaceAll(reason, m.Source, publicSource(m.Source))
	}
	return public, full
}

// safeProcess is process with a panic turned into a failure of that one
// register: a hostile register must not stop the others.
func safeProcess(m Member, o memberOptions) (p *Part, dir string, reused bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fail(fmt.Errorf("%v", r), msgBug)
		}
	}()
	return process(m, o)
}

// sum adds the parts up.
func (r *Result) sum() {
	types, caps, risks := map[string]int{}, map[string]int{}, map[string]int{}
	prin := map[string]*quality.Principle{}
	for _, p := range r.Parts {
		r.Total.Records += p.Records
		r.Total.Sensors += p.Sensors
		r.Total.Algorithms += p.Algorithms
		r.Total.Unpublished += p.Unpublished
		r.Total.Located += p.Located
		add(types, p.SensorTypes)
		add(caps, p.Capabilities)
		add(risks, p.RiskGroups)
		for _, q := range p.Quality.Principles {
			x := prin[q.Principle]
			if x == nil {
				x = &quality.Principle{Principle: q.Principle, Rules: q.Rules}
				prin[q.Principle] = x
			}
			x.Clean += q.Clean
			x.Of += q.Of
		}
		r.Quality = append(r.Quality, quality.Municipality{Code: p.Code, Organisation: p.Organisation, Summary: p.Quality})
	}
	r.Counts = Counts{SensorTypes: counts("sensor_type", types), Capabilities: counts("capabilities", caps),
		RiskGroups: counts("ai_act.category", risks), Principles: []quality.Principle{}}
	for _, k := range slices.Sorted(maps.Keys(prin)) {
		r.Counts.Principles = append(r.Counts.Principles, *prin[k])
	}
	if r.Quality == nil {
		r.Quality = []quality.Municipality{}
	}
}

func add(to, from map[string]int) {
	for k, n := range from {
		to[k] += n
	}
}

// counts lists a tally most first, each value with its Dutch label.
func counts(field string, m map[string]int) []count {
	out := make([]count, 0, len(m))
	for v, n := range m {
		l := label.Value("nl", field, v)
		switch v {
		case "":
			l = "niet opgegeven"
		case RiskNotStated:
			l = "geen AI-profiel opgegeven"
		case ValueWithheld:
			l = publish.NotPublicNL
		}
		out = append(out, count{Value: v, Label: l, N: n})
	}
	slices.SortFunc(out, func(a, b count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Value, b.Value)) })
	return out
}

// write writes the national site and open data into dir.
func (r *Result) write(dir string, f *Federation, today time.Time, parts []string) error {
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(filepath.Join(dir, "gemeenten"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(data, 0o755); err != nil {
		return err
	}
	if err := r.writeData(data, f, today, parts); err != nil {
		return err
	}
	hasDCAT, err := r.writeCatalogue(data, f)
	if err != nil {
		return err
	}
	if err := r.writePages(dir, f, today, hasDCAT); err != nil {
		return err
	}
	if err := r.copyParts(dir, parts); err != nil {
		return err
	}
	return writeAssets(dir)
}

// memberRow is a municipality read, as the open data lists it.
type memberRow struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	Province     string `json:"province,omitempty"`
	Records      int    `json:"records"`
	Unpublished  int    `json:"unpublished_records"`
	Site         string `json:"site,omitempty"`
	Commit       string `json:"commit,omitempty"`
	Source       string `json:"source"`
	SourceKind   string `json:"source_kind"`
	SkippedLines int    `json:"unreadable_records,omitempty"`
	Refused      int    `json:"refused_records,omitempty"`
}

// writeData writes the open data into the folder data: the register and the
// sensors' features streamed from the parts, the federation's members and
// failures, the counts and the quality.
func (r *Result) writeData(data string, f *Federation, today time.Time, parts []string) error {
	ms := make([]memberRow, 0, len(r.Parts))
	for _, p := range r.Parts {
		ms = append(ms, memberRow{Code: p.Code, Name: p.Organisation, Province: p.Province, Records: p.Records, Unpublished: p.Unpublished,
			Site: safeURL(p.Site), Commit: p.Commit, Source: publicSource(p.Source), SourceKind: string(p.Kind), SkippedLines: len(p.Rejected), Refused: p.Refused})
	}
	head, err := json.Marshal(struct {
		Title          string      `json:"title"`
		Organisation   string      `json:"organisation,omitempty"`
		Date           string      `json:"date"`
		Unpublished    int         `json:"unpublished_records"`
		Municipalities []memberRow `json:"municipalities"`
	}{f.Title, f.Organisation, period.Format(today), r.Total.Unpublished, ms})
	if err != nil {
		return err
	}
	// register.json streams the parts' lines: a million records never sit
	// in memory at once.
	if err := writeList(filepath.Join(data, "register.json"), string(head[:len(head)-1])+`,"records":[`, "]}\n", parts, partRecords); err != nil {
		return err
	}
	if err := writeList(filepath.Join(data, "sensors.geojson"), `{"type":"FeatureCollection","features":[`, "]}\n", parts, partFeatures); err != nil {
		return err
	}
	failed := r.Failed
	if failed == nil {
		failed = []Failure{}
	}
	if err := writeJSON(filepath.Join(data, "federation.json"), struct {
		Date    string      `json:"date"`
		Read    []memberRow `json:"read"`
		Failed  []Failure   `json:"failed"`
		Missing int         `json:"failed_count"`
	}{period.Format(today), ms, failed, len(failed)}); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(data, "counts.json"), struct {
		Date string `json:"date"`
		Totals
		Counts
	}{period.Format(today), r.Total, r.Counts}); err != nil {
		return err
	}
	return atomicfile.WriteFrom(filepath.Join(data, "quality.json"), 0o644, func(w io.Writer) error {
		return quality.WriteFederation(w, "json", "en", r.Quality)
	})
}

var msgNoCatalogue = message.New("no DCAT catalogue: set base_url in federation.yaml (the national site's address) to publish one",
	"geen DCAT-catalogus: zet base_url in federation.yaml (het adres van de landelijke site) om er een te publiceren")

// writeCatalogue writes the DCAT catalogue into the folder data when the
// federation has a base URL, and reports whether it did; without one it
// says why in r.DCATNote.
func (r *Result) writeCatalogue(data string, f *Federation) (bool, error) {
	if f.BaseURL == "" {
		r.DCATNote = msgNoCatalogue.With()
		return false, nil
	}
	cfg := config.Default()
	cfg.Organisation = cmp.Or(f.Organisation, f.Title)
	cfg.Site.Title = f.Title
	cfg.Site.BaseURL = f.BaseURL
	cfg.OpenData.PublisherURI = f.PublisherURI
	cfg.Languages = []string{"nl"}
	if err := atomicfile.WriteFrom(filepath.Join(data, "catalog.jsonld"), 0o644, func(w io.Writer) error {
		return opendata.WriteDCAT(w, cfg, opendata.Dates{}, nationalDatasets())
	}); err != nil {
		return false, err
	}
	return true, nil
}

// writePages writes the national site's pages into dir.
func (r *Result) writePages(dir string, f *Federation, today time.Time, hasDCAT bool) error {
	n := national{page: page{Title: f.Title, Today: period.Format(today), Members: len(r.Parts)}, Parts: r.Parts, Failed: r.Failed,
		Total: r.Total, Counts: r.Counts, Quality: r.Quality, QualitySVG: quality.FederationChart(r.Quality), HasDCAT: hasDCAT}
	cells := map[string]int{}
	for _, p := range r.Parts {
		add(cells, p.Cells)
	}
	n.MapSVG = mapSVG(cells)
	for name, tmpl := range map[string]string{"index.html": "index", "kaart.html": "map", "kwaliteit.html": "quality", "opendata.html": "opendata", "zoeken.html": "search"} {
		n.Page = map[string]string{"index": "Overzicht", "map": "Kaart", "quality": "Kwaliteit", "opendata": "Open data", "search": "Zoeken"}[tmpl]
		var b bytes.Buffer
		if err := pages.ExecuteTemplate(&b, tmpl, n); err != nil {
			return fmt.Errorf("render %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copyParts copies each municipality's page and search lines from its part
// into dir, and writes the search page's list of municipalities.
func (r *Result) copyParts(dir string, parts []string) error {
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(filepath.Join(data, "zoek"), 0o755); err != nil {
		return err
	}
	var index strings.Builder // the search page's list of municipalities
	for i, p := range r.Parts {
		if err := copyFile(filepath.Join(parts[i], partPage), filepath.Join(dir, "gemeenten", p.Code+".html")); err != nil {
			return err
		}
		if err := copyFile(filepath.Join(parts[i], partSearch), filepath.Join(data, "zoek", p.Code+".tsv")); err != nil {
			return err
		}
		fmt.Fprintf(&index, "%s\t%s\t%s\n", p.Code, strings.ReplaceAll(p.Province, "\t", " "), strings.ReplaceAll(p.Organisation, "\t", " "))
	}
	return os.WriteFile(filepath.Join(data, "zoek", "gemeenten.tsv"), []byte(index.String()), 0o644)
}

// publicSource shows a source in public outputs: an address without the
// credentials a clone URL may carry (https://user:token@host/...).
func publicSource(s string) string {
	if i := strings.Index(s, "://"); i >= 0 {
		rest := s[i+3:]
		if at := strings.Index(rest, "@"); at >= 0 && (strings.Index(rest, "/") < 0 || at < strings.Index(rest, "/")) {
			return s[:i+3] + rest[at+1:]
		}
	}
	return s
}

// nationalDatasets are the national open data the catalogue describes.
func nationalDatasets() []opendata.Dataset {
	return []opendata.Dataset{
		{ID: "register", Title: label.Text{"Landelijk sensor- en algoritmeregister", "National sensor and algorithm register"},
			Description: label.Text{"Alle openbare registraties van sensoren en algoritmes van de gemeenten, in het registerformaat, elk met de gemeente.", "Every public record of the municipalities' sensors and algorithms, in the record format, each with its municipality."},
			Keywords:    []string{"sensoren", "algoritmes", "gemeenten", "transparantie"},
			Distributions: []opendata.Distribution{{Path: "data/register.json", MediaType: "application/json", Title: label.Text{"Register (JSON)", "Register (JSON)"}},
				{Path: "data/counts.json", MediaType: "application/json", Title: label.Text{"Landelijke tellingen (JSON)", "National counts (JSON)"}}}},
		{ID: "sensors", Title: label.Text{"Sensoren op de kaart", "Sensors on the map"},
			Description: label.Text{"Elke sensor met een openbare plek, met zijn gemeente.", "Every sensor with a public position, with its municipality."},
			Keywords:    []string{"sensoren", "camera's", "kaart"},
			Distributions: []opendata.Distribution{{Path: "data/sensors.geojson", MediaType: "application/geo+json",
				Title: label.Text{"Sensoren (GeoJSON)", "Sensors (GeoJSON)"}}}},
		{ID: "quality", Title: label.Text{"Kwaliteit van de registers", "Quality of the registers"},
			Description: label.Text{"Per gemeente: velden ingevuld, registraties zonder bevindingen per principe, evaluaties te laat.", "Per municipality: fields filled, records without findings per principle, evaluations overdue."},
			Keywords:    []string{"kwaliteit", "registers"},
			Distributions: []opendata.Distribution{{Path: "data/quality.json", MediaType: "application/json",
				Title: label.Text{"Kwaliteit (JSON)", "Quality (JSON)"}}}},
	}
}

// writeList writes head, then the lines of name in each part folder joined
// by commas, then tail: a JSON list made from JSON lines without reading
// them into memory.
func writeList(path, head, tail string, parts []string, name string) error {
	return atomicfile.WriteFrom(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		bw.WriteString(head)
		first := true
		for _, dir := range parts {
			f, err := openRegular(filepath.Join(dir, name))
			if err != nil {
				return err
			}
			br := bufio.NewReaderSize(f, 1<<20)
			for {
				line, err := br.ReadSlice('\n')
				if errors.Is(err, bufio.ErrBufferFull) {
					// A record longer than the buffer: read it whole.
					rest, err2 := br.ReadBytes('\n')
					line = append(slices.Clone(line), rest...)
					err = err2
				}
				if line = bytes.TrimRight(line, "\n"); len(line) > 0 {
					if !first {
						bw.WriteString(",\n")
					}
					first = false
					bw.Write(line)
				}
				if err != nil {
					f.Close()
					if !errors.Is(err, io.EOF) {
						return err
					}
					break
				}
			}
		}
		bw.WriteString(tail)
		return bw.Flush()
	})
}

func writeJSON(path string, v any) error {
	return atomicfile.WriteFrom(path, 0o644, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(v)
	})
}

// copyFile copies a part's file from the cache (a regular file only,
// readLimited) into the site being made.
func copyFile(from, to string) error {
	data, err := readLimited(from, math.MaxInt64)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
