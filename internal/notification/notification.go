package notification

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// RuleNotification is the rule id of findings about a notification itself:
// a record that is not a sensor, one that exists already, a receipt date
// that replaces the one in the file, a field the form does not ask.
const RuleNotification = "notification"

// ReceivedKey is the field that holds the date the municipality received
// the notification; the notice-period rule measures from it.
const ReceivedKey = "registered_on"

// Validator checks one parsed record; the validate package provides it.
type Validator interface {
	Validate(doc *source.Document, k record.Kind) []finding.Finding
}

// Options tune an import.
type Options struct {
	// Received is the day the municipality received the notification.
	Received time.Time
	// Update applies a notification about a sensor the register has to its
	// record: the fields the notification gives replace those of the
	// record, the rest stay, and a field it gives as empty (Cleared) is
	// removed. Without it, such a notification is refused.
	Update bool
	// Validator checks the record; nil is refused, because a notification
	// comes from outside and is never written unchecked.
	Validator Validator
	// Removed tells of a record the register had with the id and has no
	// more (removed, or renamed to another id). A new sensor with that id
	// is refused: an id is never reused, for links to the old record's
	// page and its history would lead to the new one. nil when the
	// register's history is not known; nothing is refused then.
	Removed func(id string) (Removal, bool)
}

// Removal is a record the register no longer has: its file, as the desk
// is shown it (and gives it to git), and the commit that removed or renamed
// it, with its date.
type Removal struct {
	File   string
	Commit string
	On     time.Time
}

// Short is the commit's abbreviated hash, as git shows it.
func (r Removal) Short() string {
	if len(r.Commit) > 7 {
		return r.Commit[:7]
	}
	return r.Commit
}

// Result is what an import would write.
type Result struct {
	ID string
	// Path is the record's file relative to the register root, with
	// forward slashes ("sensors/cam-bakkerij.yaml").
	Path string
	// Data is the record to write; nil when nothing may be written.
	Data []byte
	// Old is the record's file as it was, for an update; Write refuses to
	// replace a file that changed since.
	Old []byte
	// Changes are the fields an update changes; empty for a new record.
	Changes  []fielddiff.Change
	Findings []finding.Finding
}

// Updated reports whether the result changes a record the register has.
func (r *Result) Updated() bool { return r.Old != nil }

// Read reads a notification (name is the file name shown in findings) and
// returns the record it adds to the register at root, or the findings
// that explain why it cannot: unreadable or hostile YAML, a record that is
// not a valid sensor, a sensor the register has (unless opts.Update), or
// an id a record removed from the register had (opts.Removed).
// Every finding has the file, line and column. An error means the
// register itself could not be read.
func Read(root, name string, data []byte, opts Options) (*Result, error) {
	if opts.Validator == nil {
		return nil, errors.New("import notification: no validator")
	}
	if opts.Received.IsZero() {
		return nil, errors.New("import notification: no receipt date")
	}
	received := period.Format(opts.Received)
	res := &Result{}
	doc, fs := source.Parse(name, data, source.DefaultLimits)
	if doc == nil {
		res.Findings = fs
		return res, nil
	}
	id, refused := identify(name, doc)
	if refused != nil {
		res.Findings = append(res.Findings, *refused)
		return res, nil
	}
	res.ID = id
	res.Path = record.Sensor.Folder() + "/" + id + ".yaml"
	res.Findings = append(res.Findings, remarks(name, doc, id, received)...)
	return place(root, name, doc, res, received, opts)
}

// refusal is the finding that refuses a notification, in English and Dutch
// (the desk's language), at n when known.
func refusal(name string, n *yaml.Node, msg, help label.Text) *finding.Finding {
	f := finding.Finding{File: name, Rule: RuleNotification, Severity: finding.Error, Message: msg, Help: help}
	if n != nil {
		f.Line, f.Column = n.Line, n.Column
	}
	return &f
}

