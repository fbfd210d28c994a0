package opendata

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// Register is the shape of register.json: who publishes it and every public
// record in the record format, sensors first, then algorithms, by id.
type Register struct {
	Organisation string `json:"organisation,omitempty"`
	Title        string `json:"title,omitempty"`
	// Unpublished counts the records left out because they are not public,
	// so a reader knows the list is not the whole register.
	Unpublished int   `json:"unpublished_records"`
	Records     []any `json:"records"`
}

// WriteJSON writes the register's public records as JSON (register.json).
func WriteJSON(w io.Writer, reg *record.Register) error {
	out := Register{Records: []any{}}
	if reg.Config != nil {
		out.Organisation = reg.Config.Organisation
		out.Title = reg.Config.Site.Title
	}
	pub := publish.Register(reg)
	out.Unpublished = len(pub.Unpublished)
	for _, v := range pub.Register.Records {
		if v.Publication == nil || len(v.Publication.Withheld) == 0 {
			// Nothing withheld: encode the view as it is, which is the
			// same JSON as publish.Map without the round trip.
			out.Records = append(out.Records, v)
			continue
		}
		m, err := publish.Map(v)
		if err != nil {
			return err
		}
		out.Records = append(out.Records, m)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write register.json: %w", err)
	}
	return nil
}
