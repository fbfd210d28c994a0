package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/register"
)

// Register is the shape of register.json: who publishes it and every public
// record in the record format, sensors first, then algorithms, by id.
type Register struct {
	Organisation string `json:"organisation,omitempty"`
	Title        string `json:"title,omitempty"`
	// Unpublished counts the records left out because they are not public,
	// so a reader knows the list is not the whole register.
	Unpublished int `json:"unpublished_records"`
	// Checklist says how the register's configuration changed the
	// checklist: every deviation from the defaults is public.
	Checklist Checklist `json:"checklist"`
	Records   []any     `json:"records"`
}

// Checklist is the checklist's configuration as register.json publishes it.
// It is an object, so a reader that takes the one list of objects in the
// file as the records still finds them.
type Checklist struct {
	// Deviations are the rules switched off or set below their default
	// severity; empty when the register checks by the defaults.
	Deviations []Deviation `json:"deviations"`
}

// Deviation is one rule the configuration switched off or lowered.
type Deviation struct {
	Rule      string `json:"rule"`
	Principle string `json:"principle"`
	Severity  string `json:"severity"`
	Default   string `json:"default"`
	// SetIn is where: "register.yaml:12:3" or an environment variable.
	SetIn  string `json:"set_in"`
	Reason string `json:"reason"`
	// Law cites the articles when the rule follows from law, wholly or in
	// part; Effect then says that the setting did not silence them.
	Law    string `json:"law,omitempty"`
	Effect string `json:"effect"`
}

// deviations lists the configuration's changes to the checklist.
func deviations(cfg *config.Config) []Deviation {
	out := []Deviation{}
	for _, d := range principle.Deviations(cfg) {
		r := d.Rule
		effect := "the rule runs at the lower severity"
		switch {
		case d.Refused:
			effect = "refused: the rule follows from law and runs at its default"
		case d.PolicyOnly:
			effect = "only the rule's policy findings changed; " + r.LawScope + " it follows from law and runs at its default"
		case d.Setting.Severity == finding.Off:
			effect = "the rule does not run"
		}
		out = append(out, Deviation{Rule: r.ID, Principle: r.Ref, Severity: d.Setting.Severity.String(), Default: r.Default.String(),
			SetIn: d.Setting.Where(), Reason: d.Setting.Reason, Law: r.Law.EN, Effect: effect})
	}
	return out
}

// WriteJSON writes the register's public records as JSON (register.json).
func WriteJSON(w io.Writer, reg *register.Register) error {
	out := Register{Records: []any{}, Checklist: Checklist{Deviations: deviations(reg.Config)}}
	if reg.Config != nil {
		out.Organisation = reg.Config.Organisation
		out.Title = reg.Config.Site.Title
	}
	pub := publish.Register(reg)
	out.Unpublished = len(pub.Unpublished)
	// The records are written one by one, as the encoder would place them
	// in the list (the last field), so the file of a large register is
	// never held in memory whole.
	head, err := indented(out, "")
	if err != nil {
		return fmt.Errorf("write register.json: %w", err)
	}
	const empty = "\n \"records\": []\n}\n"
	if len(pub.Register.Records) == 0 || !bytes.HasSuffix(head, []byte(empty)) {
		_, err := w.Write(head)
		return err
	}
	if _, err := w.Write(head[:len(head)-len("]\n}\n")]); err != nil {
		return err
	}
	for i, v := range pub.Register.Records {
		var rec any = v
		if v.Publication != nil && len(v.Publication.Withheld) > 0 {
			m, err := publish.Map(v)
			if err != nil {
				return err
			}
			rec = m
		}
		// Nothing withheld: the view as it is, which is the same JSON as
		// publish.Map without the round trip.
		data, err := indented(rec, "  ")
		if err != nil {
			return fmt.Errorf("write register.json: %w", err)
		}
		sep := ",\n  "
		if i == 0 {
			sep = "\n  "
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(bytes.TrimSuffix(data, []byte("\n"))); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "\n ]\n}\n")
	return err
}

// indented encodes v as register.json does: indented by a space a level
// from prefix, with <, > and & as they are.
func indented(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