// identify returns the sensor's id, or the refusal of a notification that
// is not one sensor record with a valid id.
func identify(name string, doc *source.Document) (string, *finding.Finding) {
	top, ok := doc.Value.(map[string]any)
	if !ok || doc.Root.Kind != yaml.MappingNode {
		return "", refusal(name, doc.Root,
			label.Text{"Een melding is één sensorrecord: velden zoals id, name en location.", "a notification is one sensor record: a mapping of fields such as id, name and location"},
			label.Text{"Stuur het bestand dat het meldformulier maakte, onveranderd.", "send the file the notification form made, unchanged"})
	}
	if k, _ := top["kind"].(string); k != string(record.Sensor) {
		return "", refusal(name, valueNode(doc, "kind"),
			label.Text{fmt.Sprintf("kind is %q; een melding gaat over een sensor (kind: sensor).", fmt.Sprint(top["kind"])), fmt.Sprintf("kind is %q; a notification is about a sensor (kind: sensor)", fmt.Sprint(top["kind"]))},
			label.Text{"De meldplicht geldt voor sensoren; voeg een algoritme toe met 'register new algorithm'.", "the duty to report is for sensors; add an algorithm with 'register new algorithm'"})
	}
	id, _ := top["id"].(string)
	if !record.ValidID(id) {
		// The id names the file: check it before it comes near a path.
		return "", refusal(name, valueNode(doc, "id"),
			label.Text{fmt.Sprintf("id %q is geen geldig kenmerk.", fmt.Sprint(top["id"])), fmt.Sprintf("id %q is not a valid identifier", fmt.Sprint(top["id"]))},
			label.Text{"Gebruik kleine letters, cijfers en streepjes, 2 tot 63 tekens, bijvoorbeeld camera-bakkerij.", "use lower-case letters, digits and hyphens, 2 to 63 characters, for example camera-bakkerij"})
	}
	return id, nil
}

// remarks are what the desk should know of an acceptable notification: a
// receipt date it gave that the real one replaces, and fields the form does
// not ask.
func remarks(name string, doc *source.Document, id, received string) []finding.Finding {
	var out []finding.Finding
	top := doc.Value.(map[string]any)
	if old, ok := top[ReceivedKey]; ok && fmt.Sprint(old) != received {
		line, col := doc.Locate("/"+ReceivedKey, false)
		out = append(out, finding.Finding{File: name, Line: line, Column: col, Rule: RuleNotification,
			Severity: finding.Warning,
			Message: label.Text{fmt.Sprintf("%s %v in de melding wordt vervangen door de ontvangstdatum %s.", ReceivedKey, old, received),
				fmt.Sprintf("%s %v in the notification is replaced by the receipt date %s", ReceivedKey, old, received)},
			Help: label.Text{"De meldtermijn telt vanaf de dag dat de gemeente de melding ontving (--received).",
				"the notice period counts from the day the municipality received the notification (--received)"}})
	}
	for i := 0; i+1 < len(doc.Root.Content); i += 2 {
		k := doc.Root.Content[i]
		if k.Value != ReceivedKey && !Asked(k.Value) {
			out = append(out, finding.Finding{File: name, Line: k.Line, Column: k.Column, Rule: RuleNotification,
				Severity: finding.Info, Record: id,
				Message: label.Text{fmt.Sprintf("%s is geen vraag van het meldformulier; ga na of de melder dit mag invullen.", k.Value),
					fmt.Sprintf("%s is not a question of the notification form; check that the operator may set it", k.Value)},
				Help: label.Text{"Haal het uit het record als de gemeente hierover beslist.",
					"remove it from the record if it is the municipality's to decide"}})
		}
	}
	return out
}

