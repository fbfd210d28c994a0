// Package federate builds one national register from many municipal ones:
// it reads the registers a federation.yaml lists (a Git repository, or a
// published site's open data), keeps what each publishes, and writes one
// national site and open data with every public record and its
// municipality, national counts, a map of all sensors, each municipality's
// quality and a DCAT catalogue. A register that cannot be read is reported
// and left out; the others are published. Each register's result is kept in
// a cache keyed on its commit (or its open data's content), so a second run
// reads only the registers that changed.
package federate

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/source"
)

// Federation is a federation.yaml: who publishes the national register and
// the registers it gathers.
type Federation struct {
	// Title is the national site's title.
	Title string
	// Organisation publishes the national register (for the catalogue).
	Organisation string
	// BaseURL is where the national site is published; the DCAT catalogue
	// needs it.
	BaseURL string
	// PublisherURI names the publisher in the catalogue.
	PublisherURI string
	// Members are the registers, in the order listed.
	Members []Member
	// Dir is the folder of federation.yaml; relative sources are read from
	// there.
	Dir string
	// File is federation.yaml's path as given.
	File string
}

// Member is one municipality's register.
type Member struct {
	// Organisation is the municipality's name ("Gemeente Utrecht").
	Organisation string
	// Code is its CBS municipality code, "GM" and four digits ("GM0344").
	Code string
	// Province groups members for sharding a federation over several jobs.
	Province string
	// Source is where the register is read: a folder (a Git repository or a
	// plain register), a clone URL, or a published site's open data
	// (register.json, a file or an https URL).
	Source string
	// Line is the member's line in federation.yaml.
	Line int
}

// MaxConfigBytes bounds federation.yaml: 342 municipalities take some
// 60 kB; a file far larger is a mistake.
const MaxConfigBytes = 4 << 20

var codePattern = regexp.MustCompile(`^(?i:GM)?([0-9]{4})$`)

// ErrConfig marks a federation.yaml that cannot be used; the message names
// the file, line and column and what to change.
var ErrConfig = errors.New("federation.yaml")

// What is said of a federation.yaml that cannot be used, English and
// Dutch side by side (one a register read says too, msgNotRegular, is in
// problem.go). Each is an error of ErrConfig, worded in the reader's
// language.
var (
	// msgAt puts a problem at its place: the file, line and column, then
	// the problem, worded in the reader's language.
	msgAt         = message.New("%s:%d:%d: %v", "%s:%d:%d: %v")
	msgClearCache = message.New("clear the cache of registers no longer listed (remove them by hand, or give another --cache): %v",
		"de cache van registers die niet meer in de lijst staan opruimen (verwijder ze met de hand, of geef een andere --cache): %v")
	msgNotYAML      = message.New("%s: not YAML: %v; %v (see the example in the README)", "%s: geen YAML: %v; %v (zie het voorbeeld in de README)")
	msgConfigTooBig = message.New("read federation %s: %d bytes is more than the limit of %d; list the registers only",
		"federatie %s lezen: %d bytes is meer dan de grens van %d; noem alleen de registers")
	msgTopMapping = message.New("the file is a mapping with title and registers", "het bestand is een mapping met title en registers")
	msgIsText     = message.New("%s is a text", "%s is een tekst")
	msgBaseURL    = message.New("base_url is the national site's http or https address, without ? or #, such as https://register.example.nl/",
		"base_url is het http- of https-adres van de landelijke site, zonder ? of #, zoals https://register.example.nl/")
	msgPublisherURI = message.New("publisher_uri is the publisher's http or https URI, such as https://identifier.overheid.nl/tooi/id/ministerie/mnre1034",
		"publisher_uri is de http- of https-URI van de uitgever, zoals https://identifier.overheid.nl/tooi/id/ministerie/mnre1034")
	msgUnknownKey = message.New("unknown key %q: use title, organisation, base_url, publisher_uri and registers",
		"onbekende sleutel %q: gebruik title, organisation, base_url, publisher_uri en registers")
	msgRegisters = message.New("registers is a list with organisation, code and source for each municipality",
		"registers is een lijst met organisation, code en source voor elke gemeente")
	msgTwice = message.New("%s is listed twice (first on line %d); list each municipality once",
		"%s staat er twee keer in (eerst op regel %d); noem elke gemeente één keer")
	msgMemberMapping = message.New("each register is a mapping with organisation, code and source",
		"elk register is een mapping met organisation, code en source")
	msgBadCode = message.New("code %q is not a CBS municipality code: write GM and four digits, such as GM0344",
		"code %q is geen CBS-gemeentecode: schrijf GM en vier cijfers, zoals GM0344")
	msgNUL              = message.New("source holds a NUL character", "source bevat een NUL-teken")
	msgUnknownMemberKey = message.New("unknown key %q: a register has organisation, code, province and source",
		"onbekende sleutel %q: een register heeft organisation, code, province en source")
	msgNoOrganisation = message.New("the register has no organisation; add organisation: Gemeente ...",
		"het register heeft geen organisation; voeg organisation: Gemeente ... toe")
	msgNoCode = message.New("%s has no code; add its CBS municipality code (code: GM0344)",
		"%s heeft geen code; voeg de CBS-gemeentecode toe (code: GM0344)")
	msgNoSource = message.New("%s has no source; add the folder, clone URL or register.json it is read from",
		"%s heeft geen source; voeg de map, clone-URL of register.json toe waaruit het wordt gelezen")
)