// place makes the record the notification becomes: a new sensor's file,
// or with Update the register's record changed by it; an id the register
// already uses otherwise is refused, and so is one a record removed from
// it had.
func place(root, name string, doc *source.Document, res *Result, received string, opts Options) (*Result, error) {
	fail := func(f *finding.Finding) (*Result, error) {
		res.Findings = append(res.Findings, *f)
		return res, nil
	}
	// What the operator sent, without comments, anchors or custom tags,
	// dated by its receipt.
	clean := cleanNode(doc.Root)
	setKey(clean, ReceivedKey, &yaml.Node{Kind: yaml.ScalarNode, Value: received}, "sensor_type")
	value, _ := doc.Value.(map[string]any)
	value[ReceivedKey] = received

	existing, file, err := find(root, res.ID)
	if err != nil {
		return nil, err
	}
	if existing != nil && file == res.Path && opts.Update {
		// An update may leave out what the record holds (a withheld
		// point the form could not show): the record it makes is checked.
		return update(res, name, existing, clean, opts.Validator)
	}
	if fs := opts.Validator.Validate(doc, record.Sensor); len(fs) > 0 {
		for i := range fs {
			fs[i].File = name
		}
		res.Findings = append(res.Findings, fs...)
		return res, nil
	}
	var gone Removal
	wasUsed := false
	if existing == nil && opts.Removed != nil {
		gone, wasUsed = opts.Removed(res.ID)
	}
	switch {
	case wasUsed:
		on := period.Format(gone.On)
		return fail(refusal(name, valueNode(doc, "id"),
			label.Text{fmt.Sprintf("%s had dit kenmerk tot commit %s van %s het verwijderde of hernoemde; een kenmerk wordt nooit hergebruikt, want links naar de pagina van die sensor en zijn geschiedenis zouden dan bij deze uitkomen.", gone.File, gone.Short(), on),
				fmt.Sprintf("%s had this id until commit %s of %s removed or renamed it; an id is never reused, for links to that sensor's page and its history would lead to this one", gone.File, gone.Short(), on)},
			label.Text{fmt.Sprintf("Geef de sensor een ander kenmerk (id). Komt dezelfde sensor terug, zet dan zijn bestand terug uit Git (git checkout %s^ -- %s), zodat hij zijn geschiedenis houdt.", gone.Short(), gone.File),
				fmt.Sprintf("give the sensor another id; if the same sensor comes back, restore its file from Git (git checkout %s^ -- %s) so it keeps its history", gone.Short(), gone.File)}))
	case existing == nil:
		clean.HeadComment = header(received)
		res.Data, err = encode(clean)
		return res, err
	case file != res.Path:
		return fail(refusal(name, valueNode(doc, "id"),
			label.Text{fmt.Sprintf("Het register heeft al een record %s met dit kenmerk; een kenmerk wordt nooit hergebruikt.", file), fmt.Sprintf("the register has a record %s with this id; an id is never reused", file)},
			label.Text{"Geef de sensor een ander kenmerk (id).", "give the sensor another id"}))
	}
	return fail(refusal(name, valueNode(doc, "id"),
		label.Text{fmt.Sprintf("Het register heeft deze sensor al (%s); er is niets geschreven.", file), fmt.Sprintf("the register has this sensor already (%s); nothing is written", file)},
		label.Text{"Is de melding een wijziging, voer het opnieuw uit met --update; is het een andere sensor, geef hem een ander kenmerk.", "to apply the notification as a change to it, run again with --update; to add another sensor, give it another id"}))
}

// update applies the notification to the record the register has: the
// fields it gives replace the record's, so what the form does not ask and
// what the public site did not show (withheld fields) stay as they were;
// the record's own registered_on, the date of the first notification,
// stays too. A field the notification gives as empty (see Cleared) is
// removed from the record, and a mapping left empty with it; only a field
// the form asks can be removed so, so a notification never removes the
// municipality's own fields (the publication block above all), and a field
// every sensor record needs (see Required) is never emptied: the
// notification is refused at the value that empties it. The record's file
// is edited in place (see editInPlace): only the lines of the fields that
// change are written anew.
func update(res *Result, name string, old []byte, note *yaml.Node, v Validator) (*Result, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(old, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		res.Findings = append(res.Findings, finding.Finding{File: res.Path, Rule: RuleNotification, Severity: finding.Error,
			Message: label.Text{"Het record in het register kan niet worden gelezen, dus de melding kan er niet op worden toegepast.", "the register's record cannot be read, so the notification cannot be applied to it"},
			Help:    label.Text{"Voer 'register validate' uit en herstel eerst het record.", "run 'register validate' and fix the record first"}})
		return res, nil
	}
	top := doc.Content[0]
	skip := func(k string) bool { return k == ReceivedKey || k == "id" || k == "kind" }
	refused := false
	refuse := func(at *yaml.Node, msg, help label.Text) {
		refused = true
		res.Findings = append(res.Findings, finding.Finding{File: name, Line: at.Line, Column: at.Column, Rule: RuleNotification,
			Severity: finding.Error, Record: res.ID, Message: msg, Help: help})
	}
	for i := 0; i+1 < len(note.Content); i += 2 {
		key, val := note.Content[i], note.Content[i+1]
		k := key.Value
		if skip(k) {
			continue
		}
		if (!Asked(k) || !Cleared(val) && !asFormWrites(k, val)) && !holds(top, k, val) {
			// What the form does not ask is the municipality's to decide
			// (the publication block above all: a notification that set
			// public: true published what the municipality kept back). A
			// new sensor's notification is the desk's to read whole; a
			// change to a record the register has is applied as it is.
			refuse(key, label.Text{fmt.Sprintf("%s is geen vraag van het meldformulier maar een beslissing van de gemeente; een melding verandert het niet, en het record is niet veranderd.", k),
				fmt.Sprintf("%s is no question of the notification form but the municipality's to decide; a notification does not change it, and the record is left unchanged", k)},
				label.Text{"Laat het weg uit de melding; de gemeente verandert het zelf in het record.",
					"leave it out of the notification; the municipality changes it in the record itself"})
			continue
		}
		if list := withheldByPlace(top, k, val); list != "" {
			// The record withholds an item of the list by its place in
			// it: a new list would put another item there, and publish
			// the one withheld.
			refuse(key, label.Text{fmt.Sprintf("het record schermt %s af, een item van %s op zijn plaats in de lijst; een melding die de lijst verandert, zou een ander item afschermen en dit openbaar maken, dus het record is niet veranderd.", list, k),
				fmt.Sprintf("the record withholds %s, an item of %s by its place in the list; a notification that changes the list would withhold another item and publish this one, so the record is left unchanged", list, k)},
				label.Text{"Laat het weg uit de melding; de gemeente verandert de lijst en wat ze afschermt zelf in het record.",
					"leave it out of the notification; the municipality changes the list and what it withholds in the record itself"})
			continue
		}
		clearedPaths(k, key, val, func(path string, at, v *yaml.Node) {
			switch {
			case Required(path):
				// The record keeps its value; the fault is the
				// notification's, at the value it empties.
				if v.Line == at.Line && v.Column > at.Column {
					at = v
				}
				refuse(at, label.Text{fmt.Sprintf("%s is verplicht en kan niet met een melding worden leeggemaakt; het record is niet veranderd.", path),
					fmt.Sprintf("%s is required and cannot be emptied by a notification; the record is left unchanged", path)},
					label.Text{"Laat het weg uit de melding om de waarde in het record te houden, of vul de nieuwe waarde in.",
						"leave it out of the notification to keep the record's value, or fill in the new value"})
			case !Asked(path):
				refuse(at, label.Text{fmt.Sprintf("%s is leeg opgegeven en zou zo uit het record verdwijnen, maar het is geen vraag van het meldformulier.", path),
					fmt.Sprintf("%s is given empty, which would remove it from the record, but it is not a question of the notification form", path)},
					label.Text{"Laat het weg uit de melding om het te houden; zo'n veld haalt de gemeente zelf uit het record.",
						"leave it out of the notification to keep it; the municipality removes such a field in the record itself"})
			}
		})
	}
	if refused {
		return res, nil
	}
	// The record the merge makes, written out whole: what the file edited
	// in place must hold, and what is written when it cannot be.
	merged := copyNode(top)
	for i := 0; i+1 < len(note.Content); i += 2 {
		if k := note.Content[i].Value; !skip(k) {
			mergeKey(merged, k, note.Content[i+1])
		}
	}
	whole, err := encode(merged)
	if err != nil {
		return nil, err
	}
	out := whole
	if edited, err := editInPlace(old, top, note, skip); err == nil {
		if diff, err := fielddiff.YAML(whole, edited); err == nil && len(diff) == 0 {
			out = edited
		}
	}
	checked, fs := source.Parse(res.Path, out, source.DefaultLimits)
	if checked != nil {
		fs = v.Validate(checked, record.Sensor)
	}
	if len(fs) > 0 {
		for i := range fs {
			fs[i].Message = label.Text{fs[i].Message.In("nl"), "after applying " + name + ": " + fs[i].Message.In("en")}
		}
		res.Findings = append(res.Findings, fs...)
		return res, nil
	}
	changes, err := fielddiff.YAML(old, out)
	if err != nil {
		return nil, err
	}
	res.Old, res.Data, res.Changes = old, out, changes
	return res, nil
}

// Why Write leaves the register as it is, in English and Dutch: the
// command line prints them in the run's language.
var (
	msgNothingToWrite = message.New("import notification: nothing to write", "melding importeren: niets om te schrijven")
	msgCreateFolder   = message.New("create folder %s: %v", "map %s maken: %v")
	msgReadRecord     = message.ReadFailed
	msgAppeared       = message.New("%s appeared while importing and is left unchanged; run the import again",
		"%s is tijdens het importeren verschenen en blijft zoals het is; start de import opnieuw")
	msgChanged = message.New("%s changed while importing and is left unchanged; run the import again",
		"%s is tijdens het importeren veranderd en blijft zoals het is; start de import opnieuw")
)