// configError is a problem at a place in federation.yaml.
func configError(file string, n *yaml.Node, what *message.Text, args ...any) error {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	return msgAt.ErrOf(ErrConfig, file, line, col, what.With(args...))
}

// LoadConfig reads a federation.yaml. Every problem is an error naming the
// file, line and column: a federation that is not what its author meant
// must not publish a national register with registers missing unnoticed.
func LoadConfig(path string) (*Federation, error) {
	// Looked at before it is read (binread): a named pipe would hold the
	// run for ever.
	data, err := binread.ReadFile(path, MaxConfigBytes)
	var big *binread.TooLarge
	switch {
	case errors.As(err, &big):
		return nil, msgConfigTooBig.ErrOf(ErrConfig, path, big.Size, MaxConfigBytes)
	case errors.Is(err, binread.ErrNotRegular):
		return nil, msgNotRegular.ErrOf(ErrConfig, path)
	case err != nil:
		return nil, fmt.Errorf("read federation %s: %w", path, err)
	}
	return ParseConfig(path, data)
}

// ParseConfig reads federation.yaml's text; name is shown in errors and its
// folder is where relative sources are read from.
func ParseConfig(name string, data []byte) (*Federation, error) {
	// Read as record files are: a syntax error is placed at its line and
	// column, and hostile text is refused alike.
	lim := source.DefaultLimits
	lim.MaxBytes = MaxConfigBytes
	doc, fs := source.Tree(name, data, lim)
	if len(fs) > 0 {
		f := fs[0]
		return nil, msgNotYAML.ErrOf(ErrConfig, f.Position(), f.Message, f.Help)
	}
	top := doc.Root
	if top.Kind != yaml.MappingNode {
		return nil, configError(name, top, msgTopMapping)
	}
	f := &Federation{Dir: filepath.Dir(name), File: name}
	var list *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "title", "organisation", "base_url", "publisher_uri":
			if v.Kind != yaml.ScalarNode {
				return nil, configError(name, v, msgIsText, k.Value)
			}
			s := strings.TrimSpace(v.Value)
			switch k.Value {
			case "title":
				f.Title = s
			case "organisation":
				f.Organisation = s
			case "base_url":
				// As a municipality's site.base_url: it is put in pages,
				// the feed and the catalogue.
				if s != "" && !config.TakesAddress("site.base_url", s) {
					return nil, configError(name, v, msgBaseURL)
				}
				f.BaseURL = s
			case "publisher_uri":
				if s != "" && !config.TakesAddress("open_data.publisher_uri", s) {
					return nil, configError(name, v, msgPublisherURI)
				}
				f.PublisherURI = s
			}
		case "registers":
			list = v
		default:
			return nil, configError(name, k, msgUnknownKey, k.Value)
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, configError(name, cmpNode(list, top), msgRegisters)
	}
	seen := map[string]int{}
	for _, item := range list.Content {
		m, err := parseMember(name, item)
		if err != nil {
			return nil, err
		}
		if prev, ok := seen[m.Code]; ok {
			return nil, configError(name, item, msgTwice, m.Code, prev)
		}
		seen[m.Code] = m.Line
		f.Members = append(f.Members, m)
	}
	if f.Title == "" {
		f.Title = "Landelijk overzicht van sensoren en algoritmes"
	}
	return f, nil
}

func cmpNode(n, fallback *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return fallback
}

func parseMember(name string, item *yaml.Node) (Member, error) {
	m := Member{Line: item.Line}
	if item.Kind != yaml.MappingNode {
		return m, configError(name, item, msgMemberMapping)
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return m, configError(name, v, msgIsText, k.Value)
		}
		s := strings.TrimSpace(v.Value)
		switch k.Value {
		case "organisation":
			m.Organisation = s
		case "code":
			c := codePattern.FindStringSubmatch(s)
			if c == nil {
				return m, configError(name, v, msgBadCode, s)
			}
			m.Code = "GM" + c[1]
		case "province":
			m.Province = s
		case "source":
			if strings.ContainsRune(s, 0) {
				return m, configError(name, v, msgNUL)
			}
			m.Source = s
		default:
			return m, configError(name, k, msgUnknownMemberKey, k.Value)
		}
	}
	switch {
	case m.Organisation == "":
		return m, configError(name, item, msgNoOrganisation)
	case m.Code == "":
		return m, configError(name, item, msgNoCode, m.Organisation)
	case m.Source == "":
		return m, configError(name, item, msgNoSource, m.Organisation)
	}
	return m, nil
}