// Write writes the record the result holds under root: a new record is
// created and never replaces a file (one that appeared since Read is an
// error), an update replaces the record only when it is still the file
// Read saw. Either appears whole or not at all.
func Write(root string, res *Result) error {
	if res == nil || res.Data == nil {
		return msgNothingToWrite.Err()
	}
	target := filepath.Join(root, filepath.FromSlash(res.Path))
	if !res.Updated() {
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return msgCreateFolder.Err(filepath.Dir(target), err)
		}
		if err := atomicfile.WriteNew(target, res.Data, 0o644); err != nil {
			if errors.Is(err, os.ErrExist) {
				return msgAppeared.Err(target)
			}
			return err
		}
		return nil
	}
	now, err := os.ReadFile(target)
	if err != nil {
		return msgReadRecord.Err(target, err)
	}
	if !bytes.Equal(now, res.Old) {
		return msgChanged.Err(target)
	}
	return atomicfile.Write(target, res.Data, 0o644)
}

// find returns the record file with the id under root (sensor or
// algorithm, .yaml or .yml), relative with forward slashes, and its bytes.
func find(root, id string) ([]byte, string, error) {
	for _, rel := range record.FilesOf(id) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		st, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, "", fmt.Errorf("read register %s: %w", root, err)
		}
		if !st.Mode().IsRegular() || st.Size() > source.DefaultLimits.MaxBytes {
			return []byte{}, rel, nil // there, but not a record to merge into
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, "", fmt.Errorf("read %s: %w", p, err)
		}
		return data, rel, nil
	}
	return nil, "", nil
}

// header is the comment at the top of an imported record.
func header(received string) string {
	return "yaml-language-server: $schema=../../schema/sensor.schema.json\n" +
		"Gemeld met het meldformulier; ontvangen op " + received + " (register import notification).\n" +
		"EN: Notified with the notification form; received on " + received + "."
}

// valueNode is the node of a top-level key's value, for a finding's place.
func valueNode(doc *source.Document, key string) *yaml.Node {
	if n := doc.Find([]string{key}, false); n != nil {
		return n
	}
	return doc.Root
}

// standardTags are the tags kept on scalars; any other tag is dropped and
// the value kept as text, which is what the schema checked.
var standardTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp"}

// cleanNode copies a node tree with aliases expanded (source.Parse bounded
// them already) and without comments, anchors, custom tags or the quoting
// the text came with: a comment
// from outside could hold what must not be published, and the site
// publishes a record's source.
func cleanNode(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	c := &yaml.Node{Kind: n.Kind, Style: n.Style &^ yaml.TaggedStyle, Value: n.Value, Line: n.Line, Column: n.Column}
	if n.Kind == yaml.ScalarNode {
		// The form quotes every text; the register writes plain text where
		// YAML allows it, and the encoder quotes the rest.
		c.Tag, c.Style = n.ShortTag(), 0
		if !slices.Contains(standardTags, c.Tag) {
			c.Tag, c.Style = "!!str", yaml.DoubleQuotedStyle
		}
	}
	for _, x := range n.Content {
		c.Content = append(c.Content, cleanNode(x))
	}
	return c
}

// setKey sets a key of a mapping node, in place when it is there, else
// before the key named before (or at the end).
func setKey(m *yaml.Node, key string, v *yaml.Node, before string) {
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		switch m.Content[i].Value {
		case key:
			m.Content[i+1] = v
			return
		case before:
			at = i
		}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	m.Content = slices.Insert(m.Content, at, k, v)
}

// Cleared reports whether a value in a notification asks, on --update, to
// remove the field from the record: null (~, null, or nothing after the
// colon), an empty text ("") or an empty list ([]). A field left out of
// the notification stays as the record has it, and so do the fields of a
// mapping it gives: an empty mapping ({}, as the form writes evaluation)
// changes nothing.
func Cleared(v *yaml.Node) bool {
	switch v.Kind {
	case yaml.ScalarNode:
		tag := v.ShortTag()
		return tag == "!!null" || tag == "!!str" && v.Value == ""
	case yaml.SequenceNode:
		return len(v.Content) == 0
	}
	return false
}

// clearedPaths calls found with the dotted path, the key node and the
// value node of every field under v (at path, whose key node is k) that
// the notification clears.
func clearedPaths(path string, k, v *yaml.Node, found func(path string, k, v *yaml.Node)) {
	if Cleared(v) {
		found(path, k, v)
		return
	}
	if v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			clearedPaths(path+"."+v.Content[i].Value, v.Content[i], v.Content[i+1], found)
		}
	}
}

// asFormWrites reports whether v, a notification's value of the field k,
// is what the form writes there when k is one the form fills by itself
// (Fixed: an empty evaluation block), or k is asked: a notification
// changes a fixed field no more than one it does not ask.
func asFormWrites(k string, v *yaml.Node) bool {
	fixed, ok := Fixed[k]
	if !ok {
		return true
	}
	var got any
	if v.Decode(&got) != nil {
		return false
	}
	if m, isMap := fixed.(map[string]any); isMap {
		g, _ := got.(map[string]any)
		return len(m) == 0 && g != nil && len(g) == 0
	}
	return fmt.Sprint(got) == fmt.Sprint(fixed)
}

// withheldByPlace returns a path under the field k that the record top
// withholds by an item's place in a list (personal_data.categories.1)
// whose list the notification's value v of k changes, or "". A list the
// notification leaves out, or sends as it is, keeps its places.
func withheldByPlace(top *yaml.Node, k string, v *yaml.Node) string {
	pub := source.Value(top, "publication")
	if pub == nil {
		return ""
	}
	ws := source.Value(pub, "withheld")
	if ws == nil {
		return ""
	}
	for _, w := range ws.Content {
		path := strings.TrimSpace(w.Value)
		parts := strings.Split(path, ".")
		if parts[0] != k {
			continue
		}
		for n, part := range parts {
			if _, err := strconv.Atoi(part); err != nil || n == 0 {
				continue
			}
			// The list is parts[:n]: below k, what the notification gives
			// of it and what the record has.
			sent, had := v, source.Value(top, k)
			for _, key := range parts[1:n] {
				sent, had = source.Value(sent, key), source.Value(had, key)
			}
			if sent != nil && (had == nil || !sameNode(sent, had)) {
				return path
			}
			break
		}
	}
	return ""
}

// holds reports whether the mapping m holds key with the value v.
func holds(m *yaml.Node, key string, v *yaml.Node) bool {
	had := source.Value(m, key)
	return had != nil && sameNode(had, v)
}

// mergeKey puts the notification's value v at key in the record's mapping
// m: mappings are merged field by field, anything else replaced whole; a
// cleared value removes the key, and a mapping the removals leave empty
// goes with it.
func mergeKey(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != key {
			continue
		}
		old := m.Content[i+1]
		if old.Kind == yaml.MappingNode && v.Kind == yaml.MappingNode {
			had := len(old.Content)
			for j := 0; j+1 < len(v.Content); j += 2 {
				mergeKey(old, v.Content[j].Value, v.Content[j+1])
			}
			if len(old.Content) > 0 || had == 0 {
				return
			}
		} else if v = withoutCleared(v); v != nil {
			m.Content[i+1] = v
			return
		}
		m.Content = slices.Delete(m.Content, i, i+2)
		return
	}
	if v = withoutCleared(v); v != nil {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	}
}

// withoutCleared is v without the fields it clears, for a value that
// replaces the record's whole; nil when nothing is left.
func withoutCleared(v *yaml.Node) *yaml.Node {
	if Cleared(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return v
	}
	c := *v
	c.Content = nil
	for i := 0; i+1 < len(v.Content); i += 2 {
		if x := withoutCleared(v.Content[i+1]); x != nil {
			c.Content = append(c.Content, v.Content[i], x)
		}
	}
	if len(c.Content) == 0 && len(v.Content) > 0 {
		return nil
	}
	return &c
}

func encode(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, fmt.Errorf("write record: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("write record: %w", err)
	}
	return buf.Bytes(), nil
}

var (
	msgNothingWritten = message.New("nothing written", "niets geschreven")
	msgChangesNothing = message.New("%s: the notification changes nothing", "%s: de melding verandert niets")
	msgUpdatedFields  = message.New("%s: updated %s", "%s: bijgewerkt: %s")
	msgAdded          = message.New("%s: added", "%s: toegevoegd")
)

// In describes the result in a line in lang, for the command's output.
func (r *Result) In(lang string) string {
	switch {
	case r.Data == nil:
		return msgNothingWritten.In(lang)
	case r.Updated() && len(r.Changes) == 0:
		return msgChangesNothing.Format(lang, r.Path)
	case r.Updated():
		var ps []string
		for _, c := range r.Changes {
			ps = append(ps, strings.TrimPrefix(c.Path, "/"))
		}
		return msgUpdatedFields.Format(lang, r.Path, strings.Join(ps, ", "))
	}
	return msgAdded.Format(lang, r.Path)
}

// String is the result's line in English.
func (r *Result) String() string { return r.In(message.English) }
